package org.statdesk.enforcement.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statdesk.api.command.Args;
import org.statdesk.api.command.CommandResult;

/**
 * Every enforcement command's result written as {@code statdesk run --json} writes it: the runtime's mapper has no
 * java.time module, so a LocalDate anywhere in a result fails the command with exit 1.
 */
class JsonResultsTest {
    /** As org.statdesk.runtime.internal.Json: snake_case, no failure on empty beans, no extra modules. */
    static final ObjectMapper RUNTIME = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    Fakes.World w;
    final Set<String> covered = new HashSet<>();

    @BeforeEach
    void setUp() throws Exception {
        w = new Fakes.World(new Fakes.TestRegister().populate(40, 20));
    }

    JsonNode run(String name, String... tokens) throws Exception {
        CommandResult r = w.run(name, tokens);
        covered.add(name);
        String text = RUNTIME.writeValueAsString(r.json());
        return RUNTIME.readTree(text);
    }

    @Test
    void everyCommandWritesItsResultAsJsonWithDatesAsIsoText(@TempDir Path dir) throws Exception {
        Path roster = dir.resolve("roster.csv");
        Files.writeString(roster, Fakes.World.roster(3, 2));
        assertEquals(14, run("enforcement:import-inspectors", roster.toString(), "--json").get("imported").asInt());
        JsonNode ins = run("enforcement:inspectors", "--json");
        assertEquals("2019-05-01", ins.get("inspectors").get(0).get("certificate_date").asText());
        assertTrue(ins.get("pass_rate").get("met").asBoolean());
        assertEquals(3, run("enforcement:inspectors", "--county", "620621", "--json").get("inspectors").size());

        w.today = java.time.LocalDate.of(2021, 5, 20); // drawn before the checks
        JsonNode d = run("enforcement:draw", "--year", "2021", "--seed", "5", "--json");
        long id = d.get("id").asLong();
        for (String f : List.of("id", "seed", "population_hash", "targets", "coverage")) {
            assertTrue(d.has(f), f);
        }
        JsonNode t0 = d.get("targets").get(0);
        for (String f : List.of("kind", "code", "county_code", "stratum", "inspectors")) {
            assertTrue(t0.has(f), f);
        }
        assertTrue(t0.get("inspectors").get(0).has("name"));
        assertTrue(t0.get("inspectors").get(0).has("county_code"));

        JsonNode draws = run("enforcement:draws", "--json");
        assertTrue(draws.get("draws").get(0).get("replaced_by").isNull(), draws.toString());
        run("enforcement:draw", "--year", "2021", "--seed", "6", "--replace", "--reason", "测试重抽", "--json");
        JsonNode both = run("enforcement:draws", "--year", "2021", "--json").get("draws");
        assertTrue(both.get(0).get("replaced_by").isNull());
        assertEquals(id + 1, both.get(1).get("replaced_by").asLong());
        long active = id + 1;
        w.today = java.time.LocalDate.of(2021, 6, 15);
        assertTrue(run("enforcement:verify-draw", String.valueOf(active), "--json").get("matches").asBoolean());
        assertEquals(active, run("enforcement:show-draw", String.valueOf(active), "--json").get("id").asLong());
        assertTrue(run("enforcement:export-draw", String.valueOf(active), dir.resolve("l.csv").toString(), "--json")
                .get("targets").asInt() > 0);

        JsonNode shown = run("enforcement:show-draw", String.valueOf(active), "--json");
        String unit = null;
        for (JsonNode t : shown.get("targets")) {
            if (t.get("kind").asText().equals("unit")) {
                unit = t.get("code").asText();
                break;
            }
        }
        JsonNode check = run("enforcement:record-check", String.valueOf(active), unit, "--date", "2021-06-01",
                "--fail", "records_agree", "--json");
        assertEquals("2021-06-01", check.get("date").asText());
        JsonNode c = run("enforcement:open-case", unit, "--violation", "late", "--facts", "迟报 5 月报表", "--date",
                "2021-06-02", "--check", check.get("id").asText(), "--deadline", "2021-07-01", "--json");
        assertEquals("2021-07-01", c.get("deadline").asText());
        run("enforcement:update-case", c.get("id").asText(), "--decision", "警告", "--status", "decided", "--json");
        assertEquals(1, run("enforcement:cases", "--json").get("cases").size());
        JsonNode e = run("enforcement:record-interference", "--quarter", "2021Q2", "--date", "2021-04-02",
                "--official", "某副县长", "--target", "某企业产值", "--request", "要求调高", "--action", "拒绝并报告", "--json");
        assertEquals("2021-04-02", e.get("date").asText());
        assertEquals(1, run("enforcement:interference-report", "--quarter", "2021Q2", "--json").get("count").asInt());
        JsonNode item = run("enforcement:add-item", "--source", "self_check", "--owner", "620602", "--problem", "台账不全",
                "--date", "2021-06-01", "--json");
        assertEquals("2021-07-01", item.get("deadline").asText());
        run("enforcement:close-item", item.get("id").asText(), "--evidence", "补建台账", "--json");
        assertTrue(run("enforcement:ledger", "--json").get("items").size() >= 2);
        assertTrue(run("enforcement:coverage", "--year", "2021", "--json").get("strata").has("above"));

        Set<String> all = new HashSet<>();
        all.addAll(w.commands().keySet());
        all.removeAll(covered);
        assertEquals(Set.of(), all, "commands not exercised");
    }
}
