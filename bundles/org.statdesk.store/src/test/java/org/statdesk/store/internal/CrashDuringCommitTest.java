package org.statdesk.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole import is one transaction, so a kill -9 at any moment must leave all of it or none of it. H2 2.5.252 broke
 * that for a kill during the commit of a large transaction (rows half committed, indexes disagreeing with the table,
 * every later read of the table timing out on a lock): this test kills a child JVM at several moments of such a
 * commit and checks each database it leaves. It guards the H2 version pinned in the root pom.
 */
class CrashDuringCommitTest {
    private static final int BEFORE = 50;
    private static final int ROWS = 60_000;

    @TempDir
    Path tmp;

    /** The child: one transaction of ROWS rows in a table shaped like the register, killed by the test. */
    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection(url(Path.of(args[0])), "sa", "")) {
            c.setAutoCommit(false);
            try (PreparedStatement p = c.prepareStatement("INSERT INTO unit VALUES (?, ?, ?, ?)");
                    PreparedStatement j = c.prepareStatement("INSERT INTO journal VALUES (?, ?)")) {
                for (int i = BEFORE; i < BEFORE + ROWS; i++) {
                    p.setString(1, "91620602" + i);
                    p.setString(2, "武威祁连机械制造" + i + "号有限公司");
                    p.setString(3, "62060" + i % 7);
                    p.setString(4, "凉州区祁连路" + i + "号");
                    p.addBatch();
                    j.setLong(1, i);
                    j.setString(2, "digest " + i);
                    j.addBatch();
                    if (i % 2000 == 0) {
                        p.executeBatch();
                        j.executeBatch();
                    }
                }
                p.executeBatch();
                j.executeBatch();
            }
            System.out.println("COMMIT");
            System.out.flush();
            c.commit();
            System.out.println("DONE");
            System.out.flush();
            Thread.sleep(60_000);
        }
    }

    private static String url(Path dir) {
        return "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath() + StoreImpl.H2_FILE_OPTIONS;
    }

    @Test
    void aKillDuringTheCommitOfALargeTransactionLeavesAllOrNothing() throws Exception {
        List<String> seen = new ArrayList<>();
        for (int delayMs : new int[] {100, 200, 400}) {
            Path dir = tmp.resolve("d" + delayMs);
            try (Connection c = DriverManager.getConnection(url(dir), "sa", ""); Statement st = c.createStatement()) {
                st.execute("CREATE TABLE unit (app_id VARCHAR(40) PRIMARY KEY, name VARCHAR(400) NOT NULL,"
                        + " county VARCHAR(6) NOT NULL, address VARCHAR(400))");
                st.execute("CREATE INDEX unit_county ON unit (county)");
                st.execute("CREATE TABLE journal (seq BIGINT PRIMARY KEY, digest VARCHAR(100))");
                for (int i = 0; i < BEFORE; i++) {
                    st.execute("INSERT INTO unit VALUES ('x" + i + "', 'n', '620602', null)");
                    st.execute("INSERT INTO journal VALUES (" + i + ", 'd')");
                }
            }
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), CrashDuringCommitTest.class.getName(), dir.toString())
                    .redirectErrorStream(true).start();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null && !line.equals("COMMIT")) {
                    seen.add(line);
                }
                assertEquals("COMMIT", line, () -> "the child did not reach its commit: "
                        + String.join("\n", seen.subList(0, Math.min(5, seen.size()))));
                Thread.sleep(delayMs);
                p.destroyForcibly(); // SIGKILL
                p.waitFor(30, TimeUnit.SECONDS);
            }
            try (Connection c = DriverManager.getConnection(url(dir), "sa", ""); Statement st = c.createStatement()) {
                st.execute("SET LOCK_TIMEOUT 2000");
                long units = count(st, "SELECT COUNT(*) FROM unit");
                long journal = count(st, "SELECT COUNT(*) FROM journal");
                long byIndex = count(st, "SELECT COUNT(*) FROM (SELECT app_id FROM unit ORDER BY app_id)");
                long rows = count(st, "SELECT COUNT(*) FROM (SELECT * FROM unit ORDER BY app_id)");
                String at = "killed " + delayMs + " ms into the commit: units " + units + ", journal " + journal
                        + ", by index " + byIndex + ", rows " + rows;
                System.err.println(at);
                assertTrue(units == BEFORE || units == BEFORE + ROWS, at);
                assertEquals(units, journal, at);
                assertEquals(units, byIndex, at);
                assertEquals(units, rows, at);
            } catch (SQLException e) {
                fail("killed " + delayMs + " ms into the commit, the database cannot be read: "
                        + e.getMessage().lines().findFirst().orElse(""), e);
            }
        }
    }

    private static long count(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
