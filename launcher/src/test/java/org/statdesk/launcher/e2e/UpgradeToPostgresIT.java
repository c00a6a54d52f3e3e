package org.statdesk.launcher.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The documented way up from one workstation to a bureau's server: store:backup on an H2 workstation with demo data,
 * store:restore into PostgreSQL (loaded into a schema of the same database, swapped in by renaming schemas), and
 * audit:verify holds there with the same journal, the same register and the same review flags. Needs the test server
 * ({@code -Dstatdesk.db=postgres}, as {@code .ci/run} runs the suites a second time).
 */
class UpgradeToPostgresIT {
    @TempDir
    Path tmp;

    @Test
    void anH2WorkstationsBackupRestoresIntoPostgresqlAndVerifies() throws Exception {
        assumeTrue(TestDatabase.postgres(), "moves data into PostgreSQL: runs with -Dstatdesk.db=postgres (.ci/run)");
        Dist h2 = new Dist(Path.of(System.getProperty("statdesk.dist", "target/statdesk")).toAbsolutePath());
        Dist pg = Dist.built();
        String h2data = tmp.resolve("workstation").toString();
        Dist.Result load = h2.run("--data", h2data, "run", "demo:load", "--json");
        assertEquals(0, load.exit(), load::toString);
        Path zip = tmp.resolve("backups/workstation.zip");
        Dist.Result b = h2.run("--data", h2data, "run", "store:backup", zip.toString(), "--json");
        assertEquals(0, b.exit(), b::toString);

        String bureau = tmp.resolve("bureau").toString();
        Dist.Result fresh = pg.run("--data", bureau, "run", "audit:verify", "--json");
        assertEquals(0, fresh.exit(), fresh::toString); // the bureau's empty database, as the first start leaves it
        Dist.Result r = pg.run("--data", bureau, "run", "store:restore", zip.toString(), "--json");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.json().get("restored").asBoolean(), r::toString);
        assertTrue(r.json().get("journal").get("ok").asBoolean(), r::toString);
        System.err.println("store:restore of an H2 demo backup into PostgreSQL: " + r.millis() + " ms, "
                + r.json().get("rows") + " rows");

        Dist.Result before = h2.run("--data", h2data, "run", "audit:verify", "--json");
        Dist.Result after = pg.run("--data", bureau, "run", "audit:verify", "--json");
        assertEquals(0, after.exit(), after::toString);
        for (String field : List.of("ok", "entries", "rows")) {
            assertEquals(before.json().get(field), after.json().get(field), field + "\n" + after);
        }
        assertEquals(out(h2, h2data, "registry:list"), out(pg, bureau, "registry:list"));
        assertEquals(out(h2, h2data, "audit:head"), out(pg, bureau, "audit:head"));
        String period = lastMonth();
        assertEquals(out(h2, h2data, "review:rates", "--period", period),
                out(pg, bureau, "review:rates", "--period", period));
        // the same review run on both gives the same flags, unit by unit
        assertEquals(out(h2, h2data, "review:run", "--period", period),
                out(pg, bureau, "review:run", "--period", period));
        Dist.Result again = pg.run("--data", bureau, "run", "audit:verify", "--json");
        assertEquals(0, again.exit(), again::toString);
    }

    private static JsonNode out(Dist d, String data, String... command) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("--data", data, "run"));
        args.addAll(List.of(command));
        args.add("--json");
        Dist.Result r = d.run(args);
        assertEquals(0, r.exit(), r::toString);
        JsonNode j = r.json();
        if (j.isObject()) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) j).remove(List.of("elapsed_ms", "millis", "seconds"));
        }
        return j;
    }

    /** The demo data's last month: the month before this one. */
    private static String lastMonth() {
        return java.time.YearMonth.now().minusMonths(1).toString();
    }
}
