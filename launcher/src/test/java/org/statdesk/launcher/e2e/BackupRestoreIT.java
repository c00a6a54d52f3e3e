package org.statdesk.launcher.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * store:backup and store:restore through the distribution, on demo data: a backup restores into a fresh data folder
 * and over a changed one with the journal verifying; a file that is not exactly a backup is refused (exit 2) and a
 * backup whose journal does not verify is not swapped in (exit 1), each leaving the data as it was; backups are
 * readable by their owner only; H2's automatic server listens on loopback only.
 */
class BackupRestoreIT {
    private static final Dist DIST = Dist.built();
    @TempDir
    static Path tmp;
    private static String demo;
    private static Path backup;
    private static JsonNode demoUnits;
    private static JsonNode demoVerify;

    @BeforeAll
    static void demoDataAndItsBackup() throws Exception {
        demo = tmp.resolve("demo").toString();
        Dist.Result load = DIST.run("--data", demo, "run", "demo:load", "--json");
        assertEquals(0, load.exit(), load::toString);
        backup = tmp.resolve("backups/demo.zip");
        Dist.Result b = DIST.run("--data", demo, "run", "store:backup", backup.toString(), "--json");
        assertEquals(0, b.exit(), b::toString);
        System.err.println("store:backup of demo data: " + b.millis() + " ms, " + Files.size(backup) + " bytes, "
                + b.json().get("rows") + " rows");
        demoUnits = units(demo);
        demoVerify = verified(demo);
    }

    private static JsonNode units(String data) throws Exception {
        Dist.Result r = DIST.run("--data", data, "run", "registry:list", "--json");
        assertEquals(0, r.exit(), r::toString);
        return r.json().get("units");
    }

    /** audit:verify's counts: how many journal entries and guarded rows the database holds, and that it is ok. */
    private static JsonNode verified(String data) throws Exception {
        Dist.Result v = DIST.run("--data", data, "run", "audit:verify", "--json");
        assertEquals(0, v.exit(), v::toString);
        ObjectNode counts = Dist.JSON.createObjectNode();
        counts.put("ok", v.json().get("ok").asBoolean()).put("entries", v.json().get("entries").asLong())
                .put("rows", v.json().get("rows").asLong());
        return counts;
    }

    @Test
    void aBackupIsDataWithAManifestAndReadableByItsOwnerOnly() throws Exception {
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(backup)));
        Map<String, byte[]> e = entries(backup);
        JsonNode m = Dist.JSON.readTree(e.get("manifest.json"));
        assertEquals("statdesk-backup", m.get("format").asText());
        assertTrue(m.get("schema").has("org.statdesk.review"), m.get("schema").toString());
        long units = 0;
        for (JsonNode t : m.get("tables")) {
            byte[] data = e.get("tables/" + t.get("name").asText() + ".jsonl");
            assertEquals(t.get("sha256").asText(), sha(data));
            units = t.get("name").asText().equals("reg_unit") ? t.get("rows").asLong() : units;
        }
        assertEquals(demoUnits.size(), units);
        for (String name : e.keySet()) {
            assertTrue(name.equals("manifest.json") || name.equals("trust.json") || name.matches("tables/[a-z_0-9]+\\.jsonl"),
                    name);
        }
        try (Stream<Path> left = Files.list(backup.getParent())) {
            assertEquals(List.of("demo.zip"), left.map(p -> p.getFileName().toString()).toList(), "no temp file left");
        }
        Dist.Result inData = DIST.run("--data", demo, "run", "store:backup", demo + "/backup.zip", "--json");
        assertEquals(2, inData.exit(), inData::toString);
        assertTrue(inData.json().toString().contains("inside the data folder"), inData.json().toString());
    }

    @Test
    void aBackupRestoresIntoAFreshDataFolderAndOverAChangedOne() throws Exception {
        String fresh = tmp.resolve("fresh").toString();
        Dist.Result r = DIST.run("--data", fresh, "run", "store:restore", backup.toString(), "--json");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.json().get("restored").asBoolean());
        assertTrue(r.json().get("journal").get("ok").asBoolean(), r.toString());
        System.err.println("store:restore of demo data into a fresh folder: " + r.millis() + " ms");
        assertEquals(demoUnits, units(fresh));
        assertEquals(demoVerify, verified(fresh));
        assertOnlyTheDatabase(fresh);

        // over a changed one: a unit closed, a unit added; the restore gives back the data as it was at the backup
        String changed = tmp.resolve("changed").toString();
        assertEquals(0, DIST.run("--data", changed, "run", "store:restore", backup.toString(), "--json").exit());
        Path more = new Units(Path.of(System.getProperty("statdesk.root", "..")).toAbsolutePath().normalize())
                .file(tmp, "more.csv", 3, 11);
        Dist.Result imp = DIST.run("--data", changed, "run", "registry:import", more.toString(), "--admit", "--json");
        assertEquals(0, imp.exit(), imp::toString);
        assertEquals(demoUnits.size() + 3, units(changed).size());
        Dist.Result over = DIST.run("--data", changed, "run", "store:restore", backup.toString(), "--json");
        assertEquals(0, over.exit(), over::toString);
        assertEquals(demoUnits, units(changed));
        assertEquals(demoVerify, verified(changed));
        assertOnlyTheDatabase(changed);
    }

    @Test
    void aFileThatIsNotExactlyABackupIsRefusedAndChangesNothing() throws Exception {
        String data = tmp.resolve("target").toString();
        assertEquals(0, DIST.run("--data", data, "run", "store:restore", backup.toString(), "--json").exit());
        Path pwned = tmp.resolve("pwned");
        String alias = "CREATE ALIAS PWN AS 'String pwn() throws Exception { java.nio.file.Files.writeString("
                + "java.nio.file.Path.of(\"" + pwned + "\"), \"x\"); return \"\"; }';\nCALL PWN();\n"
                + "CALL FILE_WRITE('x', '" + pwned + "');\nALTER USER SA SET PASSWORD 'locked';\n";
        Map<String, Path> crafted = new LinkedHashMap<>();
        crafted.put("an H2 script as the old backups were", zip("script.zip", Map.of("script.sql",
                ("DROP ALL OBJECTS;\n" + alias).getBytes(StandardCharsets.UTF_8))));
        crafted.put("a script beside a good backup", variant("extra.zip", e -> e.put("tables/pwn.sql",
                alias.getBytes(StandardCharsets.UTF_8))));
        crafted.put("a changed figure", variant("changed.zip", e -> {
            String k = "tables/rev_report.jsonl";
            byte[] b = e.get(k);
            int at = new String(b, StandardCharsets.ISO_8859_1).indexOf(',', 40);
            b[at + 1] = (byte) (b[at + 1] == '9' ? '8' : '9');
        }));
        byte[] whole = Files.readAllBytes(backup);
        crafted.put("a truncated backup", write("truncated.zip", Arrays.copyOf(whole, whole.length / 2)));
        crafted.put("an empty file", write("empty.zip", new byte[0]));
        for (Map.Entry<String, Path> c : crafted.entrySet()) {
            Dist.Result r = DIST.run("--data", data, "run", "store:restore", c.getValue().toString(), "--json");
            assertEquals(2, r.exit(), c.getKey() + ": " + r);
            assertTrue(r.json().toString().contains("nothing was changed"), c.getKey() + ": " + r.json());
            assertFalse(Files.exists(pwned), c.getKey() + ": nothing in the file ran");
            assertEquals(demoUnits, units(data), c.getKey());
            assertOnlyTheDatabase(data);
        }
        assertEquals(demoVerify, verified(data), "the owner is not locked out and the journal is whole");

        // a figure changed and the checksums made to agree: the file is well-formed, but its journal does not verify
        Path forged = variant("forged.zip", e -> {
            String rows = new String(e.get("tables/reg_unit.jsonl"), StandardCharsets.UTF_8);
            String first = rows.substring(0, rows.indexOf('\n'));
            String forgedRow = first.replaceFirst("\"[^\"]*有限公司[^\"]*\"", "\"伪造有限公司\"");
            assertFalse(first.equals(forgedRow), first);
            e.put("tables/reg_unit.jsonl", rows.replace(first, forgedRow).getBytes(StandardCharsets.UTF_8));
            agree(e, "reg_unit");
        });
        Dist.Result f = DIST.run("--data", data, "run", "store:restore", forged.toString(), "--json");
        assertEquals(1, f.exit(), f::toString);
        assertFalse(f.json().get("restored").asBoolean());
        assertFalse(f.json().get("journal").get("ok").asBoolean(), f.toString());
        assertEquals(demoUnits, units(data), "not swapped in");
        assertOnlyTheDatabase(data);
    }

    @Test
    void theAutomaticServerListensOnLoopbackOnlyAndARestoreWaitsForTheWorkbenchToClose() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse(TestDatabase.postgres(), "H2's automatic server and its session"
                + " list: on PostgreSQL there is neither (the server listens where its administrator says, and a"
                + " restore's swap waits for the others' transactions instead of refusing)");
        String data = tmp.resolve("open").toString();
        assertEquals(0, DIST.run("--data", data, "run", "store:restore", backup.toString(), "--json").exit());
        Process open = DIST.builder(List.of("--data", data)).redirectOutput(tmp.resolve("console.out").toFile())
                .redirectError(tmp.resolve("console.err").toFile()).start();
        try (OutputStream stdin = open.getOutputStream()) {
            Path lock = Path.of(data, "db", "statdesk.lock.db");
            Properties p = new Properties();
            for (int i = 0; i < 200 && !p.containsKey("server"); i++) { // H2 writes the lock file, then its server
                Thread.sleep(100);
                if (Files.exists(lock)) {
                    try (InputStream in = Files.newInputStream(lock)) {
                        p.load(in);
                    }
                }
            }
            assertTrue(open.isAlive(), () -> "the console stays up: " + read(tmp.resolve("console.err")));
            String server = p.getProperty("server", "");
            int port = Integer.parseInt(server.substring(server.lastIndexOf(':') + 1));
            List<String> listening = listening(port);
            assertEquals(List.of("127.0.0.1"), listening, "port " + port + " (" + server + ") listens on " + listening);

            // a second program has the database open: restore refuses, exit 1, nothing changed
            Dist.Result r = DIST.run("--data", data, "run", "store:restore", backup.toString(), "--json");
            assertEquals(1, r.exit(), r::toString);
            assertTrue(r.json().get("error").asText().contains("open in another program"), r.toString());
            assertEquals(demoUnits, units(data));
            stdin.write("stop 0\n".getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        } finally {
            if (!open.waitFor(20, TimeUnit.SECONDS)) {
                open.destroyForcibly();
            }
        }
        assertOnlyTheDatabase(data);
    }

    /** The local addresses listening on {@code port}, from the kernel's socket tables (Linux). */
    private static List<String> listening(int port) throws Exception {
        List<String> out = new java.util.ArrayList<>();
        String hexPort = String.format(":%04X", port);
        for (String table : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
            if (!Files.exists(Path.of(table))) {
                continue;
            }
            for (String line : Files.readAllLines(Path.of(table)).subList(1, Files.readAllLines(Path.of(table)).size())) {
                String[] f = line.trim().split("\\s+");
                if (f[1].endsWith(hexPort) && f[3].equals("0A")) { // 0A: LISTEN
                    String addr = f[1].substring(0, f[1].indexOf(':'));
                    // 127.0.0.1 as IPv4, or IPv4-mapped on an IPv6 socket; anything else (:: is every interface) as is
                    out.add(addr.equals("0100007F") || addr.equals("0000000000000000FFFF00000100007F") ? "127.0.0.1"
                            : addr);
                }
            }
        }
        return out;
    }

    private static void assertOnlyTheDatabase(String data) throws Exception {
        if (TestDatabase.postgres()) {
            try (Stream<Path> s = Files.list(Path.of(data, "db"))) {
                assertEquals(List.of(), s.map(p -> p.getFileName().toString()).toList(), "no marker or note left");
            }
            try (java.sql.Connection c = TestDatabase.connect(DIST.home, Path.of(data));
                    java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT nspname FROM pg_namespace"
                            + " WHERE nspname LIKE 'statdesk_re%'")) {
                assertFalse(rs.next(), "no restore's schema left beside the live one");
            }
            return;
        }
        try (Stream<Path> s = Files.list(Path.of(data, "db"))) {
            List<String> names = s.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".trace.db")).sorted()
                    .toList();
            assertEquals(List.of("statdesk.mv.db"), names, "no new database, marker or temp file left beside it");
        }
    }

    /** The entries of a zip as its local headers give them, read front to back. */
    private static Map<String, byte[]> entries(Path zip) throws Exception {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream z = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
                out.put(e.getName(), z.readAllBytes());
            }
        }
        return out;
    }

    private static Path variant(String name, Consumer<Map<String, byte[]>> change) throws Exception {
        Map<String, byte[]> e = entries(backup);
        change.accept(e);
        return zip(name, e);
    }

    private static Path zip(String name, Map<String, byte[]> entries) throws Exception {
        Path p = tmp.resolve(name);
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(p))) {
            for (String entry : entries.keySet()) {
                z.putNextEntry(new ZipEntry(entry)); // the next putNextEntry (or close) ends the one before
                z.write(entries.get(entry));
            }
        }
        return p;
    }

    private static Path write(String name, byte[] b) throws Exception {
        return Files.write(tmp.resolve(name), b);
    }

    /** Makes the manifest agree with a changed table entry (size and SHA-256), as a forger would. */
    private static void agree(Map<String, byte[]> e, String table) {
        try {
            ObjectNode m = (ObjectNode) Dist.JSON.readTree(e.get("manifest.json"));
            byte[] data = e.get("tables/" + table + ".jsonl");
            for (JsonNode t : m.withArray("tables")) {
                if (t.get("name").asText().equals(table)) {
                    ((ObjectNode) t).put("bytes", data.length).put("sha256", sha(data));
                }
            }
            e.put("manifest.json", Dist.JSON.writeValueAsBytes(m));
        } catch (java.io.IOException x) {
            throw new java.io.UncheckedIOException(x);
        }
    }

    private static String sha(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (java.security.NoSuchAlgorithmException x) {
            throw new IllegalStateException(x);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (Exception e) {
            return "";
        }
    }
}
