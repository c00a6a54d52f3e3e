package org.statdesk.registry.internal;

import java.sql.SQLException;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.store.Store;

/** Applies the bundle's migrations (db/migration) when the store is there, then hands the store to the rooms. */
@Component(service = RegisterStore.class, immediate = true)
public final class RegisterSchema implements RegisterStore {
    private final Store store;

    @Activate
    public RegisterSchema(@Reference Store store, BundleContext ctx) throws SQLException {
        this.store = store;
        store.migrate(ctx.getBundle());
    }

    @Override
    public Store store() {
        return store;
    }
}
