package org.statdesk.registry.internal;

import org.statdesk.api.store.Store;

/**
 * The store with the register's tables migrated: every room reaches the database through it, so that none runs
 * before the schema is there.
 */
@FunctionalInterface
public interface RegisterStore {
    Store store();
}
