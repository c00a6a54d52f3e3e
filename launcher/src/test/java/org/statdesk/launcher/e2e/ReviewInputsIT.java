package org.statdesk.launcher.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On demo data, as a user types it: a figure that is no plain number, a JSON report file that says two things and a
 * query list aimed at the live database are refused (exit 2) and change nothing; the review's guarded tables,
 * slots and marks included, verify on fresh demo data.
 */
class ReviewInputsIT {
    private final Dist dist = Dist.built();

    @TempDir
    Path tmp;

    @Test
    void badFiguresAndAQueryListOverTheDatabaseAreRefusedAndChangeNothing() throws Exception {
        Path data = tmp.resolve("data");
        String d = data.toString();
        Dist.Result demo = dist.run("--data", d, "run", "demo:load", "--json");
        assertEquals(0, demo.exit(), demo::toString);
        String period = demo.json().get("last_period").asText();
        Dist.Result verify = dist.run("--data", d, "run", "audit:verify", "--json");
        assertEquals(0, verify.exit(), "slots, marks, flags' scores journaled on demo data: " + verify);

        JsonNode flags = dist.run("--data", d, "run", "review:run", "--period", period, "--json").json().get("flags");
        JsonNode flag = flags.get(0);
        String totals = aggregate(d, period);

        // review:resolve --value NaN turned the county and city totals into 0.0
        for (String v : new String[] {"NaN", "1e308", "0x1p3"}) {
            Dist.Result r = dist.run("--data", d, "run", "review:resolve", flag.get("id").asText(), "--action",
                    "correct", "--value", v, "--reason", "核实", "--json");
            assertEquals(2, r.exit(), r::toString);
            assertTrue(r.json().get("errors").get(0).get("message").asText().contains("--value"), r::toString);
        }

        // a report file whose figures are no plain numbers, and one whose object says "value" twice
        Path csv = tmp.resolve("bad.csv");
        Files.writeString(csv, "credit_code,period,indicator,value\n" + flag.get("credit_code").asText() + ","
                + period + ",output_value,NaN\n" + flag.get("credit_code").asText() + "," + period
                + ",employees,12.5\n", StandardCharsets.UTF_8);
        Dist.Result bad = dist.run("--data", d, "run", "review:import", csv.toString(), "--reason", "x", "--json");
        assertEquals(2, bad.exit(), bad::toString);
        assertEquals(2, bad.json().get("errors").size(), bad::toString);
        assertEquals(2, bad.json().get("errors").get(0).get("line").asInt());
        assertEquals(3, bad.json().get("errors").get(1).get("line").asInt());
        Path json = tmp.resolve("twice.json");
        Files.writeString(json, "[{\"credit_code\": \"" + flag.get("credit_code").asText() + "\", \"period\": \""
                + period + "\", \"indicator\": \"output_value\", \"value\": 1, \"value\": 9}]", StandardCharsets.UTF_8);
        Dist.Result twice = dist.run("--data", d, "run", "review:import", json.toString(), "--reason", "x", "--json");
        assertEquals(2, twice.exit(), twice::toString);

        // review:queries --out DATA/db/statdesk.mv.db truncated the live database
        Path db = data.resolve("db/statdesk.mv.db");
        Dist.Result q = dist.run("--data", d, "run", "review:queries", "--period", period, "--out", db.toString(),
                "--json");
        assertEquals(2, q.exit(), q::toString);
        // and it still reads: the same totals, verify ok below (on PostgreSQL there is no such file: none written)
        assertTrue(TestDatabase.postgres() ? !Files.exists(db) : Files.size(db) > 0, "not truncated");

        assertEquals(totals, aggregate(d, period), "the totals are as they were");
        assertEquals(0, dist.run("--data", d, "run", "audit:verify", "--json").exit());
        Path out = tmp.resolve("queries/查询单.csv");
        Dist.Result ok = dist.run("--data", d, "run", "review:queries", "--period", period, "--out", out.toString(),
                "--json");
        assertEquals(0, ok.exit(), ok::toString);
        assertTrue(ok.json().get("queries").asInt() > 0, ok::toString);
    }

    private String aggregate(String data, String period) throws Exception {
        Dist.Result a = dist.run("--data", data, "run", "review:aggregate", "--period", period, "--json");
        assertEquals(0, a.exit(), a::toString);
        return a.out();
    }
}
