package org.statdesk.store.internal.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * Where a restore puts the new database beside the live one on PostgreSQL, and how it swaps it in: the new database
 * is a schema in the same database ({@code statdesk_restore_PID_TIME}: the configured role may create schemas in the
 * database it owns, not databases); the swap renames the live schema away, the new one to the live name and drops
 * the old one, in one transaction, so every workstation sees the old data or the new, never a mix. Sessions still in
 * a transaction on the old tables hold the swap until they end (at most {@link #LOCK_WAIT}, then nothing changes).
 * As for H2 ({@link H2Swap}) a marker in the data folder, written before the swap, tells the next start whether the
 * swap happened (the new schema is gone) or not (it is still there: dropped), and leaves the journal's anchors note.
 */
public final class PgSwap {
    static final String LOCK_WAIT = "60s";
    private static final Pattern STAGED = Pattern.compile("statdesk_restore_\\d{1,19}_\\d{1,19}");
    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private final Path folder;

    /** {@code folder}: where the marker and the anchors note are kept (the data folder's {@code db}). */
    public PgSwap(Path folder) {
        this.folder = folder;
    }

    public String newStaging() {
        return "statdesk_restore_" + ProcessHandle.current().pid() + "_" + System.currentTimeMillis();
    }

    private static String checked(String schema) {
        if (!STAGED.matcher(schema).matches()) {
            throw new IllegalArgumentException(schema);
        }
        return schema;
    }

    /** {@code url} with the connection's schema set to {@code schema} (any schema it named before replaced). */
    public static String withSchema(String url, String schema) {
        String u = url.replaceAll("([?&])currentSchema=[^&]*&?", "$1").replaceAll("[?&]$", "");
        return u + (u.contains("?") ? "&" : "?") + "currentSchema=" + checked(schema);
    }

    /** Creates the empty new schema; {@code c} is a connection to the live database. */
    public void create(Connection c, String staging) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + checked(staging));
        }
    }

    /** Drops a new schema that will not be swapped in. */
    public void discard(Connection c, String staging) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + checked(staging) + " CASCADE");
        }
    }

    /** The live schema of {@code c}, the one the store's url names (or the role's default). */
    public static String liveSchema(Connection c) throws SQLException {
        String live = c.getSchema();
        if (live == null || !PLAIN.matcher(live).matches()) {
            throw new SQLException("the store's schema " + live + " is not a plain lower-case name: cannot swap a"
                    + " restored schema in for it");
        }
        return live;
    }

    /** Swaps the loaded schema {@code staging} in for the live schema of {@code c} in one transaction. */
    public void swap(Connection c, String staging, String backup, String trust) throws IOException, SQLException {
        String live = liveSchema(c);
        String old = "statdesk_replaced_" + ProcessHandle.current().pid() + "_" + System.currentTimeMillis();
        ObjectNode note = Manifest.JSON.createObjectNode().put("staged", checked(staging)).put("backup", backup)
                .put("trust", trust);
        Files.createDirectories(folder);
        Path marker = folder.resolve(H2Swap.MARKER);
        try (FileChannel ch = FileChannel.open(marker, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(java.nio.ByteBuffer.wrap(Manifest.JSON.writeValueAsBytes(note)));
            ch.force(true);
        }
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            st.execute("SET LOCAL lock_timeout = '" + LOCK_WAIT + "'");
            st.execute("ALTER SCHEMA " + live + " RENAME TO " + old);
            st.execute("ALTER SCHEMA " + staging + " RENAME TO " + live);
            st.execute("DROP SCHEMA " + old + " CASCADE");
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            Files.deleteIfExists(marker); // not swapped: the marker must not say it was
            throw new SQLException("the restored schema could not be swapped in (" + e.getMessage() + "); nothing"
                    + " was changed", e);
        } finally {
            c.setAutoCommit(auto);
        }
        Files.move(marker, folder.resolve(H2Swap.PENDING), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * When the store opens: completes or rolls back a swap that a kill interrupted. Returns what it did, or null when
     * there was nothing. (A restore killed while loading leaves its schema {@code statdesk_restore_PID_TIME}, which
     * nothing uses; on a shared server a process id says nothing about other machines, so it is not guessed at.)
     */
    public String recover(Connection c) throws IOException, SQLException {
        String said = null;
        Path marker = folder.resolve(H2Swap.MARKER);
        if (Files.isRegularFile(marker)) {
            JsonNode note = Manifest.JSON.readTree(Files.readAllBytes(marker));
            String staging = note.path("staged").asText("");
            if (STAGED.matcher(staging).matches() && exists(c, staging)) {
                discard(c, staging);
                Files.delete(marker);
                said = "a restore was interrupted before its swap: the database is the one it was before";
            } else {
                Files.move(marker, folder.resolve(H2Swap.PENDING), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
                said = "a restore was interrupted after its swap: the restored database is in place";
            }
        }
        return said;
    }

    private static boolean exists(Connection c, String schema) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
