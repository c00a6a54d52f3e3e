package org.statdesk.launcher.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12 §2 and §3 through the built distribution, on demo data: whoever can write the database (SQL through H2 while
 * the workstation is stopped, or by replacing its files) but not the data folder's keys and anchors is caught by
 * {@code audit:verify}, and the journal's user is the OS account whatever {@code -Duser.name} says.
 */
class JournalTamperIT {
    private final Dist dist = Dist.built();

    @TempDir
    Path tmp;

    @Test
    void attacksByWhoeverCanWriteTheDatabaseAreDetected() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse(TestDatabase.postgres(), "replaces the database's files with"
                + " an earlier copy (DATA/db), which is H2's; on PostgreSQL the same rollback would be a restore of"
                + " the database by its administrator, not yet written as a test");
        Path data = tmp.resolve("data");
        String d = data.toString();
        assertEquals(0, dist.run("--data", d, "run", "demo:load", "--json").exit());
        assertEquals(0, dist.run("--data", d, "run", "audit:verify", "--json").exit());
        JsonNode head1 = head(d);
        assertTrue(head1.get("seq").asLong() > 0);
        assertTrue(head1.get("hash").asText().matches("[0-9a-f]{64}"), head1::toString);
        Path earlier = saveDatabase(data, "earlier");

        Dist.Result draw = dist.run("--data", d, "run", "enforcement:draw", "--year", "2026", "--seed", "7", "--json");
        assertEquals(0, draw.exit(), draw::toString);
        Dist.Result ok = dist.run("--data", d, "run", "audit:verify", "--json");
        assertEquals(0, ok.exit(), ok::toString);
        assertTrue(ok.json().get("checkpoints").asLong() >= 2, ok::toString);
        JsonNode head2 = head(d);
        assertTrue(head2.get("seq").asLong() > head1.get("seq").asLong());
        Path now = saveDatabase(data, "now");
        for (Path p : List.of(data.resolve("anchors/journal.anchors"), data.resolve("keys/journal-ed25519.key"))) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(p)), p::toString);
        }

        // a head carried by a circular: the right one holds, another one fails naming it
        String given = head1.get("seq").asLong() + ":" + head1.get("hash").asText();
        assertEquals(0, dist.run("--data", d, "run", "audit:verify", "--head", given, "--json").exit());
        Dist.Result wrongHead = dist.run("--data", d, "run", "audit:verify", "--json", "--head",
                head1.get("seq").asLong() + ":" + "0".repeat(64));
        assertEquals(1, wrongHead.exit(), wrongHead::toString);
        assertEquals("--head", wrongHead.json().get("anchor").get("source").asText(), wrongHead::toString);
        assertEquals(head1.get("hash").asText(), wrongHead.json().get("anchor").get("found").asText());
        assertEquals(2, dist.run("--data", d, "run", "audit:verify", "--head", "12", "--json").exit());

        // 1. an entry rewritten, and every hash after it and the head row recomputed with SQL
        try (Connection c = h2(data)) {
            exec(c, "UPDATE aud_journal SET reason = 'rewritten' WHERE seq = 3");
            rechain(c);
        }
        expectCaught(d, "rewritten and rechained", false);
        restoreDatabase(now, data);

        // a migration marked as applied that never ran (it would never run) and another's checksum edited
        try (Connection c = h2(data)) {
            String zeros = "0".repeat(64);
            exec(c, "INSERT INTO statdesk_schema_history VALUES ('org.statdesk.review', 99, 'future', '" + zeros
                    + "', CURRENT_TIMESTAMP)", "UPDATE statdesk_schema_history SET checksum = '" + zeros
                    + "' WHERE owner = 'org.statdesk.audit' AND version = 1");
        }
        Dist.Result schema = dist.run("--data", d, "run", "audit:verify", "--json");
        assertEquals(1, schema.exit(), schema::toString);
        long schemaProblems = 0;
        for (JsonNode p : schema.json().get("problems")) {
            schemaProblems += p.get("table").asText().equals("statdesk_schema_history") ? 1 : 0;
        }
        assertEquals(2, schemaProblems, schema::toString);
        restoreDatabase(now, data);

        // 2. the journal's tail cut off with its checkpoints, the head row reset to the earlier head
        try (Connection c = h2(data)) {
            exec(c, "DELETE FROM aud_journal WHERE seq > " + head1.get("seq").asLong(),
                    "DELETE FROM aud_checkpoint WHERE seq > " + head1.get("seq").asLong(),
                    "UPDATE aud_head SET last_seq = " + head1.get("seq").asLong() + ", last_hash = '"
                            + head1.get("hash").asText() + "'");
        }
        expectCaught(d, "tail cut", true);
        restoreDatabase(now, data);

        // 3. the database folder replaced by an earlier copy
        restoreDatabase(earlier, data);
        expectCaught(d, "earlier copy", true);
        restoreDatabase(now, data);
        assertEquals(0, dist.run("--data", d, "run", "audit:verify", "--json").exit(), "the real database is fine");

        // 4. a self-consistent database made elsewhere (its own key, its own history) put in place
        Path other = tmp.resolve("elsewhere");
        assertEquals(0, dist.run("--data", other.toString(), "run", "demo:load", "--json").exit());
        assertEquals(0, dist.run("--data", other.toString(), "run", "audit:verify", "--json").exit());
        restoreDatabase(saveDatabase(other, "foreign"), data);
        Dist.Result foreign = expectCaught(d, "made elsewhere", false);
        assertTrue(has(foreign.json(), "key_id"), foreign::toString);
    }

    @Test
    void userNameOptionDoesNotChangeWhoTheJournalNames() throws Exception {
        String d = tmp.resolve("data").toString();
        Path register = new Units(Path.of(System.getProperty("statdesk.root", "..")).toAbsolutePath().normalize())
                .file(tmp, "units.csv", 10, 1);
        ProcessBuilder pb = dist.builder(List.of("--data", d, "run", "registry:import", register.toString(), "--admit",
                "--json"));
        pb.environment().put("STATDESK_JAVA_OPTS", "-Duser.name=局长张三");
        pb.redirectErrorStream(true).redirectOutput(tmp.resolve("import.txt").toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(3, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), () -> read(tmp.resolve("import.txt")));
        Dist.Result log = dist.run("--data", d, "run", "audit:log", "--json");
        assertEquals(0, log.exit(), log::toString);
        String account = Files.getOwner(Files.createFile(tmp.resolve("mine"))).getName();
        JsonNode entries = log.json().get("entries");
        assertTrue(entries.size() > 0, log::toString);
        for (JsonNode e : entries) {
            assertNotEquals("局长张三", e.get("user").asText());
            assertEquals(account, e.get("user").asText(), e::toString);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    private JsonNode head(String data) throws Exception {
        Dist.Result h = dist.run("--data", data, "run", "audit:head", "--json");
        assertEquals(0, h.exit(), h::toString);
        return h.json();
    }

    /** audit:verify must exit 1 with a problem; with {@code older}, the anchor says the database is older. */
    private Dist.Result expectCaught(String data, String attack, boolean older) throws Exception {
        Dist.Result r = dist.run("--data", data, "run", "audit:verify", "--json");
        assertEquals(1, r.exit(), attack + ": " + r);
        assertFalse(r.json().get("ok").asBoolean());
        JsonNode anchor = r.json().get("anchor");
        assertTrue(anchor != null && !anchor.isNull(), attack + ": the anchor names it: " + r);
        assertEquals(older, anchor.get("found").isNull(), attack + ": " + r);
        return r;
    }

    private static boolean has(JsonNode result, String field) {
        for (JsonNode p : result.get("problems")) {
            if (p.get("field").asText().equals(field)) {
                return true;
            }
        }
        return false;
    }

    private Path saveDatabase(Path data, String name) throws Exception {
        Path to = tmp.resolve("saved-" + name);
        copyFolder(data.resolve("db"), to);
        return to;
    }

    /** Replaces the database folder with a saved one, as someone with the files would (workstation stopped). */
    private static void restoreDatabase(Path saved, Path data) throws Exception {
        Path db = data.resolve("db");
        try (Stream<Path> s = Files.list(db)) {
            for (Path p : s.toList()) {
                Files.delete(p);
            }
        }
        copyFolder(saved, db);
    }

    private static void copyFolder(Path from, Path to) throws Exception {
        Files.createDirectories(to);
        try (Stream<Path> s = Files.list(from)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                Files.copy(p, to.resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static void exec(Connection c, String... sql) throws Exception {
        try (Statement st = c.createStatement()) {
            for (String s : sql) {
                st.executeUpdate(s);
            }
        }
    }

    /**
     * What an attacker with the documented chain format does (docs/architecture.md): SHA-256 over the previous hash
     * and the entry's fields, each followed by U+001F, null as U+0000; then the head row.
     */
    private static void rechain(Connection c) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        List<String[]> hashes = new ArrayList<>();
        String prev = "0".repeat(64);
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT seq, entry_time, user_name,"
                + " bundle, entity, entity_key, field, old_value, new_value, reason, row_digest FROM aud_journal"
                + " ORDER BY seq")) {
            while (rs.next()) {
                StringBuilder text = new StringBuilder(prev).append('\u001f');
                for (int i = 1; i <= 11; i++) {
                    String v = rs.getString(i);
                    text.append(v == null ? "\u0000" : v).append('\u001f');
                }
                prev = HexFormat.of().formatHex(sha.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
                hashes.add(new String[] {rs.getString(1), prev});
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE aud_journal SET hash = ? WHERE seq = ?")) {
            for (String[] h : hashes) {
                ps.setString(1, h[1]);
                ps.setLong(2, Long.parseLong(h[0]));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        String[] last = hashes.get(hashes.size() - 1);
        exec(c, "UPDATE aud_head SET last_seq = " + last[0] + ", last_hash = '" + last[1] + "'");
    }

    /** The data folder's database (H2's file, opened with the distribution's own driver, or its schema). */
    private Connection h2(Path data) throws Exception {
        return TestDatabase.connect(dist.home, data);
    }
}
