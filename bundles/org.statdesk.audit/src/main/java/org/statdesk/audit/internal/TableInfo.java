package org.statdesk.audit.internal;

import java.util.List;
import java.util.regex.Pattern;
import org.statdesk.api.audit.AuditedTable;

/** A guarded table as the journal uses it: its name, key expression, digest columns and owning bundle. */
public record TableInfo(String table, String keyExpression, List<String> columns, String bundle) {
    private static final Pattern IDENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public TableInfo {
        // The names go into SQL text: only plain identifiers are accepted for table and columns.
        if (!IDENT.matcher(table).matches()) {
            throw new IllegalArgumentException("audited table name is not a plain identifier: " + table);
        }
        for (String col : columns) {
            if (!IDENT.matcher(col).matches()) {
                throw new IllegalArgumentException("audited column of " + table + " is not an identifier: " + col);
            }
        }
        columns = List.copyOf(columns);
    }

    public static TableInfo of(AuditedTable t, String bundle) {
        return new TableInfo(t.table().toLowerCase(java.util.Locale.ROOT), t.keyExpression(), t.columns(), bundle);
    }

    /** SELECT key, columns FROM table [WHERE key = ?]. */
    String select(boolean oneKey) {
        return "SELECT " + keyExpression + ", " + String.join(", ", columns) + " FROM " + table
                + (oneKey ? " WHERE " + keyExpression + " = ?" : "");
    }

    /** Whether the key expression is a single column, so that a lookup by key can use its index. */
    boolean simpleKey() {
        return IDENT.matcher(keyExpression.strip()).matches();
    }
}
