package org.statdesk.registry.internal.tables;

import java.util.List;
import org.statdesk.api.audit.AuditedTable;

/**
 * A table of the register as the audit trail guards it: each table class is a small component that declares its
 * key and the columns the digest covers, and keeps the table's SQL (as OSGi enRoute's PersonTable does).
 */
abstract class RegisterTable implements AuditedTable {
    private final String table;
    private final String key;
    private final List<String> columns;

    RegisterTable(String table, String key, List<String> columns) {
        this.table = table;
        this.key = key;
        this.columns = List.copyOf(columns);
    }

    @Override
    public final String table() {
        return table;
    }

    @Override
    public final String keyExpression() {
        return key;
    }

    @Override
    public final List<String> columns() {
        return columns;
    }
}
