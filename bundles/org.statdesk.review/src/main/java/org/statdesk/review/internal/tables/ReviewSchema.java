package org.statdesk.review.internal.tables;

import org.statdesk.api.store.Store;

/**
 * The store with the review's tables in place (migrated) and declared to the audit trail: every room that reads or
 * writes a review table gets its store here, so that none runs before the schema and the guarded tables exist.
 */
@FunctionalInterface
public interface ReviewSchema {
    /** The bundle that owns the review tables, as the journal names it. */
    String BUNDLE = "org.statdesk.review";

    Store store();
}
