package org.statdesk.records.internal;

import org.statdesk.api.store.Store;

/** The store once this bundle's tables exist: what every component of the bundle reaches the tables through. */
interface RecordsDb {
    Store store();
}
