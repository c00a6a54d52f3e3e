package org.statdesk.store.internal.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statdesk.store.internal.Migrations;

/**
 * A file that is not exactly what store:backup wrote is refused before anything is loaded, and what it holds is
 * never executed.
 */
class BackupRefusalTest {
    @TempDir
    Path tmp;
    private Path good;
    private Map<String, List<Migrations.Script>> installed;

    @BeforeEach
    void aGoodBackup() throws Exception {
        installed = Map.of(Fixture.TYPES, Fixture.types(2));
        Path db = tmp.resolve("live");
        try (Connection c = Fixture.h2(db)) {
            Migrations.apply(c, Fixture.TYPES, Fixture.types(1));
            try (Statement st = c.createStatement()) {
                st.execute("INSERT INTO t_types (i, flag, s) VALUES (1, TRUE, 'a'), (2, FALSE, 'b')");
            }
        }
        good = tmp.resolve("good.zip");
        try (Connection c = Fixture.h2(db); OutputStream out = Files.newOutputStream(good)) {
            new BackupWriter(new H2Dialect(), "h2").write(c, null, out);
        }
    }

    /** Checks the file as store:restore does before it loads anything; returns the refusal's message. */
    private String refused(Path file) {
        BackupException e = assertThrows(BackupException.class, () -> {
            try (BackupReader r = BackupReader.open(file)) {
                new Loader(installed).checkKnown(r.manifest());
                r.validate();
            }
        });
        return e.getMessage();
    }

    private Path variant(String name, java.util.function.Consumer<Map<String, byte[]>> change) throws Exception {
        Map<String, byte[]> e = Fixture.entries(good);
        change.accept(e);
        Path p = tmp.resolve(name);
        Fixture.zip(p, e);
        return p;
    }

    @Test
    void theGoodOneLoads() throws Exception {
        try (BackupReader r = BackupReader.open(good); Connection c = Fixture.h2(tmp.resolve("new"))) {
            assertEquals(4, r.validate(), "the seeded row and two, and the history's row");
            new Loader(installed).load(r, c);
            assertEquals(3, Fixture.next(c, "SELECT COUNT(*) FROM t_types"));
        }
    }

    @Test
    void anH2ScriptAsTheOldBackupsWereIsRefused() throws Exception {
        Path script = tmp.resolve("script.zip");
        Path marker = tmp.resolve("pwned");
        try (Connection c = Fixture.h2(tmp.resolve("evil")); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t (a INT)");
            st.execute("SCRIPT TO '" + script + "' COMPRESSION ZIP");
        }
        // what an attacker adds to such a script: code that runs when the script is run
        Map<String, byte[]> e = Fixture.entries(script);
        String name = e.keySet().iterator().next();
        e.put(name, Fixture.utf8(new String(e.get(name), java.nio.charset.StandardCharsets.UTF_8)
                + "\nCREATE ALIAS PWN AS 'String pwn() throws Exception { java.nio.file.Files.writeString("
                + "java.nio.file.Path.of(\"" + marker + "\"), \"x\"); return \"\"; }';\nCALL PWN();\n"
                + "CALL FILE_WRITE('x', '" + marker + "');\nALTER USER SA SET PASSWORD 'locked';\n"));
        Fixture.zip(script, e);
        assertTrue(refused(script).contains("not a StatDesk backup: it has no manifest.json"), refused(script));
        assertFalse(Files.exists(marker), "nothing in the file ran");
    }

    @Test
    void anEntryTheManifestDoesNotDeclareIsRefused() throws Exception {
        Path p = variant("extra.zip", e -> e.put("tables/t_evil.sql", Fixture.utf8("CREATE ALIAS X AS 'code';")));
        assertTrue(refused(p).contains("an entry its manifest does not declare: tables/t_evil.sql"), refused(p));
        Path other = variant("other.zip", e -> e.put("../../etc/cron.d/x", Fixture.utf8("x")));
        assertTrue(refused(other).contains("does not declare"), refused(other));
    }

    @Test
    void aTableNameThatIsSqlIsRefused() throws Exception {
        Path p = variant("name.zip", e -> {
            String m = new String(e.get(Manifest.ENTRY), java.nio.charset.StandardCharsets.UTF_8)
                    .replace("\"t_types\"", "\"t_types; CREATE ALIAS X AS 'code'\"");
            e.put(Manifest.ENTRY, Fixture.utf8(m));
        });
        assertTrue(refused(p).contains("is not a plain SQL name"), refused(p));
    }

    @Test
    void aChangedRowIsRefusedByItsChecksum() throws Exception {
        Path p = variant("changed.zip", e -> {
            String rows = new String(e.get("tables/t_types.jsonl"), java.nio.charset.StandardCharsets.UTF_8);
            e.put("tables/t_types.jsonl", Fixture.utf8(rows.replace("\"a\"", "\"A\"")));
        });
        assertTrue(refused(p).contains("tables/t_types.jsonl does not match its SHA-256 in the manifest"), refused(p));
    }

    @Test
    void aTruncatedOrEmptyFileIsRefused() throws Exception {
        byte[] b = Files.readAllBytes(good);
        for (int cut : new int[] {b.length / 2, b.length - 10, 30}) {
            Path p = tmp.resolve("cut" + cut + ".zip");
            Files.write(p, Arrays.copyOf(b, cut));
            assertTrue(refused(p).contains("is not a complete zip file"), refused(p));
        }
        Path empty = Files.createFile(tmp.resolve("empty.zip"));
        assertTrue(refused(empty).contains("is not a complete zip file"), refused(empty));
        Path text = Files.writeString(tmp.resolve("text.zip"), "INSERT INTO t_types VALUES (1);");
        assertTrue(refused(text).contains("is not a complete zip file"), refused(text));
    }

    @Test
    void anEntryFarLargerThanDeclaredIsReadNoFurther() throws Exception {
        // 200 MB of one repeated row compresses to a few hundred KB: a zip bomb of sorts
        byte[] row = Fixture.utf8("[7,1,null,true,null,null,\"x\",null,null]\n");
        Path p = tmp.resolve("bomb.zip");
        Map<String, byte[]> e = Fixture.entries(good);
        try (OutputStream os = Files.newOutputStream(p); var z = new java.util.zip.ZipOutputStream(os)) {
            for (Map.Entry<String, byte[]> x : e.entrySet()) {
                z.putNextEntry(new java.util.zip.ZipEntry(x.getKey()));
                if (x.getKey().equals("tables/t_types.jsonl")) {
                    for (long n = 0; n < 200L << 20; n += row.length) {
                        z.write(row);
                    }
                } else {
                    z.write(x.getValue());
                }
                z.closeEntry();
            }
        }
        assertTrue(Files.size(p) < 5 << 20, "compressed " + Files.size(p));
        long t0 = System.nanoTime();
        String msg = refused(p);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(msg.contains("tables/t_types.jsonl is longer than the") && msg.contains("bytes declared for it")
                || msg.contains("more rows than the 3 its manifest declares"), msg);
        assertTrue(ms < 2_000, "stopped at the declared size, not after 200 MB: " + ms + " ms");
    }

    @Test
    void aWrongRowCountOrAValueOfAnotherTypeIsRefusedEvenWithTheChecksumsRight() throws Exception {
        String ok = new String(Fixture.entries(good).get("tables/t_types.jsonl"), java.nio.charset.StandardCharsets.UTF_8);
        Path fewer = variant("fewer.zip", e -> replace(e, ok, 2));
        assertTrue(refused(fewer).contains("3 rows, its manifest declares 2")
                || refused(fewer).contains("more rows than the 2"), refused(fewer));
        String[][] bad = {
            {"[9,\"1\",null,true,null,null,\"x\",null,null]", "column i: not a whole number of type INTEGER"},
            {"[9,3000000000,null,true,null,null,\"x\",null,null]", "column i: out of the range of INTEGER"},
            {"[9,1,null,null,null,null,\"x\",null,null]", "column flag: null in a NOT NULL column"},
            {"[9,1,null,true,\"1e400\",null,\"x\",null,null]", "column d: not a number"},
            {"[9,1,null,true,null,\"1.2345\",\"x\",null,null]", "column m: not a decimal of type DECIMAL(18,3)"},
            {"[9,1,null,true,null,12.5,\"x\",null,null]", "column m: not a decimal"},
            {"[9,1,null,true,null,null,\"" + "长".repeat(401) + "\",null,null]", "column s: longer than VARCHAR(400)"},
            {"[9,1,null,true,null,null,\"x\",\"2026-02-30\",null]", "column on_day: not a date"},
            {"[9,1,null,true,null,null,\"x\",null,\"yesterday\"]", "column at_time: not a timestamp"},
            {"[9,1,null,true,null,null,\"x\",null]", "8 values, the table has 9 columns"},
            {"[9,1,null,true,null,null,\"x\",null,null,1]", "more values than the table's 9 columns"},
            {"{\"id\":9}", "not a row"},
            {"[9,1,null,true,null,null,\"x\",null,null", "not valid JSON"},
            {"[9,1,null,true,NaN,null,\"x\",null,null]", "not valid JSON"},
        };
        for (String[] b : bad) {
            Path p = variant("bad.zip", e -> replace(e, ok.lines().findFirst().orElseThrow() + "\n" + b[0] + "\n", 2));
            String msg = refused(p);
            assertTrue(msg.contains(b[1]) && msg.contains("row 2"), b[0] + " -> " + msg);
        }
    }

    @Test
    void aBackupOfANewerOrUnknownSchemaIsRefused() throws Exception {
        Path newer = variant("newer.zip", e -> manifest(e, m -> m.with("schema").put(Fixture.TYPES, 3)));
        assertTrue(refused(newer).contains("schema version 3 of test.types, this installation knows versions up to 2"),
                refused(newer));
        Path unknown = variant("unknown.zip", e -> manifest(e, m -> m.with("schema").put("com.example.evil", 1)));
        assertTrue(refused(unknown).contains("com.example.evil, which is not installed here"), refused(unknown));
        Path format = variant("format.zip", e -> manifest(e, m -> m.put("version", 2)));
        assertTrue(refused(format).contains("backup format version 2 is not known here"), refused(format));
        Path field = variant("field.zip", e -> manifest(e, m -> m.put("script", "RUNSCRIPT FROM 'x'")));
        assertTrue(refused(field).contains("a field this format does not have: script"), refused(field));
        Path type = variant("type.zip", e -> manifest(e, m -> ((ObjectNode) m.withArray("tables").get(1)
                .withArray("columns").get(0)).put("type", "BIGINT AS (SELECT 1)")));
        assertTrue(refused(type).contains("a type this format does not know"), refused(type));
        Path dup = tmp.resolve("dup.zip");
        Files.write(dup, Fixture.utf8("x")); // replaced below by a manifest with a duplicate key
        Path dupKey = variant("dupkey.zip", e -> e.put(Manifest.ENTRY, Fixture.utf8(new String(e.get(Manifest.ENTRY),
                java.nio.charset.StandardCharsets.UTF_8).replaceFirst("\\{", "{\"version\": 1,"))));
        assertTrue(refused(dupKey).contains("not valid JSON") && refused(dupKey).contains("Duplicate field"),
                refused(dupKey));
    }

    @Test
    void rowsThatBreakTheSchemaAreRefusedWhileLoadingAndLeaveNoHalfTable() throws Exception {
        String ok = new String(Fixture.entries(good).get("tables/t_types.jsonl"), java.nio.charset.StandardCharsets.UTF_8);
        String first = ok.lines().findFirst().orElseThrow();
        Path twice = variant("twice.zip", e -> replace(e, first + "\n" + first + "\n", 2));
        try (BackupReader r = BackupReader.open(twice); Connection c = Fixture.h2(tmp.resolve("twice"))) {
            assertEquals(3, r.validate(), "each row alone is well-formed (and the history's row)");
            BackupException e = assertThrows(BackupException.class, () -> new Loader(installed).load(r, c));
            assertTrue(e.getMessage().contains("tables/t_types.jsonl"), e.getMessage());
            assertEquals(1, Fixture.next(c, "SELECT COUNT(*) FROM t_types"), "rolled back to the migration's row");
        }
    }

    private static void replace(Map<String, byte[]> e, String rows, long count) {
        try {
            Fixture.replaceData(e, "t_types", rows, count);
        } catch (java.io.IOException x) {
            throw new java.io.UncheckedIOException(x);
        }
    }

    private static void manifest(Map<String, byte[]> e, java.util.function.Consumer<ObjectNode> change) {
        try {
            ObjectNode m = (ObjectNode) Manifest.JSON.readTree(e.get(Manifest.ENTRY));
            change.accept(m);
            e.put(Manifest.ENTRY, Manifest.JSON.writeValueAsBytes(m));
        } catch (java.io.IOException x) {
            throw new java.io.UncheckedIOException(x);
        }
    }
}
