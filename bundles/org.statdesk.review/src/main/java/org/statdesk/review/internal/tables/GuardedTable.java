package org.statdesk.review.internal.tables;

import java.util.List;
import org.statdesk.api.audit.AuditedTable;

/**
 * What the audit trail needs of a review table: its name, the record key as SQL text, the columns its digest
 * covers. Each table class declares its own as a small component ({@code XxxTable.Audited}).
 */
public abstract class GuardedTable implements AuditedTable {
    private final String table;
    private final String keyExpression;
    private final List<String> columns;

    protected GuardedTable(String table, String keyExpression, List<String> columns) {
        this.table = table;
        this.keyExpression = keyExpression;
        this.columns = List.copyOf(columns);
    }

    @Override
    public String table() {
        return table;
    }

    @Override
    public String keyExpression() {
        return keyExpression;
    }

    @Override
    public List<String> columns() {
        return columns;
    }
}
