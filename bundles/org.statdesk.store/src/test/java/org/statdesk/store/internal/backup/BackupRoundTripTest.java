package org.statdesk.store.internal.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statdesk.store.internal.Migrations;

/** A backup restores every table, value for value, at the schema of this installation. */
class BackupRoundTripTest {
    @TempDir
    Path tmp;

    private Path backup(Path db, String trust) throws Exception {
        Path zip = tmp.resolve("b.zip");
        try (Connection c = Fixture.h2(db); OutputStream out = Files.newOutputStream(zip)) {
            new BackupWriter(new H2Dialect(), "h2").write(c, trust == null ? null : x -> trust, out);
        }
        return zip;
    }

    @Test
    void everyColumnTypeAndEveryTableComeBackAsTheyWere() throws Exception {
        Map<String, List<Migrations.Script>> installed = Fixture.installed();
        Path db = tmp.resolve("live");
        Map<String, List<String>> before;
        try (Connection c = Fixture.h2(db)) {
            Fixture.fill(c, installed);
            before = Fixture.contents(c, true);
        }
        Path zip = backup(db, "{\"head\":\"1:ab\"}");

        Map<String, byte[]> entries = Fixture.entries(zip);
        JsonNode m = Manifest.JSON.readTree(entries.get(Manifest.ENTRY));
        assertEquals("statdesk-backup", m.get("format").asText());
        assertEquals(1, m.get("version").asInt());
        assertEquals(1, m.get("schema").get(Fixture.TYPES).asInt(), "the type table was made at V1");
        assertEquals(5, m.get("schema").get("org.statdesk.review").asInt(), "review migrated to V5 (evaluations)");
        for (JsonNode t : m.get("tables")) {
            byte[] data = entries.get("tables/" + t.get("name").asText() + ".jsonl");
            assertEquals(t.get("sha256").asText(), Fixture.sha(data), t.toString());
            assertEquals(t.get("bytes").asLong(), data.length);
            long lines = new String(data, StandardCharsets.UTF_8).lines().count();
            assertEquals(t.get("rows").asLong(), lines, t.get("name").asText());
        }
        assertEquals("{\"head\":\"1:ab\"}", new String(entries.get(Manifest.TRUST_ENTRY), StandardCharsets.UTF_8));
        JsonNode types = null;
        for (JsonNode t : m.get("tables")) {
            types = t.get("name").asText().equals("t_types") ? t : types;
        }
        assertEquals(List.of("BIGINT", "INTEGER", "SMALLINT", "BOOLEAN", "DOUBLE PRECISION", "DECIMAL(18,3)",
                "VARCHAR(400)", "DATE", "TIMESTAMP"), types.get("columns").findValuesAsText("type"));
        assertEquals("id", types.get("identity").get("column").asText());
        String rows = new String(entries.get("tables/t_types.jsonl"), StandardCharsets.UTF_8);
        assertTrue(rows.contains("\"NaN\""), rows);
        assertTrue(rows.contains("\"123456789012345.678\""), "decimals as exact text: " + rows);

        Path restored = tmp.resolve("restored");
        try (BackupReader r = BackupReader.open(zip); Connection c = Fixture.h2(restored)) {
            assertEquals(before.values().stream().mapToLong(List::size).sum(), r.validate());
            new Loader(installed).load(r, c);
            Map<String, List<String>> after = Fixture.contents(c, true);
            // V2 of the type table ran after the load: every row gained the new column's default
            List<String> typesAfter = after.remove("t_types");
            List<String> typesBefore = before.get("t_types");
            assertEquals(typesBefore.size(), typesAfter.size());
            for (String row : typesAfter) {
                assertTrue(row.endsWith("v2|"), row);
                assertTrue(typesBefore.contains(row.substring(0, row.length() - "v2|".length())), row);
            }
            Map<String, List<String>> expected = new HashMap<>(before);
            expected.remove("t_types");
            expected.remove(Schema.HISTORY);
            List<String> history = after.remove(Schema.HISTORY);
            assertEquals(expected, after);
            assertEquals(before.get(Schema.HISTORY).size() + 1, history.size(), "the backup's history and V2");
            assertTrue(history.containsAll(before.get(Schema.HISTORY)), "applied_at kept as it was");
            assertTrue(Fixture.next(c, "SELECT NEXT VALUE FOR t_seq") >= 7, "the sequence goes on where it was");
            assertEquals(3, Fixture.next(c, "SELECT NEXT VALUE FOR rev_write_seq"), "started at 2, one value used");
            try (Statement st = c.createStatement()) {
                st.execute("INSERT INTO t_types (flag) VALUES (TRUE)");
            }
            assertEquals(101, Fixture.next(c, "SELECT MAX(id) FROM t_types"),
                    "the identity goes on after the highest id, not over it");
            assertEquals(0, Fixture.next(c, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.ROUTINES"
                    + " WHERE ROUTINE_SCHEMA = 'PUBLIC'"), "the text that looks like CREATE ALIAS stayed text");
        }
    }

    @Test
    void theBackupIsOneSnapshotWhileWritersGoOn() throws Exception {
        Map<String, List<Migrations.Script>> installed = Map.of(Fixture.TYPES, Fixture.types(1));
        Path db = tmp.resolve("busy");
        String url = "jdbc:h2:file:" + db.toAbsolutePath() + ";AUTO_SERVER=TRUE";
        try (Connection c = java.sql.DriverManager.getConnection(url, "sa", "")) {
            Migrations.apply(c, Fixture.TYPES, installed.get(Fixture.TYPES));
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE a_pair (k BIGINT PRIMARY KEY)");
                st.execute("CREATE TABLE z_pair (k BIGINT PRIMARY KEY)");
            }
        }
        AtomicBoolean stop = new AtomicBoolean();
        // Each transaction adds one row to both tables: a consistent copy has as many rows in one as in the other.
        CompletableFuture<Long> writer = CompletableFuture.supplyAsync(() -> {
            long k = 0;
            try (Connection w = java.sql.DriverManager.getConnection(url, "sa", "");
                    var a = w.prepareStatement("INSERT INTO a_pair VALUES (?)");
                    var z = w.prepareStatement("INSERT INTO z_pair VALUES (?)")) {
                w.setAutoCommit(false);
                while (!stop.get()) {
                    a.setLong(1, ++k);
                    a.executeUpdate();
                    z.setLong(1, k);
                    z.executeUpdate();
                    w.commit();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return k;
        });
        Thread.sleep(300);
        Path zip = tmp.resolve("snap.zip");
        try (Connection c = java.sql.DriverManager.getConnection(url, "sa", "");
                OutputStream out = Files.newOutputStream(zip)) {
            for (int i = 0; i < 20; i++) { // rows arrive between reading a_pair and z_pair
                try (Statement st = c.createStatement()) {
                    st.execute("INSERT INTO t_types (flag) VALUES (TRUE)");
                }
            }
            new BackupWriter(new H2Dialect(), "h2").write(c, null, out);
        } finally {
            stop.set(true);
        }
        long written = writer.get();
        try (BackupReader r = BackupReader.open(zip)) {
            Map<String, Long> rows = new HashMap<>();
            r.manifest().tables().forEach(t -> rows.put(t.name(), t.rows()));
            assertEquals(rows.get("a_pair"), rows.get("z_pair"), "both tables as of one moment");
            assertTrue(rows.get("a_pair") > 0 && rows.get("a_pair") < written, rows + " of " + written);
            assertFalse(r.manifest().trust() != null, "no anchors given: the manifest says none");
            assertNotEquals(0, r.validate());
        }
    }
}
