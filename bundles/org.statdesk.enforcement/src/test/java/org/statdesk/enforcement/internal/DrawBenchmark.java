package org.statdesk.enforcement.internal;

import java.util.HashMap;
import java.util.Map;

/**
 * Benchmark (not a test): a draw over a 100,000-unit register with 300 inspectors, stored in H2 and verified.
 * Run: {@code java -cp target/classes:target/test-classes:<test classpath> org.statdesk.enforcement.internal.DrawBenchmark}
 */
public final class DrawBenchmark {
    private DrawBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int above = 40_000;
        int below = 60_000;
        Fakes.TestRegister register = new Fakes.TestRegister();
        String[] counties = Fakes.TestRegister.COUNTIES.toArray(new String[0]);
        int[] weight = {5, 2, 2, 1}; // 凉州区 holds half the units, as in Wuwei
        for (int i = 0; i < above + below; i++) {
            int r = i % 10;
            String county = counties[r < weight[0] ? 0 : r < weight[0] + weight[1] ? 1 : r < 9 ? 2 : 3];
            register.add(i, county, i < above ? "above" : "below");
        }
        Fakes.World w = new Fakes.World(register);
        w.roster(Fakes.World.roster(60, 60)); // 240 county + 60 city inspectors = 300
        for (int run = 1; run <= 5; run++) {
            long t0 = System.nanoTime();
            Draws.DrawJson d = w.commands.draws().draw(2021 + run, (long) run, false, null);
            long t1 = System.nanoTime();
            Draws.Verification v = w.commands.draws().verify(d.id());
            long t2 = System.nanoTime();
            Map<String, Integer> perStratum = new HashMap<>();
            d.targets().forEach(t -> perStratum.merge(t.stratum(), 1, Integer::sum));
            System.out.printf("run %d: draw %.0f ms (targets %d %s, workload %d..%d over %d), verify %.0f ms -> %s%n",
                    run, (t1 - t0) / 1e6, d.targets().size(), perStratum, d.workload().min(), d.workload().max(),
                    d.workload().inspectors(), (t2 - t1) / 1e6, v.matches() ? "matches" : v.problems());
        }
        DrawEngine engine = new DrawEngine(w.sampler);
        long tp = System.nanoTime();
        DrawEngine.Population p = w.commands.draws().population(w.today);
        System.out.printf("population: %.0f ms%n", (System.nanoTime() - tp) / 1e6);
        long t0 = System.nanoTime();
        DrawEngine.Result r = engine.draw(p, w.settings.rules(), 99, c -> c);
        System.out.printf("engine alone: %.0f ms for %d targets%n", (System.nanoTime() - t0) / 1e6,
                r.targets().size());
    }
}
