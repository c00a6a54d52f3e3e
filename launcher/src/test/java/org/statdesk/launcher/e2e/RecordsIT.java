package org.statdesk.launcher.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16 through the distribution: records:import of each source (CSV, Chinese headers, .xlsx), a bad file refused
 * whole with its lines (exit 2, nothing changed), a re-import replacing its months, the file's digest in the journal,
 * the permission records.import, and demo:load bringing records that records:summary counts.
 */
class RecordsIT {
    private final Dist dist = Dist.built();
    private final Path root = Path.of(System.getProperty("statdesk.root", "..")).toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    private Dist.Result run(String data, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("--data", data, "run"));
        all.addAll(List.of(args));
        return dist.run(all);
    }

    private JsonNode ok(String data, String... args) throws Exception {
        Dist.Result r = run(data, args);
        assertEquals(0, r.exit(), r::toString);
        return r.json();
    }

    /** records:summary --json by source. */
    private Map<String, JsonNode> summary(String data) throws Exception {
        Map<String, JsonNode> out = new HashMap<>();
        for (JsonNode s : ok(data, "records:summary", "--json").get("sources")) {
            out.put(s.get("source").asText(), s);
        }
        return out;
    }

    private static String sha256(Path f) throws Exception {
        return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
    }

    @Test
    void eachSourceImportsAndABadFileChangesNothing() throws Exception {
        String data = tmp.resolve("data").toString();
        Path register = new Units(root).file(tmp, "register.csv", 10, 16);
        ok(data, "registry:import", register.toString(), "--admit", "--json");
        List<String> codes = Files.readAllLines(register).stream().skip(1).map(l -> l.split(",")[0]).toList();
        List<String> all = new ArrayList<>(codes);
        all.add(Units.creditCode("620602", 20_000_001)); // two units the register does not hold
        all.add(Units.creditCode("620621", 20_000_002));

        StringBuilder tax = new StringBuilder("credit_code,period,invoice_sales\n");
        for (String c : all) {
            for (String p : List.of("2025-01", "2025-02", "2025-03")) {
                tax.append(c).append(',').append(p).append(",1250.5\n");
            }
        }
        Path taxFile = Files.writeString(tmp.resolve("tax.csv"), tax);
        JsonNode t = ok(data, "records:import", taxFile.toString(), "--source", "tax", "--json");
        assertEquals("tax", t.get("source").asText());
        assertEquals(36, t.get("rows").asInt());
        assertEquals("[\"2025-01\",\"2025-02\",\"2025-03\"]", t.get("periods").toString());
        assertEquals(0, t.get("replaced").asInt());
        assertEquals(sha256(taxFile), t.get("digest").asText());

        // a power company's export with Chinese headers and its unit
        StringBuilder power = new StringBuilder("统一社会信用代码,期别,用电量（万千瓦时）,备注\n");
        for (String c : codes) {
            power.append(c).append(",2025年3月,12.5,\n");
        }
        Path powerFile = Files.writeString(tmp.resolve("供电.csv"), power);
        assertEquals(10, ok(data, "records:import", powerFile.toString(), "--source", "power", "--json").get("rows")
                .asInt());

        // the market register as an .xlsx export: a title row above the Chinese header
        Path market = tmp.resolve("市场主体.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet s = wb.createSheet("登记");
            s.createRow(0).createCell(0).setCellValue("市场主体登记信息");
            String[] head = {"统一社会信用代码", "单位名称", "登记状态", "核准日期", "行业代码", "行政区划代码", "注册资本（万元）"};
            Row h = s.createRow(1);
            for (int i = 0; i < head.length; i++) {
                h.createCell(i).setCellValue(head[i]);
            }
            for (int n = 0; n < all.size(); n++) {
                Row r = s.createRow(2 + n);
                r.createCell(0).setCellValue(all.get(n));
                r.createCell(1).setCellValue("武威市场主体" + n + "号有限公司");
                r.createCell(2).setCellValue(n == 0 ? "注销" : "存续");
                r.createCell(3).setCellValue("2019-05-0" + (1 + n % 9));
                r.createCell(4).setCellValue("C1391");
                r.createCell(5).setCellValue(620602100);
                r.createCell(6).setCellValue(500 + n);
            }
            try (OutputStream os = Files.newOutputStream(market)) {
                wb.write(os);
            }
        }
        JsonNode m = ok(data, "records:import", market.toString(), "--source", "market", "--json");
        assertEquals(12, m.get("rows").asInt());
        assertEquals(0, m.get("periods").size());

        Path ledger = Files.writeString(tmp.resolve("ledger.csv"), "credit_code,period,indicator,value\n" + codes.get(0)
                + ",2025-03,sales_value,1200\n" + codes.get(0) + ",2025-03,output_value,1300\n");
        assertEquals(2, ok(data, "records:import", ledger.toString(), "--source", "ledger", "--json").get("rows")
                .asInt());

        Map<String, JsonNode> s = summary(data);
        assertEquals(36, s.get("tax").get("records").asInt());
        assertEquals(12, s.get("tax").get("units").asInt());
        assertEquals(10, s.get("tax").get("in_register").asInt(), "the two outside the register are kept, not counted");
        assertEquals("2025-01", s.get("tax").get("first").asText());
        assertEquals("2025-03", s.get("tax").get("latest").asText());
        assertEquals(10, s.get("power").get("records").asInt());
        assertEquals(12, s.get("market").get("records").asInt());
        assertEquals(1, s.get("market").get("statuses").get("注销").asInt());
        assertEquals(2, s.get("ledger").get("records").asInt());

        // a bad file: every bad line named, exit 2, and nothing changed
        String badCheck = codes.get(1).substring(0, 17) + (codes.get(1).charAt(17) == '0' ? '1' : '0');
        Path bad = Files.writeString(tmp.resolve("bad.csv"), "credit_code,period,invoice_sales\n" + codes.get(0)
                + ",2025-03,1\n" + badCheck + ",2025-03,1\n" + codes.get(2) + ",2025-03,-5\n" + codes.get(0)
                + ",202503,2\n");
        Dist.Result r = run(data, "records:import", bad.toString(), "--source", "tax", "--json");
        assertEquals(2, r.exit(), r::toString);
        List<Integer> lines = new ArrayList<>();
        for (JsonNode e : r.json().get("errors")) {
            lines.add(e.get("line").asInt());
        }
        assertEquals(List.of(3, 4, 5), lines, r::toString);
        assertTrue(r.json().get("errors").get(2).get("message").asText().contains("第 2 行"), r::toString);
        assertFalse(r.out().contains("SQL") || r.out().contains("Exception"), r::toString);
        assertEquals(36, summary(data).get("tax").get("records").asInt(), "nothing changed");

        // a corrected March: the month is replaced, January and February stay
        Path march = Files.writeString(tmp.resolve("tax-march.csv"), "credit_code,period,invoice_sales\n"
                + codes.get(0) + ",2025-03,99\n");
        JsonNode again = ok(data, "records:import", march.toString(), "--source", "tax", "--json");
        assertEquals(12, again.get("replaced").asInt());
        s = summary(data);
        assertEquals(25, s.get("tax").get("records").asInt());
        assertEquals("2025-03", s.get("tax").get("latest").asText());

        // the journal holds each import with the file's digest
        JsonNode log = ok(data, "audit:log", "--entity", "records/tax", "--json").get("entries");
        assertEquals(2, log.size(), log::toString);
        assertEquals(sha256(taxFile), log.get(0).get("new_value").asText());
        assertEquals(sha256(march), log.get(1).get("new_value").asText());
        assertTrue(log.get(1).get("reason").asText().contains("replaced 12"), log::toString);
    }

    @Test
    void onlyCensusAndSectionStaffImportRecords() throws Exception {
        String data = tmp.resolve("people").toString();
        Map<String, String> passwords = Map.of("admin", "管理员的长密码-2026", "liangzhou", "凉州区统计局的长密码",
                "gongye", "工业科的密码很长很长");
        assertEquals(0, dist.run(Map.of("STATDESK_NEW_PASSWORD", passwords.get("admin")), List.of("--data", data,
                "run", "user:add", "admin", "--role", "admin", "--json")).exit());
        for (String[] u : new String[][] {{"liangzhou", "county", "--county", "620602"},
            {"gongye", "section", "--specialty", "industrial"}}) {
            Dist.Result added = dist.run(Map.of("STATDESK_PASSWORD", passwords.get("admin"), "STATDESK_NEW_PASSWORD",
                    passwords.get(u[0])), List.of("--user", "admin", "--data", data, "run", "user:add", u[0], "--role",
                            u[1], u[2], u[3], "--json"));
            assertEquals(0, added.exit(), added::toString);
        }
        Path tax = Files.writeString(tmp.resolve("tax.csv"), "credit_code,period,invoice_sales\n"
                + Units.creditCode("620602", 20_000_001) + ",2025-03,10\n");
        Dist.Result county = dist.run(Map.of("STATDESK_PASSWORD", passwords.get("liangzhou")), List.of("--user",
                "liangzhou", "--data", data, "run", "records:import", tax.toString(), "--source", "tax", "--json"));
        assertEquals(3, county.exit(), county::toString);
        assertEquals("records.import", county.json().path("permission").asText(), county::toString);
        Dist.Result section = dist.run(Map.of("STATDESK_PASSWORD", passwords.get("gongye")), List.of("--user",
                "gongye", "--data", data, "run", "records:import", tax.toString(), "--source", "tax", "--json"));
        assertEquals(0, section.exit(), section::toString);
        assertEquals(1, section.json().get("rows").asInt());
    }

    @Test
    void theDemoBringsRecords() throws Exception {
        String data = tmp.resolve("demo").toString();
        JsonNode load = ok(data, "demo:load", "--json");
        JsonNode records = load.get("records");
        assertTrue(records.get("rows").get("tax").asInt() > 40_000, records::toString);
        assertTrue(load.has("planted") && load.has("register_import") && load.has("review_import"), "fields kept");
        int units = load.get("units").asInt();
        Map<String, JsonNode> s = summary(data);
        for (String source : List.of("tax", "power", "market", "ledger")) {
            assertEquals(records.get("rows").get(source).asInt(), s.get(source).get("records").asInt(), source);
        }
        assertEquals(units, s.get("market").get("in_register").asInt(), "every register unit is registered");
        assertEquals(units + 6, s.get("market").get("records").asInt(), "and six units outside the register");
        assertEquals(units, s.get("tax").get("in_register").asInt());
        assertEquals(2, s.get("market").get("statuses").path("注销").asInt()
                + s.get("market").get("statuses").path("吊销").asInt());
        assertEquals(load.get("last_period").asText(), s.get("ledger").get("latest").asText());
    }
}
