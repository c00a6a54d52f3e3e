package org.statdesk.store.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.statdesk.store.internal.backup.H2Swap;
import org.statdesk.store.internal.backup.PgSwap;

/**
 * Where store:restore loads a backup beside the live database and how it swaps it in, per database: a second H2 file
 * renamed over the live one ({@link H2Swap}), or a schema in the same PostgreSQL database renamed in one transaction
 * ({@link PgSwap}).
 */
interface Staging {
    String newStaging();

    /** The empty new database {@code staging}, ready to load into. */
    DataSource create(String staging) throws SQLException;

    /** Everything loaded into {@code holder} is written; the connection closes after this. */
    void finish(Connection holder) throws SQLException;

    void discard(String staging) throws Exception;

    void swapIn(String staging, String backup, String trust) throws Exception;

    /** The folder of the swap's marker and of the anchors note ({@link H2Swap#PENDING}). */
    java.nio.file.Path notes();

    /** The note of a swap done whose anchors are still to be recorded: {@code backup} and {@code trust}. */
    default JsonNode pending() throws java.io.IOException {
        return H2Swap.pendingIn(notes());
    }

    default void donePending() throws java.io.IOException {
        H2Swap.donePendingIn(notes());
    }

    /** The staging of {@code store}'s database, null when it has none (an H2 database that is not a file). */
    static Staging of(StoreImpl store) {
        if (store.databaseKind().equals("postgresql")) {
            return new OnPostgres(store, new PgSwap(store.dataFolder().resolve("db")));
        }
        H2Swap swap = store.h2Swap();
        return swap == null ? null : new OnH2(store, swap);
    }

    record OnH2(StoreImpl store, H2Swap swap) implements Staging {
        @Override
        public String newStaging() {
            return swap.newStaging();
        }

        @Override
        public DataSource create(String staging) throws SQLException {
            return store.dataSourceOf(swap.url(staging));
        }

        @Override
        public void finish(Connection holder) throws SQLException {
            try (Statement st = holder.createStatement()) {
                st.execute("SHUTDOWN"); // written out and closed before it is renamed
            }
        }

        @Override
        public void discard(String staging) throws Exception {
            swap.discard(staging);
        }

        @Override
        public void swapIn(String staging, String backup, String trust) throws Exception {
            store.swapIn(swap, staging, backup, trust);
        }

        @Override
        public java.nio.file.Path notes() {
            return swap.liveFile().getParent();
        }
    }

    record OnPostgres(StoreImpl store, PgSwap swap) implements Staging {
        @Override
        public String newStaging() {
            return swap.newStaging();
        }

        @Override
        public DataSource create(String staging) throws SQLException {
            try (Connection c = store.connection()) {
                swap.create(c, staging);
            }
            return store.dataSourceOf(PgSwap.withSchema(store.url(), staging));
        }

        @Override
        public void finish(Connection holder) {
            // committed as it loaded; the schema stays until it is swapped in or dropped
        }

        @Override
        public void discard(String staging) throws Exception {
            try (Connection c = store.connection()) {
                swap.discard(c, staging);
            }
        }

        @Override
        public void swapIn(String staging, String backup, String trust) throws Exception {
            store.swapInSchema(swap, staging, backup, trust);
        }

        @Override
        public java.nio.file.Path notes() {
            return store.dataFolder().resolve("db");
        }
    }
}
