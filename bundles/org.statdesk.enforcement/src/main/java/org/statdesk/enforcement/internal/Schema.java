package org.statdesk.enforcement.internal;

import org.statdesk.api.store.Store;

/**
 * The enforcement tables, migrated: rooms and audited tables reference this rather than the store alone, so that
 * none of them is registered before its tables exist.
 */
@FunctionalInterface
interface Schema {
    Store store();
}
