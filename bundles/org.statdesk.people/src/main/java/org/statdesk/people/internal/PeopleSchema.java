package org.statdesk.people.internal;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.store.Store;

/**
 * The people bundle's tables, migrated before anything reads them: the audited-table declaration and the people
 * service both wait for this, so {@code audit:verify} never asks for {@code ppl_user} before it exists.
 */
@Component(service = PeopleTables.class, immediate = true)
public final class PeopleSchema implements PeopleTables {
    @Activate
    public PeopleSchema(@Reference Store store, BundleContext ctx) throws Exception {
        store.migrate(ctx.getBundle());
    }
}
