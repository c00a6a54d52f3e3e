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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate between evaluation and publication end to end, as a bureau's people work it through
 * {@code statdesk --user NAME run}: the city's industrial section evaluates each county (returns one, passes it after
 * its correction), a leader releases; then a county revises a figure by 9,999,999 千元 and the month is back to
 * collecting, its county reopened, the totals "未经评估，不得对外公布", until it is evaluated and released again.
 */
class GateIT {
    private static final Dist DIST = Dist.built();
    private static final Map<String, String> PASSWORDS = Map.of("admin", "管理员的长密码-2026", "liangzhou",
            "凉州区统计局的长密码", "gongye", "工业科的密码很长很长", "juzhang", "局长的密码很长很长很长");
    private static final String LZ = "620602";
    /** A month of the demo with no flag stored: it can be reviewed at once. */
    private static final String M = YearMonth.now().minusMonths(4).toString();

    @TempDir
    static Path tmp;
    static String data;

    private static Dist.Result run(String user, Map<String, String> env, List<String> command) throws Exception {
        List<String> args = new ArrayList<>(List.of("--user", user, "--data", data, "run"));
        args.addAll(command);
        args.add("--json");
        Map<String, String> all = new HashMap<>(env);
        all.put("STATDESK_PASSWORD", PASSWORDS.get(user));
        return DIST.run(all, args);
    }

    private static Dist.Result as(String user, String... command) throws Exception {
        return run(user, Map.of(), List.of(command));
    }

    private static void ok(Dist.Result r) {
        assertEquals(0, r.exit(), r::toString);
    }

    private static JsonNode county(JsonNode evaluations, String code) {
        for (JsonNode c : evaluations.get("counties")) {
            if (c.get("county").asText().equals(code)) {
                return c;
            }
        }
        throw new AssertionError("no county " + code + " in " + evaluations);
    }

    private static JsonNode industrialAggregate(String user) throws Exception {
        Dist.Result r = as(user, "review:aggregate", "--period", M, "--specialty", "industrial");
        ok(r);
        return r.json().get("forms").get(0);
    }

    @Test
    void aRevisionAfterReleaseReopensTheCountyUntilEvaluatedAndReleasedAgain() throws Exception {
        data = tmp.resolve("data").toString();
        ok(DIST.run("--data", data, "run", "demo:load", "--json"));
        ok(DIST.run(Map.of("STATDESK_NEW_PASSWORD", PASSWORDS.get("admin")), List.of("--data", data, "run",
                "user:add", "admin", "--role", "admin", "--json")));
        for (String[] u : new String[][] {{"liangzhou", "--role", "county", "--county", LZ},
                {"gongye", "--role", "section", "--specialty", "industrial"}, {"juzhang", "--role", "leader"}}) {
            List<String> add = new ArrayList<>(List.of("user:add"));
            add.addAll(List.of(u));
            ok(run("admin", Map.of("STATDESK_NEW_PASSWORD", PASSWORDS.get(u[0])), add));
        }
        ok(as("gongye", "review:status", "--period", M, "--specialty", "industrial", "--set", "reviewed"));

        Dist.Result listed = as("gongye", "review:evaluations", "--period", M, "--specialty", "industrial");
        ok(listed);
        JsonNode counties = listed.json().get("counties");
        assertTrue(counties.size() >= 2, listed::toString);
        JsonNode lz = county(listed.json(), LZ);
        assertEquals("pending", lz.get("result").asText());
        assertTrue(lz.get("checks").get("rates").has("reporting_rate"), lz::toString);
        assertTrue(lz.get("checks").has("open_errors") && lz.get("checks").has("growth")
                && lz.get("checks").has("ledger") && lz.get("checks").has("records"), lz::toString);

        // evaluation is the city's (下管一级): a county may not evaluate itself, nor a leader
        Dist.Result self = as("liangzhou", "review:evaluate", "--period", M, "--specialty", "industrial",
                "--county", LZ, "--result", "passed", "--note", "自评");
        assertEquals(3, self.exit(), self::toString);
        assertEquals(3, as("juzhang", "review:evaluate", "--period", M, "--specialty", "industrial", "--county", LZ,
                "--result", "passed").exit());
        Dist.Result bad = as("gongye", "review:evaluate", "--period", M, "--specialty", "industrial", "--county", LZ,
                "--result", "returned");
        assertEquals(2, bad.exit(), "a return needs its reasons: " + bad);

        ok(as("gongye", "review:evaluate", "--period", M, "--specialty", "industrial", "--county", LZ, "--result",
                "returned", "--note", "工业增速高于全市，与用电量不符"));
        Dist.Result early = as("gongye", "review:status", "--period", M, "--specialty", "industrial", "--set",
                "evaluated", "--note", "评估通过");
        assertEquals(2, early.exit(), "a returned county blocks the month: " + early);
        assertTrue(early.out().contains("county " + LZ + " was returned"), early::toString);
        ok(as("gongye", "review:evaluate", "--period", M, "--specialty", "industrial", "--county", LZ, "--result",
                "passed", "--note", "核实后通过"));
        Dist.Result evaluated = as("gongye", "review:status", "--period", M, "--specialty", "industrial", "--set",
                "evaluated", "--note", "各县区增速与用电量、开票一致");
        ok(evaluated);
        assertEquals("evaluated", evaluated.json().get("status").asText());
        ok(as("juzhang", "review:status", "--period", M, "--specialty", "industrial", "--set", "released"));
        JsonNode released = industrialAggregate("juzhang");
        assertTrue(released.get("for_publication").asBoolean(), released::toString);

        // the leak that was: a revision of 9,999,999 千元 after release
        String unit = null;
        for (JsonNode u : as("liangzhou", "registry:list").json().get("units")) {
            if (u.get("specialty").asText().equals("industrial") && u.get("status").asText().equals("in_register")) {
                unit = u.get("credit_code").asText();
                break;
            }
        }
        Path file = tmp.resolve("revision.csv");
        Files.writeString(file, "credit_code,period,indicator,value\n" + unit + "," + M + ",output_value,9999999\n",
                StandardCharsets.UTF_8);
        ok(as("liangzhou", "review:import", file.toString(), "--reason", "企业重报"));
        Dist.Result status = as("gongye", "review:status", "--period", M, "--specialty", "industrial");
        assertEquals("collecting", status.json().get("status").asText(), status::toString);
        JsonNode after = as("gongye", "review:evaluations", "--period", M, "--specialty", "industrial").json();
        assertEquals("reopened", county(after, LZ).get("result").asText(), after::toString);
        for (JsonNode c : after.get("counties")) {
            if (!c.get("county").asText().equals(LZ)) {
                assertEquals("passed", c.get("result").asText(), c::toString);
            }
        }
        JsonNode withheld = industrialAggregate("juzhang");
        assertFalse(withheld.get("for_publication").asBoolean(), withheld::toString);
        assertEquals("未经评估，不得对外公布", withheld.get("notice").asText());
        Dist.Result log = as("admin", "audit:log", "--entity", M + "/industrial");
        ok(log);
        assertTrue(log.out().contains("collecting") && log.out().contains("企业重报"), log::toString);

        // again through the steps: only the reopened county is evaluated anew
        ok(as("gongye", "review:status", "--period", M, "--specialty", "industrial", "--set", "reviewed"));
        ok(as("gongye", "review:evaluate", "--period", M, "--specialty", "industrial", "--county", LZ, "--result",
                "passed", "--note", "重报核实"));
        assertEquals("evaluated", as("gongye", "review:status", "--period", M, "--specialty", "industrial").json()
                .get("status").asText());
        ok(as("juzhang", "review:status", "--period", M, "--specialty", "industrial", "--set", "released"));
        assertTrue(industrialAggregate("juzhang").get("for_publication").asBoolean());
        ok(as("admin", "audit:verify"));
    }
}
