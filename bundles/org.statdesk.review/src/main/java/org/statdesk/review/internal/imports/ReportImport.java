package org.statdesk.review.internal.imports;

import java.time.LocalDate;

/** The import of monthly reports (报表导入): a file all-or-nothing, figures judged strictly, revisions with a reason. */
public interface ReportImport {
    /** What an import did. */
    /** {@code ignoredColumns}: the file's columns that name nothing known (序号, 单位名称 ...), as written. */
    record ImportSummary(int values, int reports, int added, int changed, int unchanged, int revisions,
            java.util.List<String> ignoredColumns) {
        public ImportSummary(int values, int reports, int added, int changed, int unchanged, int revisions) {
            this(values, reports, added, changed, unchanged, revisions, java.util.List.of());
        }

        ImportSummary withIgnored(java.util.List<String> ignored) {
            return new ImportSummary(values, reports, added, changed, unchanged, revisions, ignored);
        }
    }

    /**
     * Imports a report file. A changed figure of a report already reviewed is a revision: refused without a reason,
     * journaled with it. Identical figures change nothing. {@code reportedOn} is the day of filing of reports whose
     * rows do not say it.
     */
    ImportSummary importReports(byte[] data, String reason, LocalDate reportedOn) throws Exception;

    /** Imports a report file: CSV or JSON as {@link #importReports}, or a workbook's sheet (null: the first). */
    ImportSummary importFile(java.nio.file.Path file, String sheet, String reason, LocalDate reportedOn)
            throws Exception;
}
