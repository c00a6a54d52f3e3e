package org.statdesk.launcher.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12 §4 and §5 for the enforcement specialty, through the distribution as a bureau's script runs it: a bad
 * roster file is refused whole with line-numbered errors (exit 2) and the roster stays as it was; the publication
 * list neutralises what a spreadsheet would run, escapes what a browser would, and is never written into the data
 * folder.
 */
class EnforcementInputsIT {
    private static final String HEADER = "name,certificate_no,certificate_date,county_code,specialty,exam_required\n";
    private final Dist dist = Dist.built();

    @TempDir
    Path tmp;

    private Dist.Result run(String data, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("--data", data, "run"));
        all.addAll(List.of(args));
        return dist.run(all);
    }

    private JsonNode inspectors(String data) throws Exception {
        Dist.Result r = run(data, "enforcement:inspectors", "--json");
        assertEquals(0, r.exit(), r::toString);
        return r.json().get("inspectors");
    }

    /** Imports {@code bytes}; expects exit 2 with errors on exactly {@code lines}, and the roster as it was. */
    private JsonNode refused(String data, JsonNode before, byte[] bytes, Integer... lines) throws Exception {
        Path f = Files.write(tmp.resolve("roster-" + System.nanoTime() + ".csv"), bytes);
        Dist.Result r = run(data, "enforcement:import-inspectors", f.toString(), "--json");
        assertEquals(2, r.exit(), r::toString);
        JsonNode errors = r.json().get("errors");
        List<Integer> seen = new ArrayList<>();
        for (JsonNode e : errors) {
            assertTrue(e.has("line") && e.has("field") && e.has("value") && e.has("message"), e.toString());
            seen.add(e.get("line").asInt());
        }
        assertEquals(List.of(lines), seen, r::toString);
        assertFalse(r.out().contains("SQL") || r.out().contains("Exception"), r::toString);
        assertEquals(before, inspectors(data), "the roster is unchanged");
        return errors;
    }

    /** The demo's roster as a CSV, with the first {@code names.length} inspectors renamed. */
    private static byte[] rosterCsv(JsonNode inspectors, String... names) throws Exception {
        StringBuilder sb = new StringBuilder();
        try (CSVPrinter p = new CSVPrinter(sb, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            p.printRecord((Object[]) HEADER.strip().split(","));
            int i = 0;
            for (JsonNode n : inspectors) {
                p.printRecord(i < names.length ? names[i] : n.get("name").asText(),
                        n.get("certificate_no").isNull() ? "" : n.get("certificate_no").asText(),
                        n.get("certificate_date").isNull() ? "" : n.get("certificate_date").asText(),
                        n.get("county_code").asText(), n.get("specialty").asText(),
                        n.get("exam_required").asBoolean() ? "是" : "否");
                i++;
            }
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aBadRosterChangesNothingAndAGoodOneWithFormulaNamesIsPublishedSafely() throws Exception {
        String data = tmp.resolve("data").toString();
        Dist.Result demo = run(data, "demo:load", "--json");
        assertEquals(0, demo.exit(), demo::toString);
        JsonNode before = inspectors(data);
        assertTrue(before.size() >= 20, before::toString);
        JsonNode first = before.get(0);
        String county = first.get("county_code").asText();

        // a header-only file used to empty the roster ("replaced 24", exit 0)
        JsonNode empty = refused(data, before, HEADER.getBytes(StandardCharsets.UTF_8), 2);
        assertTrue(empty.get(0).get("message").asText().contains("空名单"), empty::toString);

        // a GBK file with one line pasted from a UTF-8 file: refused, naming that line, instead of garbled names
        Charset gbk = Charset.forName("GBK");
        ByteArrayOutputStream mixed = new ByteArrayOutputStream();
        mixed.write((HEADER + "张三,GS-E2E-1,2020-01-01," + county + ",法规,是\n").getBytes(gbk));
        mixed.write(("李四,GS-E2E-2,2020-01-01," + county + ",法规,是\n").getBytes(StandardCharsets.UTF_8));
        refused(data, before, mixed.toByteArray(), 3);

        // missing and extra cells, an unknown column, a duplicate column
        refused(data, before, (HEADER + "甲,GS-E2E-1,2020-01-01," + county + ",法规\n乙,GS-E2E-2,2020-01-01," + county
                + ",法规,是,多余\n").getBytes(StandardCharsets.UTF_8), 2, 3);
        refused(data, before, ("name,certificate_no,certificate_date,county_code,specialty,phone\n甲,GS1,2020-01-01,"
                + county + ",法规,0935\n").getBytes(StandardCharsets.UTF_8), 1);
        refused(data, before, ("name,certificate_no,certificate_date,county_code,specialty,NAME\n甲,GS1,2020-01-01,"
                + county + ",法规,乙\n").getBytes(StandardCharsets.UTF_8), 1);

        // a 100,000-character name: a short message, not a raw SQL error nor the value echoed back
        Path longName = Files.write(tmp.resolve("long.csv"), (HEADER + "名".repeat(100_000) + ",GS-E2E-1,2020-01-01,"
                + county + ",法规,是\n").getBytes(StandardCharsets.UTF_8));
        Dist.Result tooLong = run(data, "enforcement:import-inspectors", longName.toString(), "--json");
        assertEquals(2, tooLong.exit(), tooLong::toString);
        assertTrue(tooLong.out().length() < 2000, "reply of " + tooLong.out().length() + " characters");
        assertTrue(tooLong.out().contains("too long: 100000 characters"), tooLong::toString);

        // dates strict: not a date, in the future
        refused(data, before, (HEADER + "甲,GS-E2E-1,2020-1-5," + county + ",法规,是\n乙,GS-E2E-2,2999-01-01," + county
                + ",法规,是\n").getBytes(StandardCharsets.UTF_8), 2, 3);

        // 5,000 bad rows: 200 errors listed, then one entry counting them all
        StringBuilder many = new StringBuilder(HEADER);
        for (int i = 0; i < 5000; i++) {
            many.append("甲").append(i).append(",GS-E2E-").append(i).append(",2020-01-01,999999,法规,是\n");
        }
        Path manyFile = Files.writeString(tmp.resolve("many.csv"), many);
        Dist.Result capped = run(data, "enforcement:import-inspectors", manyFile.toString(), "--json");
        assertEquals(2, capped.exit(), capped::toString);
        JsonNode errors = capped.json().get("errors");
        assertEquals(201, errors.size());
        assertEquals("5000", errors.get(200).get("value").asText());
        assertEquals(before, inspectors(data));

        // a good roster whose names a spreadsheet or a browser would run: imported as typed
        String formula = "=HYPERLINK(\"http://example.invalid\",\"点此\")";
        String markup = "<script>alert('x')</script>";
        Path good = Files.write(tmp.resolve("good.csv"), rosterCsv(before, formula, markup, "@SUM(1+1)", "+86 王"));
        Dist.Result imported = run(data, "enforcement:import-inspectors", good.toString(), "--json");
        assertEquals(0, imported.exit(), imported::toString);
        assertEquals(before.size(), imported.json().get("imported").asInt());
        assertEquals(formula, inspectors(data).get(0).get("name").asText());

        String year = String.valueOf(java.time.LocalDate.now().getYear());
        Dist.Result draw = run(data, "enforcement:draw", "--year", year, "--seed", "-20210301", "--json");
        assertEquals(0, draw.exit(), draw::toString);
        String id = draw.json().get("id").asText();

        Path csv = tmp.resolve("out/list.csv");
        Dist.Result exported = run(data, "enforcement:export-draw", id, csv.toString(), "--json");
        assertEquals(0, exported.exit(), exported::toString);
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF"));
        List<CSVRecord> rows = CSVFormat.DEFAULT.parse(new StringReader(text.substring(1))).getRecords();
        boolean sawFormula = false;
        for (CSVRecord r : rows) {
            for (String cell : r) {
                assertFalse(!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0
                        && !cell.matches("[+-]?\\d+(\\.\\d+)?"), () -> "a cell a spreadsheet would run: " + cell);
                sawFormula |= cell.contains(formula);
            }
        }
        assertTrue(sawFormula, "the formula-like name is published, as text");
        assertEquals("-20210301", rows.get(rows.size() - 1).get(5), "the seed stays a number");

        Path html = tmp.resolve("list.html");
        assertEquals(0, run(data, "enforcement:export-draw", id, html.toString(), "--json").exit());
        String page = Files.readString(html);
        // every inspector is on some target (the workload is evened out), so both names are on the page
        assertFalse(page.contains(markup), "markup in a name is shown, not run");
        assertTrue(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), "the name is shown escaped");

        // never into the data folder, whatever the name: exit 2, nothing written
        for (Path inside : List.of(Path.of(data, "list.csv"), Path.of(data, "db", "statdesk.mv.db.csv"),
                Path.of(data, "backups", "new", "list.html"))) {
            Dist.Result r = run(data, "enforcement:export-draw", id, inside.toString(), "--json");
            assertEquals(2, r.exit(), r::toString);
            assertEquals("file", r.json().get("errors").get(0).get("field").asText(), r::toString);
            assertFalse(Files.exists(inside), inside + " was written");
        }
        assertFalse(Files.exists(Path.of(data, "backups", "new")), "no folder made in the data folder");
        Dist.Result verify = run(data, "enforcement:verify-draw", id, "--json");
        assertEquals(0, verify.exit(), verify::toString);
    }
}
