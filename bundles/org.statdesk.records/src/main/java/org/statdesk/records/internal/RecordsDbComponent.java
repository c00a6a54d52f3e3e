package org.statdesk.records.internal;

import java.sql.SQLException;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.store.Store;

/** Applies this bundle's migrations ({@code db/migration}) when the bundle starts. Data stays when it stops. */
@Component(service = RecordsDb.class, immediate = true)
public final class RecordsDbComponent implements RecordsDb {
    private final Store store;

    @Activate
    public RecordsDbComponent(@Reference Store store, BundleContext bc) throws SQLException {
        store.migrate(bc.getBundle());
        this.store = store;
    }

    @Override
    public Store store() {
        return store;
    }
}
