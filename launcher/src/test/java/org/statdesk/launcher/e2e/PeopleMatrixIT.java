package org.statdesk.launcher.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scope and separation of duties end to end, on the demonstration data with a bureau's people, through
 * {@code statdesk --user NAME run ...}: a county user reads and changes its county's units, reports and flags only,
 * a section user its specialty's (exit 3 outside, nothing changed; an import row of another county exit 2); the
 * rows of the matrix for the review and the checks; the two checks of one application are two people's.
 */
class PeopleMatrixIT {
    private static final Dist DIST = Dist.built();
    private static final Map<String, String> PASSWORDS = Map.of("admin", "管理员的长密码-2026", "liangzhou",
            "凉州区统计局的长密码", "gongye", "工业科的密码很长很长", "pucha", "普查科的密码很长很长", "pucha2", "普查科二号的长密码很长",
            "juzhang", "局长的密码很长很长很长", "fagui", "法规科的密码很长很长");
    private static final String LZ = "620602";
    private static final String P = YearMonth.now().minusMonths(1).toString();

    @TempDir
    static Path tmp;
    static String data;
    /** Every unit as the census section sees it: credit code → county, and → specialty. */
    static final Map<String, String> COUNTY = new HashMap<>();
    static final Map<String, String> SPECIALTY = new HashMap<>();

    @BeforeAll
    static void bureau() throws Exception {
        data = tmp.resolve("data").toString();
        Dist.Result demo = DIST.run("--data", data, "run", "demo:load", "--json");
        assertEquals(0, demo.exit(), demo::toString);
        assertEquals(0, DIST.run(Map.of("STATDESK_NEW_PASSWORD", PASSWORDS.get("admin")), List.of("--data", data,
                "run", "user:add", "admin", "--role", "admin", "--json")).exit());
        add("liangzhou", "--role", "county", "--county", LZ, "--display", "凉州区李伟");
        add("gongye", "--role", "section", "--specialty", "industrial", "--display", "工业科张敏");
        add("pucha", "--role", "census", "--display", "普查科王芳");
        add("pucha2", "--role", "census", "--display", "普查科陈静");
        add("juzhang", "--role", "leader", "--display", "王局长");
        add("fagui", "--role", "enforcement", "--display", "法规科赵强");
        for (JsonNode u : as("pucha", "registry:list").json().get("units")) {
            COUNTY.put(u.get("credit_code").asText(), u.get("division_code").asText().substring(0, 6));
            SPECIALTY.put(u.get("credit_code").asText(), u.get("specialty").asText());
        }
        assertTrue(COUNTY.containsValue("620621") && COUNTY.containsValue(LZ), "the demo has several counties");
    }

    private static void add(String name, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("user:add", name));
        args.addAll(List.of(more));
        Dist.Result r = run("admin", Map.of("STATDESK_NEW_PASSWORD", PASSWORDS.get(name)), args);
        assertEquals(0, r.exit(), r::toString);
    }

    static Dist.Result as(String user, String... command) throws Exception {
        return run(user, Map.of(), List.of(command));
    }

    private static Dist.Result run(String user, Map<String, String> env, List<String> command) throws Exception {
        List<String> args = new ArrayList<>(List.of("--user", user, "--data", data, "run"));
        args.addAll(command);
        args.add("--json");
        Map<String, String> all = new HashMap<>(env);
        all.put("STATDESK_PASSWORD", PASSWORDS.get(user));
        return DIST.run(all, args);
    }

    private static void refused(Dist.Result r, String permission) {
        assertEquals(3, r.exit(), r::toString);
        assertTrue(r.json().get("error").asText().contains("not permitted"), r::toString);
        assertEquals(permission, r.json().path("permission").asText(), r::toString);
    }

    private static String anyUnitOf(String county, String specialty) {
        for (Map.Entry<String, String> e : COUNTY.entrySet()) {
            if (e.getValue().equals(county) && (specialty == null || specialty.equals(SPECIALTY.get(e.getKey())))) {
                return e.getKey();
            }
        }
        throw new AssertionError("no unit of " + county + " " + specialty);
    }

    /** What the census section sees of the register and of the month's flags: compared before and after. */
    private static String everything() throws Exception {
        return as("pucha", "registry:list").out() + as("pucha", "review:flags", "--period", P).out();
    }

    @Test
    void aCountyUserReadsItsCountyOnlyAndASectionUserItsSpecialty() throws Exception {
        JsonNode units = as("liangzhou", "registry:list").json().get("units");
        assertTrue(units.size() > 0 && units.size() < COUNTY.size(), units.size() + " of " + COUNTY.size());
        units.forEach(u -> assertEquals(LZ, u.get("division_code").asText().substring(0, 6), u::toString));
        JsonNode mine = as("gongye", "registry:list").json().get("units");
        assertTrue(mine.size() > 0);
        mine.forEach(u -> assertEquals("industrial", u.get("specialty").asText(), u::toString));
        refused(as("liangzhou", "registry:show", anyUnitOf("620621", null)), "scope");
        assertEquals(0, as("liangzhou", "registry:show", anyUnitOf(LZ, null)).exit());

        JsonNode flags = as("liangzhou", "review:flags", "--period", P).json().get("flags");
        JsonNode all = as("juzhang", "review:flags", "--period", P).json().get("flags");
        assertTrue(flags.size() > 0 && flags.size() < all.size(), flags.size() + " of " + all.size());
        flags.forEach(f -> assertEquals(LZ, COUNTY.get(f.get("credit_code").asText()), f::toString));
        JsonNode industrial = as("gongye", "review:flags", "--period", P).json().get("flags");
        assertTrue(industrial.size() > 0);
        industrial.forEach(f -> assertEquals("industrial", SPECIALTY.get(f.get("credit_code").asText()), f::toString));

        Path list = tmp.resolve("queries-liangzhou.csv");
        assertEquals(0, as("liangzhou", "review:queries", "--period", P, "--out", list.toString()).exit());
        List<String> rows = Files.readAllLines(list, StandardCharsets.UTF_8);
        assertTrue(rows.size() > 1);
        for (String row : rows.subList(1, rows.size())) {
            assertTrue(row.contains("," + LZ + ","), row);
        }
        String agg = as("liangzhou", "review:aggregate", "--period", P).out();
        assertFalse(agg.contains("\"city\""), "a county user sees no city total");
        assertTrue(agg.contains("\"" + LZ + "\""), agg);
        assertFalse(agg.contains("\"620621\""), agg);
        String rates = as("liangzhou", "review:rates", "--period", P).out();
        assertTrue(rates.contains(LZ) && !rates.contains("620621"), rates);
    }

    @Test
    void aCountyUserReadsTheJournalOfItsCountysUnitsOnly() throws Exception {
        String mine = anyUnitOf(LZ, null);
        String other = anyUnitOf("620621", null);
        JsonNode history = as("liangzhou", "audit:log", "--entity", mine).json().get("entries");
        assertTrue(history.size() > 0, "the history of a unit of the county");
        refused(as("liangzhou", "audit:log", "--entity", other), "scope");
        assertTrue(as("pucha", "audit:log", "--entity", other).json().get("entries").size() > 0);
        JsonNode recent = as("liangzhou", "audit:log").json().get("entries");
        JsonNode all = as("juzhang", "audit:log").json().get("entries");
        assertTrue(recent.size() < all.size(), recent.size() + " of " + all.size());
        for (JsonNode e : recent) {
            String user = e.get("user").asText();
            boolean own = user.startsWith("liangzhou");
            boolean ofTheCounty = false;
            for (String segment : e.get("key").asText().split("/")) {
                String county = countyOf(segment);
                ofTheCounty |= LZ.equals(county);
                assertFalse(county != null && !LZ.equals(county) && !own, e::toString);
            }
            assertTrue(own || ofTheCounty, e::toString);
        }
    }

    /** The county of a key segment that is a unit's code (units applied by other tests too), else null. */
    private static String countyOf(String segment) throws Exception {
        if (!segment.matches("[0-9A-Z]{18}")) {
            return null;
        }
        if (!COUNTY.containsKey(segment)) {
            JsonNode division = as("pucha", "registry:show", segment).json().findValue("division_code");
            COUNTY.put(segment, division == null ? "" : division.asText().substring(0, 6));
        }
        return COUNTY.get(segment).isEmpty() ? null : COUNTY.get(segment);
    }

    @Test
    void actingOutsideTheScopeIsNotPermittedAndChangesNothing() throws Exception {
        String before = everything();
        String other = anyUnitOf("620621", "industrial");
        refused(as("liangzhou", "registry:change", other, "--phone", "13900000000", "--reason", "x"), "scope");
        refused(as("liangzhou", "registry:exit", other, "--kind", "closed", "--date", "2026-01-05", "--reason",
                "企业已注销"), "scope");
        refused(as("liangzhou", "registry:statistician", other, "--name", "新人", "--date", "2026-01-05",
                "--handover", "台账已移交", "--reason", "x"), "scope");
        JsonNode all = as("pucha", "review:flags", "--period", P).json().get("flags");
        long theirs = -1;
        long mine = -1;
        for (JsonNode f : all) {
            boolean lz = LZ.equals(COUNTY.get(f.get("credit_code").asText()));
            if (f.get("status").asText().equals("open")) {
                if (lz && mine < 0) {
                    mine = f.get("id").asLong();
                } else if (!lz && theirs < 0) {
                    theirs = f.get("id").asLong();
                }
            }
        }
        refused(as("liangzhou", "review:resolve", String.valueOf(theirs), "--action", "explain", "--text", "说明"),
                "scope");
        // confirming is the section's, not the county's (per action, not the command's one permission)
        refused(as("liangzhou", "review:resolve", String.valueOf(mine), "--action", "confirm"), "review.flag.confirm");
        refused(as("liangzhou", "review:status", "--period", P, "--specialty", "industrial", "--set", "reviewed"),
                "review.status.reviewed");
        // a report row of another county: a line-numbered error, exit 2, nothing imported
        Path file = tmp.resolve("reports.csv");
        Files.writeString(file, "credit_code,period,indicator,value\n" + anyUnitOf(LZ, "industrial") + "," + P
                + ",output_value,100\n" + other + "," + P + ",output_value,100\n", StandardCharsets.UTF_8);
        Dist.Result imp = as("liangzhou", "review:import", file.toString(), "--reason", "重报");
        assertEquals(2, imp.exit(), imp::toString);
        assertEquals(3, imp.json().get("errors").get(0).get("line").asInt(), imp::toString);
        assertEquals(before, everything(), "nothing changed");
    }

    @Test
    void theRowsOfTheMatrixForTheReview() throws Exception {
        String before = everything();
        refused(as("juzhang", "review:run", "--period", P), "review.run");
        refused(as("pucha", "review:run", "--period", P), "review.run");
        refused(as("fagui", "review:import", tmp.resolve("none.csv").toString()), "review.import");
        refused(as("gongye", "review:status", "--period", P, "--specialty", "trade", "--set", "reviewed"), "scope");
        refused(as("juzhang", "review:status", "--period", "2026-01", "--specialty", "industrial", "--set",
                "reviewed"), "review.status.reviewed");
        assertEquals(before, everything(), "nothing changed");
        // a month with no flag stored: reviewed and evaluated by the section, released by a leader
        String month = YearMonth.now().minusMonths(4).toString();
        assertEquals(0, as("gongye", "review:status", "--period", month, "--specialty", "industrial", "--set",
                "reviewed").exit());
        assertEquals(0, as("gongye", "review:status", "--period", month, "--specialty", "industrial", "--set",
                "evaluated", "--note", "增速合理").exit());
        refused(as("gongye", "review:status", "--period", month, "--specialty", "industrial", "--set", "released"),
                "review.status.released");
        Dist.Result released = as("juzhang", "review:status", "--period", month, "--specialty", "industrial",
                "--set", "released");
        assertEquals(0, released.exit(), released::toString);
        assertEquals("released", released.json().get("status").asText());
        // a county's run stores its county's flags
        Dist.Result run = as("liangzhou", "review:run", "--period", P);
        assertEquals(0, run.exit(), run::toString);
        run.json().get("flags").forEach(f -> assertEquals(LZ, COUNTY.get(f.get("credit_code").asText())));
    }

    @Test
    void theTwoChecksOfOneApplicationAreTwoPeople() throws Exception {
        String code = Units.creditCode(LZ, 19_000_001);
        Dist.Result applied = as("liangzhou", "registry:apply", "--credit_code", code, "--name",
                "武威雷台新材料科技有限公司", "--division_code", "620602001", "--industry_code", "C3091", "--revenue",
                "52000", "--address", "凉州区雷台路88号", "--reason", "新开业企业申请入库");
        assertEquals(0, applied.exit(), applied::toString);
        String other = Units.creditCode("620621", 19_000_002);
        refused(as("liangzhou", "registry:apply", "--credit_code", other, "--name", "民勤县新开机械有限公司",
                "--division_code", "620621100", "--industry_code", "C3511", "--revenue", "52000", "--reason", "x"),
                "scope");
        assertEquals(0, as("pucha", "registry:approve", code, "--reason", "县级核查通过").exit());
        Dist.Result same = as("pucha", "registry:approve", code, "--reason", "专业核查通过");
        refused(same, "registry.check.specialty");
        assertTrue(same.json().get("error").asText().contains("双人审核"), same::toString);
        assertEquals("county_checked", as("pucha", "registry:show", code).json().get("unit").get("status").asText());
        Dist.Result second = as("pucha2", "registry:approve", code, "--reason", "专业核查通过");
        assertEquals(0, second.exit(), second::toString);
        assertEquals("in_register", as("pucha", "registry:show", code).json().get("unit").get("status").asText());
    }
}
