package org.statdesk.launcher.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two processes on one data folder take turns (issue 12, "running workstations"): before the data folder's lock, the
 * second of two imports failed with "Connection is broken: session closed" and a verify started during an import
 * failed with an EOFException, because each used the database through the other, which ended first.
 */
class TakingTurnsIT {
    private final Dist dist = Dist.built();
    private final Path root = Path.of(System.getProperty("statdesk.root", "..")).toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    /** Register rows {@code from} to {@code to} (exclusive), distinct from every other range. */
    private Path register(String name, int from, int to) throws Exception {
        Units units = new Units(root);
        StringBuilder sb = new StringBuilder(Units.HEADER).append('\n');
        Random rnd = new Random(from);
        for (int i = from; i < to; i++) {
            sb.append(units.row(i, rnd)).append('\n');
        }
        Path p = tmp.resolve(name);
        Files.writeString(p, sb);
        return p;
    }

    private Process start(List<String> args, String name) throws Exception {
        Process p = dist.builder(args).redirectOutput(tmp.resolve(name + ".out").toFile())
                .redirectError(tmp.resolve(name + ".err").toFile()).start();
        p.getOutputStream().close();
        return p;
    }

    private Dist.Result finish(Process p, String name) throws Exception {
        assertTrue(p.waitFor(4, TimeUnit.MINUTES), name + " did not finish: " + read(name + ".err"));
        return new Dist.Result(p.exitValue(), read(name + ".out"), read(name + ".err"), 0);
    }

    private String read(String file) throws Exception {
        return Files.readString(tmp.resolve(file), StandardCharsets.UTF_8);
    }

    @Test
    void twoImportsStartedAtOnceBothLand() throws Exception {
        String data = tmp.resolve("data").toString();
        Path a = register("a.csv", 0, 5000);
        Path b = register("b.csv", 5000, 10_000);
        Process first = start(List.of("--data", data, "run", "registry:import", a.toString(), "--admit", "--json"),
                "a");
        Process second = start(List.of("--data", data, "run", "registry:import", b.toString(), "--admit", "--json"),
                "b");
        Dist.Result ra = finish(first, "a");
        Dist.Result rb = finish(second, "b");
        assertEquals(0, ra.exit(), ra::toString);
        assertEquals(0, rb.exit(), rb::toString);
        boolean waited = ra.err().contains("waiting for another StatDesk process") || rb.err().contains(
                "waiting for another StatDesk process");
        // H2: one waits its turn (the data folder's lock); PostgreSQL: side by side, the server serialises
        assertEquals(!TestDatabase.postgres(), waited, () -> "one of them waited its turn on H2 only:\n" + ra + "\n"
                + rb);
        assertEquals(10_000, dist.run("--data", data, "run", "registry:list", "--json").json().get("units").size());
        Dist.Result verify = dist.run("--data", data, "run", "audit:verify", "--json");
        assertEquals(0, verify.exit(), verify::toString);
    }

    @Test
    void aVerifyStartedDuringAnImportWaitsAndThenPasses() throws Exception {
        String data = tmp.resolve("data").toString();
        Path big = register("big.csv", 0, 20_000);
        Process imp = start(List.of("--data", data, "run", "registry:import", big.toString(), "--admit", "--json"),
                "import");
        Path lock = tmp.resolve("data/.lock");
        if (TestDatabase.postgres()) {
            // no lock on a server database: a verify during the import sees the database as the import began
            Thread.sleep(3000);
            assertTrue(imp.isAlive(), () -> "the import is still running when the verify starts: " + tmp);
            Dist.Result during = dist.run("--data", data, "run", "audit:verify", "--json");
            Dist.Result done = finish(imp, "import");
            assertEquals(0, done.exit(), done::toString);
            assertEquals(0, during.exit(), during::toString);
            assertTrue(during.json().get("ok").asBoolean() && !during.err().contains("waiting for another"),
                    during::toString);
            assertEquals(20_000, dist.run("--data", data, "run", "registry:list", "--json").json().get("units")
                    .size());
            Dist.Result after = dist.run("--data", data, "run", "audit:verify", "--json");
            assertEquals(0, after.exit(), after::toString);
            return;
        }
        long end = System.currentTimeMillis() + 120_000;
        // the import holds the data folder once it has signed the lock file
        while (!(Files.exists(lock) && Files.readString(lock).contains("registry:import")) && imp.isAlive()
                && System.currentTimeMillis() < end) {
            Thread.sleep(20);
        }
        assertTrue(imp.isAlive(), () -> "the import is still running when the verify starts: " + tmp);
        Dist.Result verify = dist.run("--data", data, "run", "audit:verify", "--json");
        Dist.Result imported = finish(imp, "import");
        assertEquals(0, imported.exit(), imported::toString);
        assertEquals(0, verify.exit(), verify::toString);
        assertTrue(verify.json().get("ok").asBoolean(), verify::toString);
        assertTrue(verify.err().contains("waiting for another StatDesk process") && verify.err().contains(
                "run registry:import"), () -> "the verify said what it waited for: " + verify);
        assertEquals(20_000, dist.run("--data", data, "run", "registry:list", "--json").json().get("units").size());
    }

    @Test
    void aDataFolderStillBusyAfterTheWaitIsSaidPlainlyAndNothingChanges() throws Exception {
        Path dataDir = tmp.resolve("data");
        String data = dataDir.toString();
        assertEquals(0, dist.run("--data", data, "run", "feature:list", "--json").exit());
        Path file = register("r.csv", 0, 20);
        // another process holds the data folder (this test, as a long import would)
        try (FileChannel ch = FileChannel.open(dataDir.resolve(".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock held = ch.lock()) {
            ch.write(ByteBuffer.wrap("process 1 since now: run registry:import big.csv\n".getBytes(
                    StandardCharsets.UTF_8)), 0);
            ProcessBuilder pb = dist.builder(List.of("--data", data, "run", "registry:import", file.toString(),
                    "--admit", "--json")).redirectOutput(tmp.resolve("busy.out").toFile())
                    .redirectError(tmp.resolve("busy.err").toFile());
            pb.environment().put("STATDESK_JAVA_OPTS", "-Dstatdesk.lock.wait=2");
            Process p = pb.start();
            p.getOutputStream().close();
            Dist.Result busy = finish(p, "busy");
            assertTrue(held.isValid());
            if (TestDatabase.postgres()) {
                // a server database takes no lock of the data folder: the import runs, whoever holds the file
                assertEquals(0, busy.exit(), busy::toString);
                assertEquals(20, dist.run("--data", data, "run", "registry:list", "--json").json().get("units")
                        .size());
                return;
            }
            assertEquals(1, busy.exit(), busy::toString);
            String error = busy.json().get("error").asText();
            assertTrue(error.contains("is busy") && error.contains("run registry:import big.csv")
                    && error.contains("nothing was changed"), busy::toString);
        }
        assertEquals(0, dist.run("--data", data, "run", "registry:list", "--json").json().get("units").size(),
                "nothing was imported");
        assertEquals(0, dist.run("--data", data, "run", "registry:import", file.toString(), "--admit", "--json")
                .exit(), "once the other process is done, the same command works");
    }
}
