package org.statdesk.review.internal.tables;

import java.sql.SQLException;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.audit.AuditedTable;
import org.statdesk.api.store.Store;

/**
 * Applies the review's migrations at start (audit:verify reads the tables even before a review command ran), and
 * is available only once every guarded review table is registered with the audit trail: a room that journals a row
 * never finds its table undeclared.
 */
@Component(service = ReviewSchema.class, immediate = true)
public final class SchemaImpl implements ReviewSchema {
    /** Service property naming the review table an {@link AuditedTable} component guards. */
    static final String TABLE = "statdesk.review.table";
    private final Store store;

    @Activate
    public SchemaImpl(@Reference Store store, BundleContext ctx,
            @Reference(target = "(" + TABLE + "=" + ReportTable.NAME + ")") AuditedTable reports,
            @Reference(target = "(" + TABLE + "=" + FlagTable.NAME + ")") AuditedTable flags,
            @Reference(target = "(" + TABLE + "=" + PeriodTable.NAME + ")") AuditedTable periods,
            @Reference(target = "(" + TABLE + "=" + FormSlotTable.NAME + ")") AuditedTable slots,
            @Reference(target = "(" + TABLE + "=" + ReviewMarkTable.NAME + ")") AuditedTable marks,
            @Reference(target = "(" + TABLE + "=" + EvaluationTable.NAME + ")") AuditedTable evaluations)
            throws SQLException {
        this.store = store;
        store.migrate(ctx.getBundle());
    }

    @Override
    public Store store() {
        return store;
    }
}
