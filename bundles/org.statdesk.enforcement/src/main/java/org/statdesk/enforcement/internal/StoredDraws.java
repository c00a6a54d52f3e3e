package org.statdesk.enforcement.internal;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.command.InputError;
import org.statdesk.enforcement.internal.DrawEngine.Target;

/** Reads stored draws back from {@link DrawTable} and {@link DrawTargetTable}. */
@Component(service = Draws.class)
public final class StoredDraws implements Draws {
    private final Schema schema;

    @Activate
    public StoredDraws(@Reference Schema schema) {
        this.schema = schema;
    }

    @Override
    public List<DrawSummary> list(Integer year) throws Exception {
        try (Connection c = schema.store().connection()) {
            return DrawTable.list(c, year);
        }
    }

    @Override
    public Header header(long id) throws Exception {
        try (Connection c = schema.store().connection()) {
            return DrawTable.header(c, id);
        }
    }

    @Override
    public List<Target> targets(long id) throws Exception {
        try (Connection c = schema.store().connection()) {
            return DrawTargetTable.read(c, id);
        }
    }

    @Override
    public DrawJson load(long id) throws Exception {
        try (Connection c = schema.store().connection()) {
            Header h = DrawTable.header(c, id);
            List<Target> targets = DrawTargetTable.read(c, id);
            Map<String, Integer> drawn = new LinkedHashMap<>();
            Map<String, Integer> load = new HashMap<>();
            List<TargetJson> json = new ArrayList<>(targets.size());
            for (Target t : targets) {
                drawn.merge(t.stratum(), 1, Integer::sum);
                List<InspectorJson> team = new ArrayList<>();
                for (DrawEngine.Inspector i : t.inspectors()) {
                    team.add(new InspectorJson(i.name(), i.countyCode(), i.id()));
                    load.merge(i.id(), 1, Integer::sum);
                }
                json.add(new TargetJson(t.kind(), t.code(), t.countyCode(), t.stratum(), team));
            }
            Map<String, Double> coverage = new LinkedHashMap<>();
            Map<String, Double> shares = new LinkedHashMap<>();
            for (String s : DrawEngine.STRATA) {
                int pop = h.counts().getOrDefault(s, 0);
                coverage.put(s, pop == 0 ? null : drawn.getOrDefault(s, 0) / (double) pop);
                shares.put(s, h.rules().share(s));
            }
            int pool = h.counts().getOrDefault("inspectors", 0);
            int min = load.size() < pool ? 0 : load.values().stream().mapToInt(Integer::intValue).min().orElse(0);
            int max = load.values().stream().mapToInt(Integer::intValue).max().orElse(0);
            return new DrawJson(id, h.year(), h.seed(), h.seedSource(), h.populationHash(), h.algorithm(),
                    h.status(), h.drawnOn().toString(), h.drawnBy(), h.counts(), coverage, shares,
                    new Workload(pool, min, max), DrawTable.replaced(c, id), json);
        }
    }

    @Override
    public Target target(long drawId, String code, LocalDate checkDate) throws Exception {
        try (Connection c = schema.store().connection()) {
            Header h = DrawTable.header(c, drawId);
            if (checkDate.isBefore(h.drawnOn())) {
                throw Inputs.bad(InputError.of("date", checkDate.toString(), "检查日期早于第 " + drawId + " 号抽取的日期 "
                        + h.drawnOn() + "：只能检查已抽中的对象"));
            }
            if (!h.status().equals("active")) {
                throw Inputs.bad(InputError.of("draw", String.valueOf(drawId),
                        "第 " + drawId + " 号抽取已被重抽替代，检查应按 " + h.year() + " 年有效的抽取登记"));
            }
            Target t = DrawTargetTable.find(c, drawId, code);
            if (t == null) {
                throw Inputs.bad(InputError.of("target", Inputs.shownOrNull(code), "不是第 " + drawId + " 号抽取的检查对象"));
            }
            return t;
        }
    }
}
