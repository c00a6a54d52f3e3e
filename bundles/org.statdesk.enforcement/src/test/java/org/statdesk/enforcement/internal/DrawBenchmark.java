package org.statdesk.enforcement.internal;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.statdesk.api.registry.Sampler;

/**
 * Benchmark (not a test): a draw over a 100,000-unit register (40,000 四上, 60,000 四下) with 300 inspectors, stored in
 * H2 (in memory) and verified; issue 6 asks for ≤ 2 s each. Baseline in the same run: one seeded sample of the same
 * number of units from the same population through the same sampler, with nothing stored (the least any verifiable
 * draw must do). Uses the workstation's real sampler (statdesk-sample-v1) from the registry bundle when its jar is
 * found ({@code -Dregistry.jar=...}, default the built distribution's), else the test sampler.
 * <p>
 * Run: {@code java -cp target/classes:target/test-classes:<test classpath>
 * org.statdesk.enforcement.internal.DrawBenchmark [runs]}
 */
public final class DrawBenchmark {
    private DrawBenchmark() {
    }

    static Sampler sampler() throws Exception {
        File jar = new File(System.getProperty("registry.jar",
                "../../launcher/target/statdesk/bundles/org.statdesk.registry-1.0.0.jar"));
        if (!jar.isFile()) {
            System.out.println("sampler: test sampler (no registry jar at " + jar + ")");
            return new Fakes.TestSampler();
        }
        URLClassLoader l = new URLClassLoader(new URL[] {jar.toURI().toURL()}, DrawBenchmark.class.getClassLoader());
        System.out.println("sampler: SamplerImpl from " + jar.getCanonicalPath());
        return (Sampler) l.loadClass("org.statdesk.registry.internal.SamplerImpl").getConstructor().newInstance();
    }

    /**
     * Puts the same units in the real register (RegisterReads of the registry jar) on an H2 file database, so that the
     * draw and its verification read them through RegisterReads.list as on the workstation. Without the jar the
     * in-memory test register is read (the figure then leaves out the register read).
     */
    static void realRegister(Fakes.TestRegister register, Sampler sampler, org.statdesk.api.audit.Journal journal)
            throws Exception {
        File jar = new File(System.getProperty("registry.jar",
                "../../launcher/target/statdesk/bundles/org.statdesk.registry-1.0.0.jar"));
        if (!jar.isFile()) {
            System.out.println("register: in-memory test register (no registry jar)");
            return;
        }
        java.nio.file.Path dir = java.nio.file.Path.of("target/drawbench").toAbsolutePath();
        java.nio.file.Files.createDirectories(dir);
        for (java.nio.file.Path f : java.nio.file.Files.list(dir).toList()) {
            java.nio.file.Files.delete(f);
        }
        org.statdesk.testing.MemoryStore store = new org.statdesk.testing.MemoryStore("jdbc:h2:file:"
                + dir.resolve("statdesk")).dataFolder(dir);
        URLClassLoader l = new URLClassLoader(new URL[] {jar.toURI().toURL()}, DrawBenchmark.class.getClassLoader());
        try (java.sql.Connection c = store.connection(); java.sql.Statement st = c.createStatement();
                java.io.InputStream in = l.getResourceAsStream("db/migration/V1__registry_units.sql")) {
            for (String sql : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .split(";\\s*\\n")) {
                String body = sql.lines().filter(x -> !x.strip().startsWith("--")).reduce("", (a, b) -> a + "\n" + b);
                if (!body.isBlank()) {
                    st.execute(body);
                }
            }
            c.setAutoCommit(false);
            try (java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO reg_unit (app_id, credit_code, name,"
                    + " division_code, county_code, industry_code, specialty, scale, revenue, address, statistician,"
                    + " phone, status, opened) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (org.statdesk.api.registry.Unit u : register.units.values()) {
                    String[] v = {u.creditCode(), u.creditCode(), u.name(), u.divisionCode(), u.countyCode(),
                        u.industryCode(), u.specialty(), u.scale(), String.valueOf(u.revenue()), u.address(),
                        u.statistician(), u.phone(), u.status(), u.opened()};
                    for (int i = 0; i < v.length; i++) {
                        ps.setString(i + 1, v[i]);
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
        }
        // The register's read room, wired as DS wires it: the migrated store and the bundled reference data.
        Class<?> migrated = l.loadClass("org.statdesk.registry.internal.RegisterStore");
        Object db = java.lang.reflect.Proxy.newProxyInstance(l, new Class<?>[] {migrated},
                (proxy, m, margs) -> m.getName().equals("store") ? store : null);
        Object reference = l.loadClass("org.statdesk.registry.internal.BundledReferenceData").getConstructor()
                .newInstance();
        register.backing = (org.statdesk.api.registry.Register) l.loadClass("org.statdesk.registry.internal.RegisterReads")
                .getConstructor(migrated, org.statdesk.api.audit.Journal.class,
                        l.loadClass("org.statdesk.registry.internal.ReferenceData"))
                .newInstance(db, journal, reference);
        System.out.println("register: real Registry on H2 file database " + dir + ", " + register.units.size()
                + " units");
    }

    static double median(List<Double> v) {
        double[] a = v.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
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
        Sampler sampler = sampler();
        Fakes.World w = new Fakes.World(register, sampler);
        realRegister(register, sampler, w.journal);
        w.roster(Fakes.World.roster(60, 60)); // 240 county + 60 city inspectors = 300
        List<String> codes = new ArrayList<>(register.units.keySet());
        List<Double> draw = new ArrayList<>();
        List<Double> verify = new ArrayList<>();
        List<Double> base = new ArrayList<>();
        int targets = 0;
        for (int run = 1; run <= runs; run++) {
            long tb = System.nanoTime();
            int n = sampler.sample(codes, 20_000, run).members().size();
            long t0 = System.nanoTime();
            Draws.DrawJson d = w.drawer.draw(2000 + run, (long) run, false, null);
            long t1 = System.nanoTime();
            Verifier.Verification v = w.verifier.verify(d.id());
            long t2 = System.nanoTime();
            if (!v.matches() || n != 20_000) {
                throw new IllegalStateException("verify failed: " + v.problems());
            }
            targets = d.targets().size();
            base.add((t0 - tb) / 1e6);
            draw.add((t1 - t0) / 1e6);
            verify.add((t2 - t1) / 1e6);
            System.out.printf("run %d: baseline %.0f ms, draw %.0f ms (%d targets, workload %d..%d over %d), "
                    + "verify %.0f ms%n", run, (t0 - tb) / 1e6, (t1 - t0) / 1e6, d.targets().size(),
                    d.workload().min(), d.workload().max(), d.workload().inspectors(), (t2 - t1) / 1e6);
        }
        double b = median(base);
        double dr = median(draw);
        double ve = median(verify);
        System.out.printf("median of %d (first run included): baseline %.0f ms; draw %.0f ms = %.1f× baseline, "
                + "%.2f of the 2 s target; verify %.0f ms = %.1f× baseline, %.2f of the 2 s target; %d targets%n",
                runs, b, dr, dr / b, dr / 2000, ve, ve / b, ve / 2000, targets);
        DrawEngine engine = new DrawEngine(sampler);
        DrawEngine.Population p = w.population.on(w.today);
        long t0 = System.nanoTime();
        DrawEngine.Result r = engine.draw(p, w.settings.rules(), 99, c -> c);
        System.out.printf("engine alone (no database): %.0f ms for %d targets%n", (System.nanoTime() - t0) / 1e6,
                r.targets().size());
    }
}
