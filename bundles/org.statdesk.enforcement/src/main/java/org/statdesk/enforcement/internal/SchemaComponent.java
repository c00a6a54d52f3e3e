package org.statdesk.enforcement.internal;

import java.sql.SQLException;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.store.Store;

/** Applies this bundle's migrations ({@code db/migration}) when the bundle starts. Data stays when it stops. */
@Component(service = Schema.class, immediate = true)
public final class SchemaComponent implements Schema {
    private final Store store;

    @Activate
    public SchemaComponent(@Reference Store store, BundleContext bc) throws SQLException {
        store.migrate(bc.getBundle());
        this.store = store;
    }

    @Override
    public Store store() {
        return store;
    }
}
