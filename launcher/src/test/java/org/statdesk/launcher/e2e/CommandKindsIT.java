package org.statdesk.launcher.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a command declares decides how it runs, not its name: the JVM options of {@code bin/statdesk run} follow the
 * kind the workstation recorded (var/command-kinds), {@code help --json} shows each command's permission and kind,
 * and {@code statdesk demo} runs the demonstration commands the enabled features declare.
 */
class CommandKindsIT {
    private final Dist dist = Dist.built();
    private final Path root = Path.of(System.getProperty("statdesk.root", "..")).toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    /** The JVM options bin/statdesk gives these arguments, through a "java" that only prints what it gets. */
    private String jvmOptions(Dist d, String... args) throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("echojava/bin"));
        Path java = bin.resolve("java");
        if (!Files.exists(java)) {
            Files.writeString(java, "#!/bin/sh\necho \"$@\"\n");
            Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        ProcessBuilder pb = d.builder(List.of(args)).redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", tmp.resolve("echojava").toString());
        pb.environment().remove("STATDESK_JAVA_OPTS");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return out.substring(0, out.indexOf("org.statdesk.launcher.Main"));
    }

    private static boolean bulk(String options) {
        return options.contains("-XX:+UseParallelGC") && !options.contains("TieredStopAtLevel");
    }

    @Test
    void theStartScriptChoosesTheJvmByTheKindTheCommandDeclares() throws Exception {
        Dist copy = dist.copyTo(tmp.resolve("dist"));
        Path kinds = copy.home.resolve("var/command-kinds");
        Files.deleteIfExists(kinds);
        Path data = tmp.resolve("data");
        // a command not known yet: a quick command's settings
        assertFalse(bulk(jvmOptions(copy, "--data", data.toString(), "run", "demo:load")));

        Dist.Result help = copy.run("--data", data.toString(), "run", "help", "--json");
        assertEquals(0, help.exit(), help::toString);
        List<String> lines = Files.readAllLines(kinds);
        assertTrue(lines.contains("demo:load bulk") && lines.contains("feature:list quick"), lines::toString);
        long written = Files.getLastModifiedTime(kinds).toMillis();
        Thread.sleep(1100);
        assertEquals(0, copy.run("--data", data.toString(), "run", "feature:list", "--json").exit());
        assertEquals(written, Files.getLastModifiedTime(kinds).toMillis(), "rewritten only when it changes");

        assertTrue(bulk(jvmOptions(copy, "--data", data.toString(), "run", "demo:load", "--json")));
        assertTrue(bulk(jvmOptions(copy, "--data=" + data, "--features", "industrial", "run", "load")),
                "a bare name resolves as the workstation resolves it");
        for (String quick : List.of("feature:list", "help", "nosuch:command", "list")) {
            assertFalse(bulk(jvmOptions(copy, "run", quick)), quick);
        }
        // a signed-in quick command: the small heap, with the optimising compiler for the password's 600,000 rounds
        String signedIn = jvmOptions(copy, "--user", "admin", "--data", data.toString(), "run", "feature:list");
        assertTrue(signedIn.contains("-XX:+UseSerialGC") && !signedIn.contains("TieredStopAtLevel"), signedIn);
        assertTrue(jvmOptions(copy, "--data", data.toString(), "run", "feature:list").contains("TieredStopAtLevel"));
        // the workbench and the console: the small serial heap with the optimising compiler
        String gui = jvmOptions(copy, "--data", data.toString());
        assertTrue(gui.contains("-XX:+UseSerialGC") && !gui.contains("TieredStopAtLevel"), gui);

        // a distribution that cannot be written to: the kinds go to the data folder, where the script finds them
        Files.delete(kinds);
        Path var = copy.home.resolve("var");
        Files.setPosixFilePermissions(var, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            if (Files.isWritable(var)) {
                return; // running as root: permissions do not bind, nothing more to show
            }
            assertEquals(0, copy.run("--data", data.toString(), "run", "feature:list", "--json").exit());
            assertTrue(Files.readAllLines(data.resolve("command-kinds")).contains("demo:load bulk"));
            assertTrue(bulk(jvmOptions(copy, "--data", data.toString(), "run", "demo:load")));
        } finally {
            Files.setPosixFilePermissions(var, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void helpJsonShowsEachCommandsPermissionAndKindBesideTheUsage() throws Exception {
        Dist.Result help = dist.run("--data", tmp.resolve("data").toString(), "run", "help", "--json");
        assertEquals(0, help.exit(), help::toString);
        JsonNode doc = help.json();
        assertEquals("feature:list [--json]", doc.get("commands").get("feature:list").asText(), "as before");
        JsonNode specs = doc.get("specs");
        List<String> missing = new ArrayList<>();
        doc.get("commands").fieldNames().forEachRemaining(n -> {
            if (!specs.has(n)) {
                missing.add(n);
            }
        });
        assertTrue(missing.isEmpty(), "every command has its spec: " + missing);
        JsonNode enable = specs.get("feature:enable");
        assertEquals("admin.features", enable.get("permission").asText());
        assertFalse(enable.get("bulk").asBoolean());
        assertEquals("", specs.get("feature:list").get("permission").asText());
        JsonNode demo = specs.get("demo:load");
        assertTrue(demo.get("bulk").asBoolean() && demo.get("demo").asBoolean(), demo::toString);
        assertTrue(demo.get("usage").asText().startsWith("demo:load"), demo::toString);
    }

    @Test
    void demoRunsTheDeclaredDemonstrationAndJustOpensAFolderThatHoldsData() throws Exception {
        String data = tmp.resolve("data").toString();
        Path register = new Units(root).file(tmp, "r.csv", 5, 8);
        assertEquals(0, dist.run("--data", data, "run", "registry:import", register.toString(), "--admit", "--json")
                .exit());
        // headless, stdin closed: the console opens after the demo step and stops at once
        Dist.Result demo = dist.run("--data", data, "demo");
        assertEquals(0, demo.exit(), demo::toString);
        assertTrue(demo.err().contains("demonstration data: demo:load"), demo::toString);
        assertTrue(demo.err().contains("the register is not empty"), demo::toString);
        assertTrue(demo.err().contains("no demonstration data was loaded"), demo::toString);
        assertEquals(5, dist.run("--data", data, "run", "registry:list", "--json").json().get("units").size(),
                "the data folder is as it was");

        // without a feature that declares a demonstration, the same: the workstation just opens
        String bare = tmp.resolve("bare").toString();
        Dist.Result none = dist.run("--data", bare, "--features", "trade", "demo");
        assertEquals(0, none.exit(), none::toString);
        assertTrue(none.err().contains("no enabled feature declares a demonstration"), none::toString);
        assertEquals(0, dist.run("--data", bare, "run", "registry:list", "--json").json().get("units").size());
    }
}
