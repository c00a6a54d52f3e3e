package org.statdesk.enforcement.internal;

import java.time.LocalDate;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.audit.Journal;
import org.statdesk.api.command.InputError;
import org.statdesk.api.registry.Sampler;
import org.statdesk.enforcement.internal.DrawEngine.Population;

/** The draw: population frozen on today, the engine, then draw row, targets and year claim in one transaction. */
@Component(service = Drawer.class)
public final class DrawMaker implements Drawer {
    private final Schema schema;
    private final Journal journal;
    private final Bureau bureau;
    private final Sampler sampler;
    private final Draws draws;
    private final PopulationSource population;
    private final DrawEngine engine;

    @Activate
    public DrawMaker(@Reference Schema schema, @Reference Journal journal, @Reference Bureau bureau,
            @Reference Sampler sampler, @Reference Draws draws, @Reference PopulationSource population) {
        this.schema = schema;
        this.journal = journal;
        this.bureau = bureau;
        this.sampler = sampler;
        this.draws = draws;
        this.population = population;
        this.engine = new DrawEngine(sampler);
    }

    @Override
    public Draws.DrawJson draw(int year, Long givenSeed, boolean replace, String reason) throws Exception {
        Timing time = new Timing("draw");
        Optional<Draws.DrawSummary> existing = draws.active(year);
        if (existing.isPresent() && !replace) {
            Draws.DrawSummary e = existing.get();
            throw Inputs.bad(InputError.of("year", String.valueOf(year),
                    year + " 年已有抽取结果（编号 " + e.id() + "，" + e.drawnOn() + " 由 " + e.drawnBy()
                            + " 抽取）；不得悄悄重抽。确需重抽请加 --replace 并用 --reason 写明理由，理由将记入审计日志"));
        }
        if (replace && (reason == null || reason.isBlank())) {
            throw Inputs.bad(InputError.of("reason", reason, "重抽（--replace）必须用 --reason 写明理由"));
        }
        if (reason != null) {
            Inputs.text("reason", reason, Inputs.REASON); // enf_draw.replace_reason
        }
        LocalDate day = bureau.today();
        DrawEngine.Rules rules = bureau.settings().rules();
        long seed = givenSeed != null ? givenSeed : sampler.newSeed();
        time.lap("checks");
        Population p = population.on(day);
        time.lap("population");
        DrawEngine.Result r = engine.draw(p, rules, seed, bureau::countyName);
        time.lap("engine");
        String digest = DrawEngine.digest(r.targets());
        String user = journal.currentUser();
        Long replaced = existing.map(Draws.DrawSummary::id).orElse(null);
        long id = schema.store().inTransaction(c -> {
            long newId = DrawTable.insert(c, new DrawTable.NewDraw(year, seed, givenSeed != null ? "given" : "secure",
                    r.populationHash(), r.algorithm(), rules.encode(), r.populationCounts(), digest, day, user));
            DrawTargetTable.insert(c, newId, r.targets());
            DrawTable.claimYear(c, year, replaced, newId);
            if (replaced != null) {
                DrawTable.markReplaced(c, replaced, newId, reason);
                journal.recordRow(c, DrawTable.TABLE, String.valueOf(replaced), "status", "active", "replaced",
                        "重抽，由第 " + newId + " 号抽取替代：" + reason);
            }
            journal.recordRow(c, DrawTable.TABLE, String.valueOf(newId), "draw", null,
                    "year=" + year + " seed=" + seed + " population_hash=" + r.populationHash() + " targets="
                            + r.targets().size() + " result_digest=" + digest,
                    replaced != null ? "replacement draw: " + reason : "double-random draw " + year);
            return newId;
        });
        time.lap("store");
        Draws.DrawJson out = draws.load(id);
        time.done();
        return out;
    }
}
