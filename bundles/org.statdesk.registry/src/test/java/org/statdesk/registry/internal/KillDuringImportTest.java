package org.statdesk.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statdesk.audit.internal.Verifier;
import org.statdesk.store.internal.StoreImpl;

/** A kill -9 in the middle of an import leaves the register and the journal as they were. */
class KillDuringImportTest {
    @TempDir
    Path dir;

    /** The child process: opens the file database, says so, imports. */
    public static void main(String[] a) throws Exception {
        Fixture fx = new Fixture(a[0]);
        System.out.println("importing");
        System.out.flush();
        fx.imports.importFile(Path.of(a[1]), true);
        System.out.println("done");
    }

    @Test
    void killMidImportLeavesNothing() throws Exception {
        Path csv = dir.resolve("big.csv");
        RegistryBenchmark.generate(csv, 60_000, new Random(3));
        // the workstation's own H2 options: the test proves what a bureau's data folder does
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("db") + StoreImpl.H2_FILE_OPTIONS;
        // the child prints its phase times (statdesk.timing): the kill comes just after the checks, while the units
        // are written in the open transaction, whatever the speed of the machine
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dstatdesk.timing=true", "-cp", System.getProperty("java.class.path"),
                KillDuringImportTest.class.getName(), url, csv.toString()).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream()));
        assertEquals("importing", out.readLine());
        String line;
        while ((line = out.readLine()) != null && !line.trim().startsWith("check")) {
            // read and validate: nothing written yet
        }
        assertTrue(line != null, "the import ended before its checks");
        Thread.sleep(300); // inside "insert units" (over a second for 60,000 units)
        assertTrue(p.isAlive(), "the import must still be running when it is killed");
        p.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no rollback by the process
        p.waitFor();
        Fixture fx = new Fixture(url);
        try (Connection c = fx.store.connection(); Statement st = c.createStatement()) {
            for (String t : List.of("reg_unit", "reg_finding", "aud_journal")) {
                try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + t)) {
                    rs.next();
                    assertEquals(0, rs.getLong(1), t + " after kill -9");
                }
            }
            assertTrue(Verifier.verify(c, fx.tables()).ok());
        } finally {
            fx.store.close();
        }
    }
}
