package org.statdesk.store.internal.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statdesk.store.internal.Migrations;

/**
 * A restore killed at any moment leaves the old database or the new one, whole: a child JVM restores a large backup
 * over a small database and is killed while loading and while swapping; the next start's recovery then finds one of
 * the two, and nothing of the other.
 */
class RestoreKillTest {
    private static final int OLD = 50;
    private static final int NEW = 60_000;

    @TempDir
    Path tmp;

    /** The child: restores {@code args[1]} over the database {@code args[0]}, saying where it is. */
    public static void main(String[] args) throws Exception {
        Path base = Path.of(args[0]);
        H2Swap swap = new H2Swap(base);
        Connection live = Fixture.h2(base);
        String staging = swap.newStaging();
        try (BackupReader r = BackupReader.open(Path.of(args[1]));
                Connection c = java.sql.DriverManager.getConnection(swap.url(staging), "sa", "")) {
            r.validate();
            say("LOADING");
            new Loader(Map.of(Fixture.TYPES, Fixture.types(2))).load(r, c);
            try (Statement st = c.createStatement()) {
                st.execute("SHUTDOWN");
            }
        }
        try (Statement st = live.createStatement()) {
            st.execute("SHUTDOWN");
        }
        say("SWAP");
        swap.swap(staging, "big.zip", null);
        say("DONE");
        Thread.sleep(60_000);
    }

    private static void say(String s) {
        System.out.println(s);
        System.out.flush();
    }

    private static void fill(Connection c, int rows) throws Exception {
        Migrations.apply(c, Fixture.TYPES, Fixture.types(1));
        try (Statement st = c.createStatement()) {
            st.execute("DELETE FROM t_types");
        }
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO t_types (id, i, flag, s) VALUES (?, ?, TRUE, ?)")) {
            for (int i = 1; i <= rows; i++) {
                ps.setLong(1, i);
                ps.setInt(2, i);
                ps.setString(3, "天祝藏族自治县华藏寺镇第" + i + "号");
                ps.addBatch();
                if (i % 5000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
        c.commit();
        c.setAutoCommit(true);
    }

    @Test
    void aKillWhileLoadingOrSwappingLeavesTheOldOrTheNewDatabaseWhole() throws Exception {
        Path source = tmp.resolve("source/db");
        try (Connection c = Fixture.h2(source)) {
            fill(c, NEW);
        }
        Path big = tmp.resolve("big.zip");
        try (Connection c = Fixture.h2(source); OutputStream out = Files.newOutputStream(big)) {
            new BackupWriter(new H2Dialect(), "h2").write(c, null, out);
        }
        List<String> outcomes = new ArrayList<>();
        Object[][] kills = {{"LOADING", 150}, {"SWAP", 0}, {"SWAP", 40}, {"SWAP", 80}, {"SWAP", 150}, {"DONE", 0}};
        for (int k = 0; k < kills.length; k++) {
            String after = (String) kills[k][0];
            int ms = (Integer) kills[k][1];
            Path base = tmp.resolve("w" + k + "/db/statdesk");
            try (Connection c = Fixture.h2(base)) {
                fill(c, OLD);
            }
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), RestoreKillTest.class.getName(), base.toString(),
                    big.toString()).redirectErrorStream(true).start();
            List<String> seen = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null && !line.equals(after)) {
                    seen.add(line);
                }
                assertEquals(after, line, () -> "the child did not reach " + after + ": " + String.join("\n", seen));
                if (ms > 0) {
                    Thread.sleep(ms);
                }
                p.destroyForcibly();
                p.waitFor(30, TimeUnit.SECONDS);
            }
            String said = new H2Swap(base).recover(); // what the store does at its next start
            long rows;
            try (Connection c = Fixture.h2(base)) {
                rows = Fixture.next(c, "SELECT COUNT(*) FROM t_types");
                long byIndex = Fixture.next(c, "SELECT COUNT(*) FROM (SELECT id FROM t_types ORDER BY id)");
                long sum = Fixture.next(c, "SELECT SUM(i) FROM t_types");
                String at = "killed " + ms + " ms after " + after + ": " + rows + " rows (" + said + ")";
                outcomes.add(at);
                assertTrue(rows == OLD || rows == NEW, at);
                assertEquals(rows, byIndex, at);
                assertEquals(rows * (rows + 1) / 2, sum, at);
                if (rows == NEW) {
                    assertEquals(NEW, Fixture.next(c, "SELECT COUNT(*) FROM t_types WHERE note = 'v2'"),
                            "the new one whole, migrated to V2: " + at);
                }
            }
            try (Stream<Path> left = Files.list(base.getParent())) {
                List<String> names = left.map(x -> x.getFileName().toString()).sorted().toList();
                assertTrue(names.stream().noneMatch(n -> n.startsWith("restore-")), "nothing of the other: " + names);
                assertFalse(names.contains(H2Swap.MARKER), names.toString());
            }
            if (after.equals("DONE")) {
                assertEquals(NEW, rows, "a swap that finished stays");
            }
            if (after.equals("LOADING")) {
                assertEquals(OLD, rows, "a restore killed while loading changed nothing");
                assertNull(said);
            }
        }
        System.err.println(String.join("\n", outcomes));
    }

    @Test
    void recoveryRollsBackASwapNotYetDoneAndCompletesOneDone() throws Exception {
        Path base = tmp.resolve("r/db/statdesk");
        try (Connection c = Fixture.h2(base)) {
            fill(c, OLD);
        }
        H2Swap swap = new H2Swap(base);
        Path folder = base.getParent();
        // killed after the marker, before the rename: the new file is still there
        String staging = "restore-" + Long.MAX_VALUE + "-1";
        Files.writeString(folder.resolve(staging + ".mv.db"), "half a database");
        Files.writeString(folder.resolve(H2Swap.MARKER), "{\"staged\":\"" + staging + "\",\"backup\":\"b.zip\"}");
        assertTrue(swap.recover().contains("before its swap"));
        assertFalse(Files.exists(folder.resolve(staging + ".mv.db")));
        assertFalse(Files.exists(folder.resolve(H2Swap.MARKER)));
        assertNull(swap.pending());
        // killed after the rename: the marker is left, the new file is the live one
        Files.writeString(folder.resolve(H2Swap.MARKER), "{\"staged\":\"" + staging + "\",\"backup\":\"b.zip\","
                + "\"trust\":\"{}\"}");
        assertTrue(swap.recover().contains("after its swap"));
        assertNotNull(swap.pending(), "the anchors are still to be told");
        assertEquals("b.zip", swap.pending().get("backup").asText());
        swap.donePending();
        assertNull(swap.pending());
        // a load killed long ago: its process is gone
        Files.writeString(folder.resolve("restore-" + Long.MAX_VALUE + "-2.mv.db"), "x");
        Files.writeString(folder.resolve("restore-" + Long.MAX_VALUE + "-2.trace.db"), "x");
        assertNull(swap.recover());
        try (Stream<Path> left = Files.list(folder)) {
            assertEquals(List.of("statdesk.mv.db"), left.map(x -> x.getFileName().toString()).sorted().toList());
        }
        try (Connection c = Fixture.h2(base)) {
            assertEquals(OLD, Fixture.next(c, "SELECT COUNT(*) FROM t_types"));
        }
    }
}
