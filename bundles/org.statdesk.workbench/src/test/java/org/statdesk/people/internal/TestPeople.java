package org.statdesk.people.internal;

import org.statdesk.testing.MemoryStore;
import org.statdesk.testing.RecordingJournal;

/**
 * The people bundle's own service for the workbench's tests: its users table in memory, its permission matrix, its
 * checks of names and passwords (the workbench must not test against a copy of them).
 */
public final class TestPeople {
    private TestPeople() {
    }

    /** People and UserAccounts, one object, as the bundle registers it. */
    public static PeopleImpl create() throws Exception {
        MemoryStore store = MemoryStore.create().migrate(PeopleImpl.BUNDLE);
        return new PeopleImpl(store, RecordingJournal.inTable(store), new ProcessSessions(), () -> "tongji");
    }
}
