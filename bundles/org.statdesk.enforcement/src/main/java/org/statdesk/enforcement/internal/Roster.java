package org.statdesk.enforcement.internal;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/** The inspector roster (执法人员名录) and the certificate exam pass rate (执法证考试合格率). */
interface Roster {
    record Inspector(long id, String name, String certificateNo, LocalDate certificateDate, String countyCode,
            String specialty, boolean examRequired) {
    }

    /**
     * An inspector as commands show it: the certificate date as ISO text, since the runtime's JSON writer has no
     * java.time support.
     */
    record InspectorJson(long id, String name, String certificateNo, String certificateDate, String countyCode,
            String specialty, boolean examRequired) {
        static InspectorJson of(Inspector i) {
            return new InspectorJson(i.id(), i.name(), i.certificateNo(),
                    i.certificateDate() == null ? null : i.certificateDate().toString(), i.countyCode(),
                    i.specialty(), i.examRequired());
        }
    }

    /** Of the staff required to sit the exam, how many hold a certificate, against the target. */
    record PassRate(int required, int passed, Double rate, double target, boolean met) {
    }

    /** {@code ignoredColumns}: the file's columns read as no field (序号, 备注 ...), as written. */
    record ImportResult(String file, int imported, int replaced, int certified, PassRate passRate,
            List<String> ignoredColumns) {
    }

    /**
     * Replaces the roster with the rows of the file (a CSV, or the sheet {@code sheet} of a workbook, null: the first), all or nothing: any error (encoding, header, cells, values, an empty
     * roster) is bad input with line numbers, and the roster stays as it was.
     */
    ImportResult importCsv(Path file, String sheet) throws Exception;

    /** {@link #importCsv(Path, String)} of a CSV or a workbook's first sheet. */
    default ImportResult importCsv(Path file) throws Exception {
        return importCsv(file, null);
    }

    /** The roster, or one county's part of it ({@code county} null: all). */
    List<Inspector> list(String county) throws Exception;

    PassRate passRate(List<Inspector> staff);

    /** The inspectors who may be drawn on {@code day}: certified on or before it. */
    List<DrawEngine.Inspector> certified(LocalDate day) throws Exception;
}
