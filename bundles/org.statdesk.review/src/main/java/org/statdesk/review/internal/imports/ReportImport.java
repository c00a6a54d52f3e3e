package org.statdesk.review.internal.imports;

import java.time.LocalDate;

/** The import of monthly reports (报表导入): a file all-or-nothing, figures judged strictly, revisions with a reason. */
public interface ReportImport {
    /** What an import did. */
    record ImportSummary(int values, int reports, int added, int changed, int unchanged, int revisions) {
    }

    /**
     * Imports a report file. A changed figure of a report already reviewed is a revision: refused without a reason,
     * journaled with it. Identical figures change nothing. {@code reportedOn} is the day of filing of reports whose
     * rows do not say it.
     */
    ImportSummary importReports(byte[] data, String reason, LocalDate reportedOn) throws Exception;
}
