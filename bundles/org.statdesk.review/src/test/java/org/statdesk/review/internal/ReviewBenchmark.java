package org.statdesk.review.internal;

import java.io.BufferedWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.statdesk.api.audit.Journal;
import org.statdesk.api.registry.Unit;
import org.statdesk.testing.ListRegister;
import org.statdesk.testing.MemoryStore;

/**
 * Benchmark (not a test: run by hand, see the note in the report): a province-sized month, 100,000 units x 7
 * indicators with 24 months of history in an H2 file database; import of one month, review:run of one month
 * (all edits, HB over all strata, scores) reading from the store; a city-sized month (2,000 units); and DuckDB
 * computing the same month-on-month ratios, stratum medians and HB bounds in SQL on the same data loaded in it.
 * <pre>
 * mvn -q -pl bundles/org.statdesk.review test-compile
 * mvn -q -o -pl bundles/org.statdesk.review dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test
 * java -Xmx1g -cp "target/classes:target/test-classes:$(cat cp.txt)" org.statdesk.review.internal.ReviewBenchmark \
 *     [UNITS] [KEEP_DIR [import]]
 * </pre>
 * Run it in {@code bundles/org.statdesk.review}: the industrial rules are read from {@code ../org.statdesk.industrial}
 * and a new database gets the bundle's migrations from its sources. {@code import} times the import of two fresh
 * months alone.
 * With KEEP_DIR the databases stay there and a second run skips the 23 months of history (about 6 minutes on
 * two shared cores). Each run also times the panel read as it was before (baselineLoad) against today's, alternated
 * on the same database, and checks that both give the same flags.
 */
public final class ReviewBenchmark {
    private static final Map<Rooms, MemoryStore> STORES = new java.util.HashMap<>();
    /** The journal's cost is the audit bundle's to measure: here it only counts. */
    private static final Journal COUNTING = new Journal() {
        private long rows;

        public void record(Connection c, Change change) {
            rows++;
        }

        public void recordRow(Connection c, String table, String key, String field, String oldValue,
                String newValue, String reason) {
            rows++;
        }

        public void recordRows(Connection c, String table, java.util.Collection<String> keys, String action,
                String reason) {
            rows += keys.size();
        }

        public List<Entry> history(String key, LocalDate since) {
            return List.of();
        }

        public String currentUser() {
            return "bench";
        }
    };

    public static void main(String[] a) throws Exception {
        int n = a.length > 0 ? Integer.parseInt(a[0]) : 100_000;
        // a second argument keeps the databases in that folder: a later run reuses the imported history
        Path dir = a.length > 1 ? Files.createDirectories(Path.of(a[1])) : Files.createTempDirectory("statdesk-bench");
        System.out.printf("units %d, data in %s, max heap %d MB%n", n, dir, Runtime.getRuntime().maxMemory() >> 20);
        if (a.length > 2 && a[2].equals("import")) {
            importOnly(dir, n);
            return;
        }
        city(dir);
        province(dir, n);
    }

    static Rooms service(Path dir, String name, List<Unit> units) throws Exception {
        // a file database as the workstation uses, with the bundle's migrations; the store keeps one connection
        // open so that the file database is opened once, not per query
        MemoryStore st = new MemoryStore("jdbc:h2:file:" + dir.resolve(name).toAbsolutePath());
        if (st.query("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'REV_REPORT'").equals("0")) {
            st.migrateOwn(); // a kept database (a later run) has its tables
        }
        Rooms r = new Rooms(st, COUNTING, new ListRegister(units), Settings.defaults()).with(TestForms.industrial());
        STORES.put(r, st);
        return r;
    }

    static byte[] csv(Synth s, List<String> periods) throws Exception {
        StringWriter w = new StringWriter(1 << 20);
        s.writeLong(w, periods);
        return w.toString().getBytes(StandardCharsets.UTF_8);
    }

    static void city(Path dir) throws Exception {
        Synth s = new Synth(2000, "2025-12", 24, 11, 4);
        Rooms r = service(dir, "city", s.units);
        r.imports.importReports(csv(s, s.periods.subList(0, 23)), null, LocalDate.of(2025, 12, 1));
        s.plant("2025-12", 1);
        long t0 = System.nanoTime();
        r.imports.importReports(csv(s, List.of("2025-12")), null, LocalDate.of(2026, 1, 5));
        long t1 = System.nanoTime();
        r.runs.run("2025-12", null);
        long warm = System.nanoTime();
        int flags = r.runs.run("2025-12", null).size();
        long t2 = System.nanoTime();
        System.out.printf("city 2,000 units: import of one month %.3f s; review:run %.3f s (first %.3f s), %d flags, "
                + "read/compute/store ms %s%n", (t1 - t0) / 1e9, (t2 - warm) / 1e9, (warm - t1) / 1e9, flags,
                java.util.Arrays.toString(r.runs.lastTimings()));
        compareReads("city", r, s.units, "2025-12", 5);
    }

    static void province(Path dir, int n) throws Exception {
        long g0 = System.nanoTime();
        Synth s = new Synth(n, "2025-12", 24, 3, 86);
        System.out.printf("generated %d units x 24 months in %.1f s%n", n, (System.nanoTime() - g0) / 1e9);
        boolean reuse = Files.exists(dir.resolve("province.mv.db"));
        Rooms r = service(dir, "province", s.units);
        long h0 = System.nanoTime();
        if (!reuse) {
            for (String p : s.periods.subList(0, 23)) {
                r.imports.importReports(csv(s, List.of(p)), null, LocalDate.parse(Period.shift(p, 1) + "-03"));
            }
            System.out.printf("history of 23 months imported in %.1f s%n", (System.nanoTime() - h0) / 1e9);
        }
        s.plant("2025-12", 1);
        byte[] month = csv(s, List.of("2025-12"));
        // DuckDB gets the same two months (wide: a row per unit and period) before we drop the generator
        Path wide = dir.resolve("two-months.csv");
        try (BufferedWriter w = Files.newBufferedWriter(wide)) {
            w.write("credit_code,period,stratum,output_value,sales_value,electricity\n");
            for (String p : List.of("2025-11", "2025-12")) {
                for (Unit u : s.units) {
                    double[] v = s.reports.get(p).get(u.creditCode());
                    if (v != null) {
                        w.write(u.creditCode() + "," + p + "," + Strata.key(u, List.of("industry_division", "county"))
                                + "," + v[0] + "," + v[2] + "," + v[5] + "\n");
                    }
                }
            }
        }
        List<Unit> units = s.units;
        s = null;
        System.gc();
        long t0 = System.nanoTime();
        var sum = r.imports.importReports(month, null, LocalDate.of(2026, 1, 5));
        long t1 = System.nanoTime();
        System.out.printf("province: import of one month (%d values, long CSV %.1f MB) %.2f s%n", sum.values(),
                month.length / 1e6, (t1 - t0) / 1e9);
        month = null;
        for (int i = 0; i < 3; i++) {
            System.gc();
            long a = System.nanoTime();
            int flags = r.runs.run("2025-12", null).size();
            long b = System.nanoTime();
            Runtime rt = Runtime.getRuntime();
            System.out.printf("province review:run %.2f s end to end, %d flags; read %d ms, in-memory review %d ms, "
                    + "store flags %d ms; heap used %d MB%n", (b - a) / 1e9, flags, r.runs.lastTimings()[0],
                    r.runs.lastTimings()[1], r.runs.lastTimings()[2], (rt.totalMemory() - rt.freeMemory()) >> 20);
        }
        compareReads("province", r, units, "2025-12", 3);
        long ours = r.runs.lastTimings()[0] + r.runs.lastTimings()[1] + r.runs.lastTimings()[2];
        long mem = r.runs.lastTimings()[1];
        duck(wide, units.size(), ours, mem);
    }

    static void duck(Path wide, int n, long oursMs, long memMs) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            long l0 = System.nanoTime();
            st.execute("CREATE TABLE r AS SELECT * FROM read_csv('" + wide + "', header = true, "
                    + "types = {'credit_code': 'VARCHAR', 'period': 'VARCHAR', 'stratum': 'VARCHAR'})");
            long l1 = System.nanoTime();
            String hb = "WITH v AS (SELECT credit_code, period, stratum, 'output_value' AS ind, output_value AS x FROM r"
                    + " UNION ALL SELECT credit_code, period, stratum, 'sales_value', sales_value FROM r"
                    + " UNION ALL SELECT credit_code, period, stratum, 'electricity', electricity FROM r),"
                    + " j AS (SELECT c.stratum, c.ind, c.credit_code, c.x AS x1, p.x AS x0, c.x / p.x AS ratio FROM v c"
                    + " JOIN v p ON p.credit_code = c.credit_code AND p.ind = c.ind AND p.period = '2025-11'"
                    + " WHERE c.period = '2025-12' AND c.x > 0 AND p.x > 0),"
                    + " m AS (SELECT stratum, ind, median(ratio) AS rm FROM j GROUP BY stratum, ind),"
                    + " e AS (SELECT j.*, m.rm, (CASE WHEN ratio < rm THEN 1 - rm / ratio ELSE ratio / rm - 1 END)"
                    + " * pow(greatest(x1, x0), 0.5) AS e FROM j JOIN m USING (stratum, ind)),"
                    + " q AS (SELECT stratum, ind, count(*) AS n, quantile_cont(e, 0.25) AS q1,"
                    + " quantile_cont(e, 0.5) AS em, quantile_cont(e, 0.75) AS q3 FROM e GROUP BY stratum, ind)"
                    + " SELECT count(*) FROM e JOIN q USING (stratum, ind) WHERE n >= 3 AND"
                    + " (e < em - 7 * greatest(em - q1, abs(0.05 * em)) OR e > em + 7 * greatest(q3 - em, abs(0.05 * em)))";
            long best = Long.MAX_VALUE;
            long outliers = 0;
            for (int i = 0; i < 3; i++) {
                long q0 = System.nanoTime();
                try (ResultSet rs = st.executeQuery(hb)) {
                    rs.next();
                    outliers = rs.getLong(1);
                }
                best = Math.min(best, System.nanoTime() - q0);
            }
            long strata;
            try (ResultSet rs = st.executeQuery("SELECT count(DISTINCT stratum) FROM r")) {
                rs.next();
                strata = rs.getLong(1);
            }
            double duckMs = best / 1e6;
            System.out.printf("DuckDB: load of the two months %.2f s; HB query (ratios, medians, quartiles, bounds; "
                    + "3 indicators, %d strata, no merging) best of 3 %.0f ms, %d outliers%n", (l1 - l0) / 1e9, strata,
                    duckMs, outliers);
            System.out.printf("ours end to end / DuckDB query = %.2f; ours in-memory / DuckDB query = %.2f%n",
                    oursMs / duckMs, memMs / duckMs);
        }
    }

    /**
     * The read of the panel as it was before (every value column of ten periods, a map lookup per row, the result
     * materialised), alternated with today's read on the same database: the baseline in the same run. Both panels
     * must give the same flags.
     */
    static void compareReads(String what, Rooms r, List<Unit> units, String period, int reps)
            throws Exception {
        MemoryStore st = STORES.get(r);
        FormSpec f = r.forms.specs().get(0);
        Map<String, Unit> byCode = new java.util.HashMap<>();
        units.forEach(u -> byCode.put(u.creditCode(), u));
        long bestOld = Long.MAX_VALUE;
        long bestNew = Long.MAX_VALUE;
        long[] olds = new long[reps];
        long[] news = new long[reps];
        Panel po = null;
        Panel pn = null;
        for (int i = 0; i < reps; i++) {
            System.gc();
            long a = System.nanoTime();
            try (Connection c = st.connection()) {
                po = baselineLoad(c, f, period, byCode);
            }
            long b = System.nanoTime();
            System.gc();
            long d = System.nanoTime();
            try (Connection c = st.connection()) {
                pn = r.runs.load(c, f, period, byCode);
            }
            long e = System.nanoTime();
            olds[i] = (b - a) / 1_000_000;
            news[i] = (e - d) / 1_000_000;
            bestOld = Math.min(bestOld, b - a);
            bestNew = Math.min(bestNew, e - d);
        }
        var fo = new Engine(f, po, r.runs.settings()).run().flags();
        var fn = new Engine(f, pn, r.runs.settings()).run().flags();
        System.out.printf("%s read of the panel: baseline ms %s, now ms %s; best %.0f -> %.0f ms, ratio %.2f; "
                + "same flags: %s (%d)%n", what, java.util.Arrays.toString(olds), java.util.Arrays.toString(news),
                bestOld / 1e6, bestNew / 1e6, (double) bestOld / bestNew, fo.equals(fn), fn.size());
    }

    /** The read before this change, kept here as the benchmark's baseline. */
    static Panel baselineLoad(Connection c, FormSpec f, String period, Map<String, Unit> units) throws Exception {
        Map<String, Integer> slots = org.statdesk.review.internal.tables.FormSlotTable.read(c, f.code());
        int[] slotOf = new int[f.indicators().size()];
        for (int j = 0; j < slotOf.length; j++) {
            slotOf[j] = slots.getOrDefault(f.indicators().get(j).code(), 0);
        }
        StringBuilder cols = new StringBuilder();
        for (int i = 1; i <= org.statdesk.review.internal.tables.ReportTable.SLOTS; i++) {
            cols.append(i > 1 ? ", " : "").append('v').append(i);
        }
        List<String> codes = new java.util.ArrayList<>();
        try (var ps = c.prepareStatement(
                "SELECT credit_code FROM rev_report WHERE period = ? AND form = ? ORDER BY credit_code")) {
            ps.setString(1, period);
            ps.setString(2, f.code());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    codes.add(rs.getString(1));
                }
            }
        }
        Map<String, Integer> index = new java.util.HashMap<>(codes.size() * 2);
        Unit[] info = new Unit[codes.size()];
        for (int i = 0; i < codes.size(); i++) {
            index.put(codes.get(i), i);
            info[i] = units.get(codes.get(i));
        }
        Panel p = new Panel(period, codes.toArray(new String[0]), info, f.indicators().size());
        try (var ps = c.prepareStatement("SELECT credit_code, " + cols + " FROM rev_report WHERE period = ? AND form = ?")) {
            for (int off : Panel.OFFSETS) {
                ps.setString(1, Period.shift(period, -off));
                ps.setString(2, f.code());
                double[][] x = p.x[off];
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Integer u = index.get(rs.getString(1));
                        if (u == null) {
                            continue;
                        }
                        for (int j = 0; j < slotOf.length; j++) {
                            if (slotOf[j] > 0) {
                                double v = rs.getDouble(1 + slotOf[j]);
                                x[j][u] = rs.wasNull() ? Double.NaN : v;
                            }
                        }
                    }
                }
            }
        }
        return p;
    }

    /** Import alone: two months of a fresh province database, each a new month (inserts and the journal's rows). */
    static void importOnly(Path dir, int n) throws Exception {
        Synth s = new Synth(n, "2025-12", 2, 5, 86);
        Rooms r = service(dir, "import" + System.nanoTime(), s.units);
        for (String p : s.periods) {
            byte[] month = csv(s, List.of(p));
            System.gc();
            long t0 = System.nanoTime();
            var errs = new org.statdesk.review.internal.imports.ErrorList();
            int read = org.statdesk.review.internal.imports.ReportFile.read(month, List.of(), errs).values().size();
            long tr = System.nanoTime();
            System.out.printf("  reading the file alone (%d values): %.2f s%n", read, (tr - t0) / 1e9);
            System.gc();
            t0 = System.nanoTime();
            var sum = r.imports.importReports(month, null, LocalDate.parse(Period.shift(p, 1) + "-03"));
            System.out.printf("import of %s: %d values, %d reports added, %.2f s%n", p, sum.values(), sum.added(),
                    (System.nanoTime() - t0) / 1e9);
        }
    }
}
