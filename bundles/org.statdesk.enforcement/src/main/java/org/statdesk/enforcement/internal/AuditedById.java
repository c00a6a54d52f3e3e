package org.statdesk.enforcement.internal;

import java.util.List;
import org.statdesk.api.audit.AuditedTable;

/**
 * An enforcement table guarded by the audit trail, keyed by its id. Each table class declares its own as a small
 * component ({@code XTable.Audited}), so that the columns the digest covers sit beside the SQL that writes them.
 */
abstract class AuditedById implements AuditedTable {
    private final String table;
    private final List<String> columns;

    AuditedById(String table, List<String> columns) {
        this.table = table;
        this.columns = columns;
    }

    @Override
    public String table() {
        return table;
    }

    @Override
    public String keyExpression() {
        return "CAST(id AS VARCHAR(20))";
    }

    @Override
    public List<String> columns() {
        return columns;
    }
}
