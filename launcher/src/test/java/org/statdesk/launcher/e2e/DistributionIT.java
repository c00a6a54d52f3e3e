package org.statdesk.launcher.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution as users and bureau scripts use it: {@code bin/statdesk [--data D] [--features ...] run ...},
 * checking exit codes, that stdout is exactly one JSON document, and that bad input changes nothing.
 */
class DistributionIT {
    private static final List<String> SPECIALTIES = List.of("industrial", "trade", "services", "enforcement");
    private final Dist dist = Dist.built();
    private final Path root = Path.of(System.getProperty("statdesk.root", "..")).toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    @Test
    void featureListOnAFreshDataFolderShowsEveryFeatureActive() throws Exception {
        Path data = tmp.resolve("data");
        Dist.Result r = dist.run("--data", data.toString(), "run", "feature:list", "--json");
        assertEquals(0, r.exit(), r::toString);
        JsonNode features = r.json().get("features");
        Set<String> names = new HashSet<>();
        for (JsonNode f : features) {
            names.add(f.get("name").asText());
            assertTrue(f.get("enabled").asBoolean(), f.toString());
            for (JsonNode b : f.get("bundles")) {
                assertEquals("ACTIVE", b.get("state").asText(), b.toString());
            }
        }
        assertEquals(Set.of("core", "workbench", "industrial", "trade", "services", "enforcement"), names);
        if (TestDatabase.postgres()) {
            try (java.sql.Connection c = TestDatabase.connect(dist.home, data);
                    java.sql.ResultSet rs = c.getMetaData().getTables(null, c.getSchema(), "reg_unit", null)) {
                assertTrue(rs.next(), "the register's table is in the data folder's schema on PostgreSQL");
            }
            assertFalse(Files.exists(data.resolve("db/statdesk.mv.db")), "no H2 database beside PostgreSQL");
        } else {
            assertTrue(Files.exists(data.resolve("db/statdesk.mv.db")), "the H2 database is in DATA/db");
        }
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data)));
        System.err.println("feature:list --json end to end: " + r.millis() + " ms");
    }

    @Test
    void featuresIndustrialInstallsCoreWorkbenchAndIndustrialOnlyAndPersists() throws Exception {
        Path data = tmp.resolve("data");
        Dist.Result r = dist.run("--data", data.toString(), "--features", "industrial", "run", "feature:list", "--json");
        assertEquals(0, r.exit(), r::toString);
        assertSelection(r.json(), Set.of("core", "workbench", "industrial"));
        // the next start, without --features, has the same selection
        Dist.Result again = dist.run("--data", data.toString(), "run", "feature:list", "--json");
        assertSelection(again.json(), Set.of("core", "workbench", "industrial"));
        // and the commands of other specialties are not there
        Dist.Result draw = dist.run("--data", data.toString(), "run", "enforcement:draw", "--year", "2026", "--json");
        assertEquals(2, draw.exit(), draw::toString);
        assertTrue(draw.json().get("error").asText().contains("enforcement:draw"));
    }

    private static void assertSelection(JsonNode list, Set<String> enabled) {
        for (JsonNode f : list.get("features")) {
            String name = f.get("name").asText();
            boolean on = enabled.contains(name);
            assertEquals(on, f.get("enabled").asBoolean(), f.toString());
            for (JsonNode b : f.get("bundles")) {
                if (on) {
                    assertEquals("ACTIVE", b.get("state").asText(), b.toString());
                } else {
                    assertFalse(b.get("state").asText().equals("ACTIVE") || b.get("state").asText().equals("RESOLVED"),
                            "a bundle of a disabled feature is not installed: " + b);
                }
            }
        }
    }

    @Test
    void featureEnableAndDisableAtRunTimePersist() throws Exception {
        String data = tmp.resolve("data").toString();
        assertEquals(0, dist.run("--data", data, "--features", "trade", "run", "feature:list", "--json").exit());
        Dist.Result on = dist.run("--data", data, "run", "feature:enable", "services", "--json");
        assertEquals(0, on.exit(), on::toString);
        Dist.Result off = dist.run("--data", data, "run", "feature:disable", "--json", "trade");
        assertEquals(0, off.exit(), off::toString);
        assertSelection(dist.run("--data", data, "run", "feature:list", "--json").json(),
                Set.of("core", "workbench", "services"));
        Dist.Result core = dist.run("--data", data, "run", "feature:disable", "core", "--json");
        assertEquals(2, core.exit(), core::toString);
    }

    @Test
    void badInputGetsOneClearMessageAndANonZeroExit() throws Exception {
        Path data = tmp.resolve("data");
        Dist.Result unknownFeature = dist.run("--data", data.toString(), "--features", "industrial,nosuch", "run",
                "feature:list", "--json");
        assertEquals(2, unknownFeature.exit(), unknownFeature::toString);
        assertTrue(unknownFeature.err().contains("nosuch"), unknownFeature::toString);
        assertFalse(Files.exists(data.resolve("features.json")), "nothing was selected");

        Dist.Result unknownCommand = dist.run("--data", data.toString(), "run", "nosuch:command", "--json");
        assertEquals(2, unknownCommand.exit(), unknownCommand::toString);
        assertTrue(unknownCommand.json().get("error").asText().contains("nosuch:command"));

        Dist.Result missingFile = dist.run("--data", data.toString(), "run", "registry:import", "/no/such.csv",
                "--json");
        assertEquals(2, missingFile.exit(), missingFile::toString);
    }

    @Test
    void aBrokenDistributionSaysWhatIsWrong() throws Exception {
        Dist copy = dist.copyTo(tmp.resolve("dist"));
        String data = tmp.resolve("data").toString();
        // a jar in deploy/ that is not a bundle: named, ignored, everything else works
        Files.writeString(copy.home.resolve("deploy/notes.jar"), "not a jar");
        Dist.Result junk = copy.run("--data", data, "run", "feature:list", "--json");
        assertEquals(0, junk.exit(), junk::toString);
        assertTrue(junk.err().contains("notes.jar") && junk.err().contains("not an OSGi bundle"), junk::toString);
        Files.delete(copy.home.resolve("deploy/notes.jar"));

        // a feature file that is not JSON
        Path bad = copy.home.resolve("features/statdesk-extra.json");
        Files.writeString(bad, "{ \"id\": ");
        Dist.Result invalid = copy.run("--data", data, "run", "feature:list", "--json");
        assertEquals(1, invalid.exit(), invalid::toString);
        assertTrue(invalid.json().get("error").asText().contains("statdesk-extra.json"), invalid::toString);
        Files.delete(bad);

        // a database that cannot be reached
        Path cfg = copy.home.resolve("etc/org.statdesk.store.cfg");
        String nowhere = TestDatabase.postgres() ? "jdbc:postgresql://127.0.0.1:1/nowhere"
                : "jdbc:h2:tcp://127.0.0.1:1/nowhere";
        Files.writeString(cfg, Files.readString(cfg).replaceFirst("(?m)^url=.*$", "url=" + nowhere));
        Dist.Result db = copy.run("--data", data, "run", "audit:verify", "--json");
        assertEquals(1, db.exit(), db::toString);
        assertTrue(db.err().contains("cannot open the database " + nowhere), db::toString);
        assertTrue(db.json().get("error").asText().contains("org.statdesk.store.cfg"), db::toString);

        // a target-platform jar missing from system/: the runtime cannot resolve; say so and exit, never hang
        Path databind;
        try (var s = Files.list(copy.home.resolve("system"))) {
            databind = s.filter(p -> p.getFileName().toString().startsWith("jackson-databind")).findFirst().orElseThrow();
        }
        Files.delete(databind);
        Dist.Result missing = copy.run("--data", data, "run", "feature:list", "--json");
        assertEquals(1, missing.exit(), missing::toString);
        assertTrue(missing.err().contains("could not start") && missing.err().contains("com.fasterxml.jackson.databind")
                && missing.err().contains("rebuild"), missing::toString);
    }

    @Test
    void registerImportWithPlantedFaultsIsRejectedWholeWithLineNumbers() throws Exception {
        Units units = new Units(root);
        Path good = units.file(tmp, "register.csv", 300, 1);
        List<String> lines = new ArrayList<>(Files.readAllLines(good));
        // planted faults (line numbers count the header as line 1)
        String[] l10 = lines.get(9).split(",", -1);
        l10[0] = l10[0].substring(0, 17) + (l10[0].charAt(17) == '0' ? '1' : '0'); // wrong check character
        lines.set(9, String.join(",", l10));
        String[] l50 = lines.get(49).split(",", -1);
        l50[2] = "620699999"; // no such township
        lines.set(49, String.join(",", l50));
        String[] l120 = lines.get(119).split(",", -1);
        l120[1] = ""; // no name
        lines.set(119, String.join(",", l120));
        String[] l200 = lines.get(199).split(",", -1);
        l200[4] = "一百万"; // revenue not a number
        lines.set(199, String.join(",", l200));
        Path faulty = tmp.resolve("faulty.csv");
        Files.write(faulty, lines, StandardCharsets.UTF_8);

        String data = tmp.resolve("data").toString();
        Dist.Result r = dist.run("--data", data, "run", "registry:import", faulty.toString(), "--admit", "--json");
        assertEquals(2, r.exit(), r::toString);
        Set<Integer> errorLines = new HashSet<>();
        for (JsonNode e : r.json().get("errors")) {
            errorLines.add(e.get("line").asInt());
            assertTrue(e.has("field") && e.has("value") && e.has("message"), e.toString());
        }
        assertEquals(Set.of(10, 50, 120, 200), errorLines, r::toString);
        assertEquals(0, dist.run("--data", data, "run", "registry:list", "--json").json().get("units").size(),
                "nothing was imported");

        // options before or after the file
        Dist.Result ok = dist.run("--data", data, "run", "registry:import", "--json", "--admit", good.toString());
        assertEquals(0, ok.exit(), ok::toString);
        assertEquals(300, dist.run("--data", data, "run", "registry:list", "--json").json().get("units").size());
        Dist.Result verify = dist.run("--data", data, "run", "audit:verify", "--json");
        assertEquals(0, verify.exit(), verify::toString);
        assertTrue(verify.json().get("ok").asBoolean());
    }

    @Test
    void demoReviewChartsEnforcementAndATamperedFigureIsDetected() throws Exception {
        String data = tmp.resolve("data").toString();
        Dist.Result demo = dist.run("--data", data, "run", "demo:load", "--json");
        assertEquals(0, demo.exit(), demo::toString);
        String period = demo.json().get("last_period").asText();
        Set<String> planted = new HashSet<>();
        demo.json().get("planted").forEach(p -> planted.add(p.get("credit_code").asText()));

        Dist.Result run = dist.run("--data", data, "run", "review:run", "--period", period, "--json");
        assertEquals(0, run.exit(), "flags are findings, not a failure: " + run);
        Set<String> flagged = new HashSet<>();
        run.json().get("flags").forEach(f -> flagged.add(f.get("credit_code").asText()));
        long found = planted.stream().filter(flagged::contains).count();
        assertTrue(found >= planted.size() * 0.8, "planted anomalies found: " + found + " of " + planted.size());

        Path png = tmp.resolve("variance.png");
        Dist.Result chart = dist.run("--data", data, "run", "chart:export", "--kind", "variance", "--period", period,
                "--out", png.toString(), "--json");
        assertEquals(0, chart.exit(), chart::toString);
        byte[] head = Arrays.copyOf(Files.readAllBytes(png), 8);
        assertEquals(0x89, head[0] & 0xff);
        assertEquals('P', head[1]);

        Dist.Result draw = dist.run("--data", data, "run", "enforcement:draw", "--year", period.substring(0, 4),
                "--seed", "20210301", "--json");
        assertEquals(0, draw.exit(), draw::toString);
        String id = draw.json().get("id").asText();
        Dist.Result check = dist.run("--data", data, "run", "enforcement:verify-draw", id, "--json");
        assertEquals(0, check.exit(), check::toString);

        assertEquals(0, dist.run("--data", data, "run", "audit:verify", "--json").exit());
        // a silent edit of a reported figure, behind StatDesk's back
        try (Connection c = h2(Path.of(data)); Statement st = c.createStatement()) {
            int n = st.executeUpdate("UPDATE rev_report SET v1 = v1 * 2 WHERE period = '" + period
                    + "' AND v1 IS NOT NULL AND credit_code = (SELECT MIN(credit_code) FROM rev_report WHERE period = '"
                    + period + "' AND v1 IS NOT NULL)");
            assertEquals(1, n);
        }
        Dist.Result tampered = dist.run("--data", data, "run", "audit:verify", "--json");
        assertEquals(1, tampered.exit(), tampered::toString);
        assertFalse(tampered.json().get("ok").asBoolean());
        assertTrue(tampered.json().get("problems").size() >= 1, tampered::toString);
    }

    @Test
    void aKilledImportLeavesNothingHalfDoneAndLosesNothingBefore() throws Exception {
        Units units = new Units(root);
        String data = tmp.resolve("data").toString();
        Path first = units.file(tmp, "first.csv", 50, 2);
        assertEquals(0, dist.run("--data", data, "run", "registry:import", first.toString(), "--admit", "--json")
                .exit());
        // a second, large file whose import is killed (kill -9): once while it writes the units, once while it
        // commits, where a database engine that is not atomic would leave half of it. Each moment is found from the
        // import's phase times on stderr (-Dstatdesk.timing=true): a phase's line is printed when it ends.
        record KillPoint(String during, String afterLap, long delayMs) {
        }
        StringBuilder big = new StringBuilder(Units.HEADER).append('\n');
        java.util.Random rnd = new java.util.Random(3);
        for (int i = 50; i < 20_050; i++) {
            big.append(units.row(i, rnd)).append('\n');
        }
        Path second = tmp.resolve("second.csv");
        Files.writeString(second, big);
        for (KillPoint kill : List.of(new KillPoint("insert units", "check", 100),
                new KillPoint("commit", "journal", 60))) {
            ProcessBuilder pb = dist.builder(List.of("--data", data, "run", "registry:import", second.toString(),
                    "--json")).redirectOutput(tmp.resolve("kill.out").toFile());
            pb.environment().put("STATDESK_JAVA_OPTS", "-Dstatdesk.timing=true");
            Process p = pb.start();
            p.getOutputStream().close();
            boolean reached = false;
            try (java.io.BufferedReader err = new java.io.BufferedReader(new java.io.InputStreamReader(
                    p.getErrorStream(), java.nio.charset.StandardCharsets.UTF_8))) {
                String line;
                while ((line = err.readLine()) != null) {
                    if (line.trim().startsWith(kill.afterLap())) {
                        reached = true;
                        break;
                    }
                }
                Thread.sleep(kill.delayMs());
                p.destroyForcibly(); // SIGKILL
                p.waitFor(30, TimeUnit.SECONDS);
            }
            assertTrue(reached, "the import never reached its " + kill.during() + " phase");

            Dist.Result list = dist.run("--data", data, "run", "registry:list", "--json");
            assertEquals(0, list.exit(), list::toString);
            int count = list.json().get("units").size();
            System.err.println("after kill -9 during " + kill.during() + " of 20,000 units: " + count
                    + " units in the register");
            assertTrue(count == 50 || count == 20_050, "all or nothing, and the first import kept: " + count);
            Dist.Result verify = dist.run("--data", data, "run", "audit:verify", "--json");
            assertEquals(0, verify.exit(), verify::toString);
            if (count == 20_050) {
                return; // the commit was already durable: a later kill cannot take it back
            }
        }
        Dist.Result again = dist.run("--data", data, "run", "registry:import", second.toString(), "--json");
        assertEquals(0, again.exit(), again::toString);
        assertEquals(20_050, dist.run("--data", data, "run", "registry:list", "--json").json().get("units").size());
    }

    @Test
    void backupAndRestoreGiveBackTheDataAsItWas() throws Exception {
        Units units = new Units(root);
        String data = tmp.resolve("data").toString();
        assertEquals(0, dist.run("--data", data, "run", "registry:import",
                units.file(tmp, "a.csv", 40, 4).toString(), "--admit", "--json").exit());
        Path backup = tmp.resolve("backup.zip");
        Dist.Result b = dist.run("--data", data, "run", "store:backup", backup.toString(), "--json");
        assertEquals(0, b.exit(), b::toString);
        assertTrue(Files.size(backup) > 0);
        StringBuilder more = new StringBuilder(Units.HEADER).append('\n');
        java.util.Random rnd = new java.util.Random(5);
        for (int i = 1000; i < 1010; i++) {
            more.append(units.row(i, rnd)).append('\n');
        }
        Path m = tmp.resolve("more.csv");
        Files.writeString(m, more);
        assertEquals(0, dist.run("--data", data, "run", "registry:import", m.toString(), "--admit", "--json").exit());
        assertEquals(50, dist.run("--data", data, "run", "registry:list", "--json").json().get("units").size());
        Dist.Result r = dist.run("--data", data, "run", "store:restore", backup.toString(), "--json");
        assertEquals(0, r.exit(), r::toString);
        assertEquals(40, dist.run("--data", data, "run", "registry:list", "--json").json().get("units").size());
    }

    @Test
    void aRunWorksWhileTheWorkstationIsOpenOnTheSameData() throws Exception {
        String data = tmp.resolve("data").toString();
        Process open = dist.builder(List.of("--data", data)).redirectOutput(tmp.resolve("console.out").toFile())
                .redirectError(tmp.resolve("console.err").toFile()).start();
        try (OutputStream stdin = open.getOutputStream()) {
            Thread.sleep(4000); // the console workstation is up and holds the database
            assertTrue(open.isAlive(), () -> "the console stays up: " + read(tmp.resolve("console.err")));
            Units units = new Units(root);
            Dist.Result r = dist.run("--data", data, "run", "registry:import",
                    units.file(tmp, "while-open.csv", 20, 6).toString(), "--admit", "--json");
            assertEquals(0, r.exit(), r::toString);
            assertEquals(20, dist.run("--data", data, "run", "registry:list", "--json").json().get("units").size());
            stdin.write("stop 0\n".getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        } finally {
            if (!open.waitFor(20, TimeUnit.SECONDS)) {
                open.destroyForcibly();
            }
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (Exception e) {
            return "";
        }
    }

    /** Connects to the data folder's database with the driver of the distribution, as a tamperer would. */
    private Connection h2(Path data) throws Exception {
        return TestDatabase.connect(dist.home, data);
    }
}
