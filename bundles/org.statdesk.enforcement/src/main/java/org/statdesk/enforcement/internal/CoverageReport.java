package org.statdesk.enforcement.internal;

import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Coverage of the year's draw from its stored counts and the checks recorded on its targets. */
@Component(service = Coverage.class)
public final class CoverageReport implements Coverage {
    private final Schema schema;
    private final Bureau bureau;
    private final Draws draws;

    @Activate
    public CoverageReport(@Reference Schema schema, @Reference Bureau bureau, @Reference Draws draws) {
        this.schema = schema;
        this.bureau = bureau;
        this.draws = draws;
    }

    @Override
    public Report of(int year) throws Exception {
        Optional<Draws.DrawSummary> d = draws.active(year);
        Map<String, StratumCoverage> strata = new LinkedHashMap<>();
        if (d.isEmpty()) {
            DrawEngine.Rules rules = bureau.settings().rules();
            for (String st : DrawEngine.STRATA) {
                strata.put(st, new StratumCoverage(0, 0, 0, rules.share(st), null, null, false));
            }
            return new Report(year, null, strata);
        }
        try (Connection c = schema.store().connection()) {
            Draws.Header h = DrawTable.header(c, d.get().id());
            Map<String, Integer> drawn = DrawTargetTable.drawnByStratum(c, h.id());
            Map<String, Integer> checked = DrawTargetTable.checkedByStratum(c, h.id());
            for (String st : DrawEngine.STRATA) {
                int pop = h.counts().getOrDefault(st, 0);
                int dr = drawn.getOrDefault(st, 0);
                int ch = checked.getOrDefault(st, 0);
                double target = h.rules().share(st);
                Double achieved = pop == 0 ? null : ch / (double) pop;
                // a stratum with nothing in it has nothing left to check: met, with no share to show
                strata.put(st, new StratumCoverage(pop, dr, ch, target, pop == 0 ? null : dr / (double) pop,
                        achieved, achieved == null || achieved >= target - 1e-12));
            }
        }
        return new Report(year, d.get().id(), strata);
    }
}
