package org.statdesk.enforcement.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.command.BadInputException;
import org.statdesk.api.registry.Sampler;
import org.statdesk.enforcement.internal.DrawEngine.Population;
import org.statdesk.enforcement.internal.DrawEngine.Target;

/** Recomputes a draw and names what differs. */
@Component(service = Verifier.class)
public final class DrawVerifier implements Verifier {
    /** At most this many differing targets are named; the rest are counted. */
    static final int MAX_DIFFERENCES = 20;
    private final Bureau bureau;
    private final Draws draws;
    private final PopulationSource population;
    private final DrawEngine engine;

    @Activate
    public DrawVerifier(@Reference Bureau bureau, @Reference Sampler sampler, @Reference Draws draws,
            @Reference PopulationSource population) {
        this.bureau = bureau;
        this.draws = draws;
        this.population = population;
        this.engine = new DrawEngine(sampler);
    }

    /**
     * The population now (as certified on the draw's day) must hash as stored, the same seed must give the same
     * targets and inspectors, and the stored rows must still match the digest taken at draw time.
     */
    @Override
    public Verification verify(long id) throws Exception {
        Timing time = new Timing("verify");
        Draws.Header h = draws.header(id);
        // the stored targets are read while the population is read and the draw recomputed
        ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "enforcement-verify-read");
            t.setDaemon(true);
            return t;
        });
        List<Target> stored;
        Population p;
        DrawEngine.Result again = null;
        String now;
        String algorithm = DrawEngine.VERSION + "+" + Sampler.ALGORITHM;
        try {
            Future<List<Target>> storedRows = reader.submit(() -> draws.targets(id));
            p = population.on(h.drawnOn());
            time.lap("population");
            if (algorithm.equals(h.algorithm())) {
                try {
                    again = engine.draw(p, h.rules(), h.seed(), bureau::countyName, null);
                    now = again.populationHash();
                } catch (BadInputException infeasible) {
                    // the population changed so much that the rules cannot be met any more: reported below
                    now = engine.populationHash(p);
                }
            } else {
                now = engine.populationHash(p);
            }
            time.lap("engine");
            stored = FrozenPopulation.get(storedRows);
            time.lap("read");
        } finally {
            reader.shutdownNow();
        }
        List<String> problems = new ArrayList<>();
        boolean storedIntact = DrawEngine.digest(stored).equals(h.digest());
        if (!storedIntact) {
            problems.add("已存的抽取结果与抽取时的摘要不符：抽取结果在抽取后被改动");
        }
        if (!algorithm.equals(h.algorithm())) {
            problems.add("算法版本不同：抽取时 " + h.algorithm() + "，现在 " + algorithm);
        }
        Map<String, Integer> countsNow = new LinkedHashMap<>();
        for (String s : DrawEngine.STRATA) {
            countsNow.put(s, p.stratum(s).size());
        }
        countsNow.put("inspectors", p.inspectors().size());
        if (!now.equals(h.populationHash())) {
            StringBuilder sb = new StringBuilder("抽取总体已变化（名录库单位、乡镇或持证执法人员名单与抽取时不同）：");
            for (Map.Entry<String, Integer> e : h.counts().entrySet()) {
                int n = countsNow.getOrDefault(e.getKey(), 0);
                sb.append(' ').append(e.getKey()).append(' ').append(e.getValue())
                        .append(n == e.getValue() ? "" : " → " + n);
            }
            problems.add(sb.toString());
        } else if (again != null) {
            if (!DrawEngine.digest(again.targets()).equals(h.digest())) {
                problems.add("用同一种子和总体重算，结果与登记的抽取不同");
            }
            if (!problems.isEmpty()) {
                problems.addAll(differences(stored, again.targets()));
            }
        }
        time.done();
        return new Verification(id, problems.isEmpty(), h.populationHash(), now, h.algorithm(), h.counts(),
                countsNow, problems);
    }

    /** The targets where the stored draw and the recomputed one differ, each named with what differs. */
    static List<String> differences(List<Target> stored, List<Target> recomputed) {
        Map<String, Target> again = new LinkedHashMap<>();
        for (Target t : recomputed) {
            again.put(t.stratum() + "|" + t.code(), t);
        }
        List<String> out = new ArrayList<>();
        int count = 0;
        for (Target t : stored) {
            Target r = again.remove(t.stratum() + "|" + t.code());
            String what = null;
            if (r == null) {
                what = "对象 " + t.code() + "（" + t.stratum() + "）登记在抽取结果中，重算却没有抽到";
            } else if (!teamIds(t).equals(teamIds(r)) || !t.countyCode().equals(r.countyCode())) {
                what = "对象 " + t.code() + " 的执法人员登记为 " + teamIds(t) + "，重算为 " + teamIds(r);
            }
            if (what != null && ++count <= MAX_DIFFERENCES) {
                out.add(what);
            }
        }
        for (Target r : again.values()) {
            if (++count <= MAX_DIFFERENCES) {
                out.add("对象 " + r.code() + "（" + r.stratum() + "）重算时抽到，抽取结果中却没有");
            }
        }
        if (count > MAX_DIFFERENCES) {
            out.add("另有 " + (count - MAX_DIFFERENCES) + " 处不同");
        }
        return out;
    }

    private static List<String> teamIds(Target t) {
        return t.inspectors().stream().map(DrawEngine.Inspector::id).sorted().toList();
    }
}
