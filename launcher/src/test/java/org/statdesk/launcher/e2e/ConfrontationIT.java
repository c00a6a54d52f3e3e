package org.statdesk.launcher.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, confrontation and 应统尽统, through the distribution: a register, three months of reports and the four
 * kinds of records with planted divergences; {@code review:run} flags exactly the planted units (kind
 * {@code records}) and leaves the clean ones alone; {@code review:rates} counts the units confronted;
 * {@code registry:candidates} lists the planted missing and exit units; a resolution is journaled, a county user's is
 * refused.
 */
class ConfrontationIT {
    private static final String LZ = "620602";
    private static final String TOWN = "620602001";
    private static final List<String> MONTHS = List.of("2025-04", "2025-05", "2025-06");
    private static final String P = "2025-06";
    private final Dist dist = Dist.built();
    private final Map<String, String> passwords = Map.of("admin", "管理员的密码很长很长很长", "pucha", "普查科的密码很长很长很长",
            "liangzhou", "凉州区统计局的密码很长很长");

    @TempDir
    Path tmp;
    String data;

    private static String code(int n) {
        return Units.creditCode(LZ, 30_000_000 + n);
    }

    private Dist.Result run(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("--data", data, "run"));
        all.addAll(List.of(args));
        all.add("--json");
        return dist.run(all);
    }

    private Dist.Result as(String user, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("--user", user, "--data", data, "run"));
        all.addAll(List.of(args));
        all.add("--json");
        Map<String, String> env = new HashMap<>();
        env.put("STATDESK_PASSWORD", passwords.get(user));
        return dist.run(env, all);
    }

    private Path file(String name, String text) throws Exception {
        return Files.writeString(tmp.resolve(name), text, StandardCharsets.UTF_8);
    }

    private void ok(Dist.Result r) {
        assertEquals(0, r.exit(), r::toString);
    }

    @Test
    void plantedDivergencesAndCandidatesAreFoundAndCleanUnitsLeftAlone() throws Exception {
        data = tmp.resolve("data").toString();
        String clean = code(1);
        String taxOff = code(2);
        String powerOff = code(3);
        String ledgerOff = code(4);
        String noRecords = code(5);
        String closed = code(6);
        String services = code(7);
        String servicesOff = code(8);
        String shop = code(9);
        String newcomer = code(10);
        String small = code(11);
        String consultancy = code(12);

        StringBuilder reg = new StringBuilder(Units.HEADER).append('\n');
        String[][] units = {{clean, "武威祁连机械制造有限公司", "C3411"}, {taxOff, "武威天马食品加工有限公司", "C1311"},
            {powerOff, "武威雷台建材有限公司", "C3021"}, {ledgerOff, "武威丝路纺织有限公司", "C1711"},
            {noRecords, "武威金羊电子有限公司", "C3971"}, {closed, "武威黄羊酿造有限公司", "C1511"},
            {services, "武威石羊河企业管理有限公司", "L7211"}, {servicesOff, "武威沙漠咨询服务有限公司", "L7243"},
            {shop, "武威凉州百货零售有限公司", "F5211"}};
        int n = 0;
        for (String[] u : units) {
            reg.append(String.join(",", u[0], u[1], TOWN, u[2], "50000", "", "凉州区北大街" + (++n) + "号",
                    "统计员" + n, String.format("1389350%04d", n), "above")).append('\n');
        }
        ok(run("registry:import", file("register.csv", reg.toString()).toString(), "--admit"));

        // three months of reports: industrial sales 1000, electricity 50; services ytd 5000..6000 (May, June 1000
        // each, April's month unknown: March is not reported); the shop's sales 800
        StringBuilder ind = new StringBuilder("credit_code,period,output_value,sales_value,electricity\n");
        for (String c : List.of(clean, taxOff, powerOff, ledgerOff, noRecords, closed)) {
            for (String m : MONTHS) {
                ind.append(c).append(',').append(m).append(",1100,1000,50\n");
            }
        }
        StringBuilder srv = new StringBuilder("credit_code,period,revenue_ytd,employees\n");
        StringBuilder trd = new StringBuilder("credit_code,period,sales,employees\n");
        for (int i = 0; i < 3; i++) {
            for (String c : List.of(services, servicesOff)) {
                srv.append(c).append(',').append(MONTHS.get(i)).append(',').append(4000 + 1000 * i).append(",30\n");
            }
            trd.append(shop).append(',').append(MONTHS.get(i)).append(",800,12\n");
        }
        for (String[] f : new String[][] {{"industrial.csv", ind.toString()}, {"services.csv", srv.toString()},
            {"trade.csv", trd.toString()}}) {
            ok(run("review:import", file(f[0], f[1]).toString()));
        }

        // tax: the clean units within ±25%, taxOff's invoices 700 a month (+42.9%), servicesOff 600 (+66.7%);
        // 12 months for the market-only units: the newcomer's retail 6,000 (threshold 5,000), the small one's 4,800,
        // the consultancy's 12,000 (L: 10,000)
        StringBuilder tax = new StringBuilder("credit_code,period,invoice_sales\n");
        for (String m : MONTHS) {
            for (String c : List.of(clean, powerOff, ledgerOff)) {
                tax.append(c).append(',').append(m).append(",900\n");
            }
            tax.append(taxOff).append(',').append(m).append(",700\n");
            tax.append(services).append(',').append(m).append(",1100\n");
            tax.append(servicesOff).append(',').append(m).append(",600\n");
            tax.append(shop).append(',').append(m).append(",780\n");
        }
        for (int i = 0; i < 12; i++) {
            String m = java.time.YearMonth.parse("2024-07").plusMonths(i).toString();
            tax.append(newcomer).append(',').append(m).append(",500\n");
            tax.append(small).append(',').append(m).append(",400\n");
            tax.append(consultancy).append(',').append(m).append(",1000\n");
        }
        ok(run("records:import", file("tax.csv", tax.toString()).toString(), "--source", "tax"));
        StringBuilder power = new StringBuilder("credit_code,period,kwh\n");
        for (String m : MONTHS) {
            for (String c : List.of(clean, taxOff, ledgerOff)) {
                power.append(c).append(',').append(m).append(",45\n");
            }
            power.append(powerOff).append(',').append(m).append(",90\n"); // reported 50 against 90: -44.4%
        }
        ok(run("records:import", file("power.csv", power.toString()).toString(), "--source", "power"));
        String ledger = "credit_code,period,indicator,value\n" + clean + "," + P + ",sales_value,1000.5\n" + ledgerOff
                + "," + P + ",sales_value,1006\n";
        ok(run("records:import", file("ledger.csv", ledger).toString(), "--source", "ledger"));
        String market = "credit_code,name,status,status_date,industry_code,division_code,registered_capital\n"
                + closed + ",武威黄羊酿造有限公司,注销,2025-05-20,C1511," + TOWN + ",500\n"
                + clean + ",武威祁连机械制造有限公司,存续,,C3411," + TOWN + ",500\n"
                + newcomer + ",武威新生零售有限公司,存续,2024-06-01,F5211,620602002,100\n"
                + small + ",武威小小零售有限公司,开业,2024-06-01,F5211,620602002,100\n"
                + consultancy + ",武威远见咨询有限公司,在业,2024-06-01,L7243,620602003,100\n";
        ok(run("records:import", file("market.csv", market).toString(), "--source", "market"));

        // the review: exactly the planted units are flagged by the records, each with both figures and the band
        Dist.Result review = run("review:run", "--period", P);
        ok(review);
        Map<String, String> found = new TreeMap<>();
        for (JsonNode f : review.json().get("flags")) {
            if (f.get("kind").asText().equals("records")) {
                found.put(f.get("credit_code").asText(), f.get("rule").asText() + " " + f.get("indicator").asText()
                        + " " + f.get("severity").asText());
                assertTrue(f.hasNonNull("value") && f.hasNonNull("expected"), f::toString);
            }
        }
        assertEquals(new TreeMap<>(Map.of(taxOff, "records_tax sales_value warning", servicesOff,
                "records_tax revenue_ytd warning", powerOff, "records_power electricity warning", ledgerOff,
                "ledger_mismatch sales_value error")), found);
        JsonNode taxFlag = null;
        for (JsonNode f : review.json().get("flags")) {
            if (f.get("credit_code").asText().equals(taxOff) && f.get("rule").asText().equals("records_tax")) {
                taxFlag = f;
            }
        }
        assertEquals(3000, taxFlag.get("value").asDouble(), 1e-6);
        assertEquals(2100, taxFlag.get("expected").asDouble(), 1e-6);
        assertTrue(taxFlag.get("message").asText().contains("±25.0%"), taxFlag::toString);

        // the rates say how many reporting units had records to confront
        Dist.Result rates = run("review:rates", "--period", P);
        ok(rates);
        JsonNode rec = rates.json().get("records");
        assertEquals(7, rec.get("tax").asInt(), rec::toString);
        assertEquals(4, rec.get("power").asInt(), rec::toString);
        assertEquals(2, rec.get("ledger").asInt(), rec::toString);

        // 应统尽统: the newcomer and the consultancy to bring in, the closed unit to take out
        Dist.Result cands = run("registry:candidates");
        ok(cands);
        assertEquals(P, cands.json().get("as_of").asText());
        Set<String> missing = new TreeSet<>();
        for (JsonNode m : cands.json().get("missing")) {
            missing.add(m.get("credit_code").asText());
            assertTrue(m.has("name") && m.has("industry_code") && m.has("threshold") && m.has("invoice_sales_12m")
                    && m.has("months_with_records"), m::toString);
        }
        assertEquals(new TreeSet<>(Set.of(newcomer, consultancy)), missing);
        JsonNode exit = cands.json().get("exit");
        assertEquals(1, exit.size(), exit::toString);
        assertEquals(closed, exit.get(0).get("credit_code").asText());
        assertEquals("注销", exit.get(0).get("market_status").asText());
        assertEquals("2025-05-20", exit.get(0).get("status_date").asText());

        // people: a county user may list its county's candidates but not resolve them; the census section resolves
        ok(dist.run(Map.of("STATDESK_NEW_PASSWORD", passwords.get("admin")), List.of("--data", data, "run",
                "user:add", "admin", "--role", "admin", "--json")));
        for (String[] u : new String[][] {{"pucha", "--role", "census"}, {"liangzhou", "--role", "county", "--county",
            LZ}}) {
            List<String> args = new ArrayList<>(List.of("--user", "admin", "--data", data, "run", "user:add", u[0]));
            args.addAll(List.of(u).subList(1, u.length));
            args.add("--json");
            ok(dist.run(Map.of("STATDESK_PASSWORD", passwords.get("admin"), "STATDESK_NEW_PASSWORD",
                    passwords.get(u[0])), args));
        }
        assertEquals(2, as("liangzhou", "registry:candidates").json().get("missing").size());
        Dist.Result refused = as("liangzhou", "registry:candidates", "--resolve", newcomer, "--result", "explained",
                "--reason", "县区自行处理");
        assertEquals(3, refused.exit(), refused::toString);
        assertEquals("registry.candidates", refused.json().path("permission").asText(), refused::toString);

        Dist.Result noReason = as("pucha", "registry:candidates", "--resolve", newcomer, "--result", "explained");
        assertEquals(2, noReason.exit(), noReason::toString);
        Dist.Result notYet = as("pucha", "registry:candidates", "--resolve", closed, "--result", "exited");
        assertEquals(2, notYet.exit(), notYet::toString);
        ok(as("pucha", "registry:candidates", "--resolve", newcomer, "--result", "explained", "--reason",
                "分支机构，由总部统一上报"));
        ok(as("pucha", "registry:exit", closed, "--kind", "closed", "--date", "2025-05-20", "--reason", "市场监管注销"));
        ok(as("pucha", "registry:candidates", "--resolve", closed, "--result", "exited", "--reason", "已退库"));
        JsonNode open = as("pucha", "registry:candidates").json();
        assertEquals(1, open.get("missing").size(), open::toString);
        assertEquals(consultancy, open.get("missing").get(0).get("credit_code").asText());
        assertEquals(0, open.get("exit").size(), open::toString);
        JsonNode all = as("pucha", "registry:candidates", "--all").json();
        assertEquals(2, all.get("missing").size(), all::toString);
        assertEquals(1, all.get("resolved").size(), all::toString); // the exited unit is no candidate any more
        assertEquals("exited", all.get("resolved").get(0).get("result").asText());

        boolean journaled = false;
        for (JsonNode e : as("pucha", "audit:log", "--entity", closed).json().get("entries")) {
            journaled |= e.get("key").asText().equals(closed + "/exit") && e.get("new_value").asText().equals("exited")
                    && e.get("reason").asText().equals("已退库") && e.get("user").asText().contains("pucha");
        }
        assertTrue(journaled, "the resolution is journaled with who and why");
        ok(as("pucha", "audit:verify"));
    }
}
