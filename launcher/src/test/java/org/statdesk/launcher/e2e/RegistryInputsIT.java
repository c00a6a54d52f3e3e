package org.statdesk.launcher.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12 §4 for the register, through the built distribution: a register file or an option that would put a wrong
 * figure or a lying name into the register is refused (exit 2, line-numbered, short), and nothing changes.
 */
class RegistryInputsIT {
    private final Dist dist = Dist.built();
    private final Path root = Path.of(System.getProperty("statdesk.root", "..")).toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    /** Units and journal entries: what must not move when input is refused. */
    private String state(String data) throws Exception {
        Dist.Result list = dist.run("--data", data, "run", "registry:list", "--json");
        assertEquals(0, list.exit(), list::toString);
        Dist.Result verify = dist.run("--data", data, "run", "audit:verify", "--json");
        assertEquals(0, verify.exit(), verify::toString);
        return list.json().get("units").size() + " units, " + verify.json().get("entries").asLong() + " entries";
    }

    private static String[] cells(String row) {
        return row.split(",", -1);
    }

    @Test
    void plantedLiesInARegisterFileAreRefusedWholeWithShortLineNumberedErrors() throws Exception {
        Units units = new Units(root);
        Random rnd = new Random(12);
        String data = tmp.resolve("data").toString();
        Path ok = units.file(tmp, "ok.csv", 20, 5);
        assertEquals(0, dist.run("--data", data, "run", "registry:import", ok.toString(), "--admit", "--json").exit());
        String before = state(data);

        List<String> lines = new ArrayList<>(List.of(Units.HEADER));
        String[] revenues = {"NaN", "Infinity", "0x1p3", "12f", "7d", "1e308", "1e-400", "\"1,5\""};
        for (int i = 0; i < revenues.length; i++) {
            String[] c = cells(units.row(100 + i, rnd));
            c[4] = revenues[i];
            lines.add(String.join(",", c)); // lines 2..9
        }
        String[] bidi = cells(units.row(200, rnd));
        bidi[1] = "武威\u202E司公限有工化";
        lines.add(String.join(",", bidi)); // line 10
        String[] control = cells(units.row(201, rnd));
        control[6] = "凉州区\u0007东大街1号";
        lines.add(String.join(",", control)); // line 11
        String[] huge = cells(units.row(202, rnd));
        huge[1] = "名".repeat(100_000);
        lines.add(String.join(",", huge)); // line 12
        Path bad = tmp.resolve("lies.csv");
        Files.write(bad, lines, StandardCharsets.UTF_8);

        Dist.Result r = dist.run("--data", data, "run", "registry:import", bad.toString(), "--admit", "--json");
        assertEquals(2, r.exit(), r::toString);
        List<String> got = new ArrayList<>();
        for (JsonNode e : r.json().get("errors")) {
            got.add(e.get("line").asInt() + ":" + e.get("field").asText());
        }
        assertEquals(List.of("2:revenue", "3:revenue", "4:revenue", "5:revenue", "6:revenue", "7:revenue",
                "8:revenue", "9:revenue", "10:name", "11:address", "12:name"), got, r::toString);
        assertTrue(r.out().length() < 5_000, "a 100,000-character name is not echoed: " + r.out().length());
        assertEquals(before, state(data), "nothing changed");
    }

    @Test
    void aFiftyMegabyteFileOfBadRowsGetsTwoHundredErrorsAndACount() throws Exception {
        Units units = new Units(root);
        Random rnd = new Random(13);
        String data = tmp.resolve("data").toString();
        Path flood = tmp.resolve("flood.csv");
        int rows = 0;
        try (BufferedWriter w = Files.newBufferedWriter(flood, StandardCharsets.UTF_8)) {
            w.write(Units.HEADER + "\n");
            while (Files.size(flood) < 50_000_000 || rows == 0) {
                for (int k = 0; k < 10_000; k++, rows++) {
                    String[] c = cells(units.row(rows, rnd));
                    c[4] = "NaN";
                    w.write(String.join(",", c));
                    w.write('\n');
                }
                w.flush();
            }
        }
        Dist.Result r = dist.run("--data", data, "run", "registry:import", flood.toString(), "--json");
        assertEquals(2, r.exit(), () -> r.err());
        JsonNode errors = r.json().get("errors");
        assertEquals(201, errors.size());
        assertEquals(2, errors.get(0).get("line").asInt());
        assertTrue(errors.get(200).get("message").asText().contains("共 " + rows + " 处"), errors.get(200)::toString);
        assertTrue(r.out().length() < 100_000, "the answer is short: " + r.out().length() + " characters");
        System.err.println("50 MB of bad rows (" + rows + "): " + r.millis() + " ms, " + r.out().length()
                + " characters of JSON");
        assertEquals("0 units, 0 entries", state(data));
    }

    @Test
    void textThatLooksLikeAFormulaIsKeptAsTyped() throws Exception {
        Units units = new Units(root);
        Random rnd = new Random(14);
        String data = tmp.resolve("data").toString();
        String[] c = cells(units.row(1, rnd));
        c[1] = "=武威祁连机械制造有限公司";
        c[8] = "+86 931 2212345";
        Path f = tmp.resolve("formula.csv");
        Files.write(f, List.of(Units.HEADER, String.join(",", c)), StandardCharsets.UTF_8);
        Dist.Result r = dist.run("--data", data, "run", "registry:import", f.toString(), "--admit", "--json");
        assertEquals(0, r.exit(), r::toString);
        JsonNode unit = dist.run("--data", data, "run", "registry:show", c[0], "--json").json().get("unit");
        assertEquals("=武威祁连机械制造有限公司", unit.get("name").asText());
        assertEquals("+86 931 2212345", unit.get("phone").asText());
    }

    @Test
    void numericOptionsAndDatesAreStrictAndChangeNothingWhenRefused() throws Exception {
        Units units = new Units(root);
        String data = tmp.resolve("data").toString();
        Path ok = units.file(tmp, "ok.csv", 30, 6);
        assertEquals(0, dist.run("--data", data, "run", "registry:import", ok.toString(), "--admit", "--json").exit());
        String code = cells(Files.readAllLines(ok).get(1))[0];
        String before = state(data);
        String tomorrow = LocalDate.now().plusDays(1).toString();
        List<List<String>> refused = List.of(
                List.of("registry:training", "--name", "统计员1", "--unit", code, "--date", "2025-03-01", "--course",
                        "统计法", "--hours", "NaN"),
                List.of("registry:training", "--name", "统计员1", "--unit", code, "--date", "2025-03-01", "--course",
                        "统计法", "--hours", "1e308"),
                List.of("registry:training", "--name", "统计员1", "--unit", code, "--date", tomorrow, "--course",
                        "统计法"),
                List.of("registry:spotcheck", "--share", "0x1p-2"),
                List.of("registry:spotcheck", "--share", "0.2", "--seed", "12f"),
                List.of("registry:exit", code, "--kind", "closed", "--date", tomorrow, "--reason", "注销"),
                List.of("registry:change", code, "--revenue", "Infinity", "--reason", "更正"),
                List.of("registry:coverage", "--year", "1e3"));
        for (List<String> cmd : refused) {
            List<String> line = new ArrayList<>(List.of("--data", data, "run"));
            line.addAll(cmd);
            line.add("--json");
            Dist.Result r = dist.run(line);
            assertEquals(2, r.exit(), () -> cmd + ": " + r);
            assertTrue(r.json().get("errors").size() >= 1, r::toString);
        }
        assertEquals(before, state(data), "nothing changed");
        Dist.Result fine = dist.run("--data", data, "run", "registry:training", "--name", "统计员1", "--unit", code,
                "--date", "2025-03-01", "--course", "统计法", "--hours", "2.5", "--json");
        assertEquals(0, fine.exit(), fine::toString);
    }

    @Test
    void auditVerifyPassesOnDemoDataWithASpotCheckAndTheNewlyCoveredTables() throws Exception {
        String data = tmp.resolve("data").toString();
        Dist.Result demo = dist.run("--data", data, "run", "demo:load", "--json");
        assertEquals(0, demo.exit(), demo::toString);
        Dist.Result spot = dist.run("--data", data, "run", "registry:spotcheck", "--share", "0.1", "--seed", "7",
                "--json");
        assertEquals(0, spot.exit(), spot::toString);
        Dist.Result verify = dist.run("--data", data, "run", "audit:verify", "--json");
        assertEquals(0, verify.exit(), verify::toString);
        assertTrue(verify.json().get("ok").asBoolean(), verify::toString);
    }
}
