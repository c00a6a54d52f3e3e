package org.statdesk.review.internal;

import java.util.ArrayList;
import java.util.List;
import org.statdesk.api.audit.AuditedTable;

/** The review tables the audit trail guards: a silent edit of a report figure or a flag's status is detectable. */
final class ReviewTables {
    private ReviewTables() {
    }

    record Table(String table, String keyExpression, List<String> columns) implements AuditedTable {
    }

    static final List<AuditedTable> ALL = List.of(
            new Table("rev_report", "period || '/' || credit_code || '/' || form", reportColumns()),
            new Table("rev_flag", "CAST(id AS VARCHAR(20))", List.of("period", "credit_code", "form", "specialty",
                    "indicator", "rule_id", "kind", "severity", "val", "expected", "status", "note")),
            new Table("rev_period", "period || '/' || specialty", List.of("status", "note")));

    private static List<String> reportColumns() {
        List<String> c = new ArrayList<>(List.of("specialty"));
        for (int i = 1; i <= ReviewServiceImpl.SLOTS; i++) {
            c.add("v" + i);
        }
        c.add("reported_on");
        return c;
    }
}
