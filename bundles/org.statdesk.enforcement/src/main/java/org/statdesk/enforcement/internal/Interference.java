package org.statdesk.enforcement.internal;

import java.time.LocalDate;
import java.util.List;

/**
 * The register of officials' improper interference in statistical work (领导干部违规干预统计工作记录), kept by quarter;
 * its quarterly report says plainly when nothing was recorded (零报告).
 */
interface Interference {
    record Entry(long id, String quarter, String date, String official, String target, String request,
            String actionTaken, String recordedBy) {
    }

    record Report(String quarter, int count, String statement, List<Entry> entries) {
    }

    /** Records an entry; all four facts are required, as on paper, and the date must lie in the quarter. */
    Entry record(String quarter, LocalDate date, String official, String target, String request, String action)
            throws Exception;

    Report report(String quarter) throws Exception;
}
