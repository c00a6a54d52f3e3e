package org.statdesk.registry.internal;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.statdesk.audit.internal.TableInfo;
import org.statdesk.audit.internal.Verifier;

/**
 * Not a test (run by hand): import of a 100,000-unit register with all checks against H2's own CSVREAD bulk load
 * of the same file, then audit:verify over more than 1,000,000 journal entries. Uses H2 file databases like the
 * workstation. Usage: RegistryBenchmark [folder] [units] [entries].
 */
public final class RegistryBenchmark {
    private RegistryBenchmark() {
    }

    public static void main(String[] a) throws Exception {
        Path dir = Path.of(a.length > 0 ? a[0] : "target/bench");
        int units = a.length > 1 ? Integer.parseInt(a[1]) : 100_000;
        int entries = a.length > 2 ? Integer.parseInt(a[2]) : 1_000_000;
        Files.createDirectories(dir);
        for (Path p : Files.list(dir).toList()) {
            Files.delete(p);
        }
        Path csv = dir.resolve("register.csv");
        generate(csv, units, new Random(2021));
        System.out.printf("file: %d units, %.1f MB%n", units, Files.size(csv) / 1e6);

        // Baseline: H2 loads the same file into a keyed table with CSVREAD, no checks, no journal.
        org.statdesk.testing.MemoryStore base = new org.statdesk.testing.MemoryStore("jdbc:h2:file:" + dir.toAbsolutePath().resolve("base"));
        long t0 = System.nanoTime();
        try (Connection c = base.connection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE reg_base (credit_code VARCHAR(18) PRIMARY KEY, name VARCHAR(400),"
                    + " division_code VARCHAR(9), industry_code VARCHAR(5), revenue DECIMAL(18,3),"
                    + " qualification VARCHAR(200), address VARCHAR(400), statistician VARCHAR(100), phone VARCHAR(40),"
                    + " scale VARCHAR(10))");
            st.execute("INSERT INTO reg_base SELECT * FROM CSVREAD('" + csv.toAbsolutePath() + "', NULL, 'charset=UTF-8')");
        }
        double baseS = (System.nanoTime() - t0) / 1e9;
        base.close();
        System.out.printf("H2 CSVREAD baseline: %.2f s%n", baseS);

        Fixture fx = new Fixture("jdbc:h2:file:" + dir.toAbsolutePath().resolve("statdesk")
                + System.getProperty("bench.url.options", "")); // e.g. ";CACHE_SIZE=262144" to compare settings
        t0 = System.nanoTime();
        Imports.ImportResult r = fx.imports.importFile(csv, true);
        double importS = (System.nanoTime() - t0) / 1e9;
        long dups = r.findings().stream().filter(f -> f.check().equals("possible_duplicate")).count();
        System.out.printf("registry:import --admit: %.2f s (%.1f× baseline); imported %d, admitted %d, findings %d"
                + " (possible_duplicate %d)%n", importS, importS / baseS, r.imported(), r.admitted(),
                r.findings().size(), dups);

        // Reading the register as the enforcement draw does (issue 6): the city's counties on two threads.
        for (int run = 1; run <= 3; run++) {
            t0 = System.nanoTime();
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            List<java.util.concurrent.Future<List<org.statdesk.api.registry.Unit>>> parts = new ArrayList<>();
            for (var d : fx.reads.divisions().counties("620600")) {
                parts.add(pool.submit(() -> fx.reads.list(new org.statdesk.api.registry.UnitQuery(d.code(), null,
                        org.statdesk.api.registry.Unit.IN_REGISTER, null, null))));
            }
            int listed = 0;
            for (var f : parts) {
                listed += f.get().size();
            }
            pool.shutdown();
            System.out.printf("register list by county (as a draw reads it) run %d: %.2f s, %d units%n", run,
                    (System.nanoTime() - t0) / 1e9, listed);
        }

        // Fill the journal past the target with report-like rows of a guarded table, journaled as imports are.
        try (Connection c = fx.store.connection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE bench_report (report_key VARCHAR(40) PRIMARY KEY, amount DECIMAL(18,3))");
        }
        TableInfo bench = new TableInfo("bench_report", "report_key", List.of("amount"), "bench");
        fx.journal.addTable(bench);
        long have = countEntries(fx);
        int chunk = 100_000;
        int row = 0;
        long t1 = System.nanoTime();
        while (have < entries) {
            int n = (int) Math.min(chunk, entries - have);
            int start = row;
            fx.store.inTransaction(c -> {
                List<String> keys = new ArrayList<>(n);
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO bench_report VALUES (?, ?)")) {
                    for (int i = 0; i < n; i++) {
                        String k = "R" + (start + i);
                        keys.add(k);
                        ps.setString(1, k);
                        ps.setBigDecimal(2, java.math.BigDecimal.valueOf(start + i, 1));
                        ps.addBatch();
                        if (i % 5000 == 4999) {
                            ps.executeBatch();
                        }
                    }
                    ps.executeBatch();
                }
                fx.journal.recordRows(c, "bench_report", keys, "import", "benchmark");
                return null;
            });
            row += n;
            have += n;
        }
        System.out.printf("journal filled to %d entries in %.1f s%n", have, (System.nanoTime() - t1) / 1e9);
        List<TableInfo> tables = new ArrayList<>(fx.tables());
        tables.add(bench);
        for (int run = 1; run <= 3; run++) {
            t0 = System.nanoTime();
            Verifier.Result v;
            try (Connection c = fx.store.connection(); Connection second = fx.store.connection()) {
                v = Verifier.verify(c, second, tables); // as audit:verify runs it
            }
            System.out.printf("audit:verify run %d: %.2f s, ok=%s, %d entries, %d rows%n", run,
                    (System.nanoTime() - t0) / 1e9, v.ok(), v.entries(), v.rows());
        }
        fx.store.close();
    }

    private static long countEntries(Fixture fx) throws Exception {
        try (Connection c = fx.store.connection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM aud_journal")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static final String[] CLASSES = {"C1391", "C3011", "F5111", "F5211", "H6110", "H6210", "G5411", "I6511",
        "L7211", "M7320", "O8010", "R8710", "E4710", "K7010", "K7020", "D4411", "Q8411", "N7820"};
    static final String[] TRADES = {"商贸", "建材", "农机", "物流", "餐饮", "宾馆", "科技", "电力", "矿业", "食品", "建筑",
        "置业", "物业", "医疗", "文化", "环保"};

    /** A synthetic register: Wuwei's townships, mixed industries, revenues around the thresholds, a few below. */
    static void generate(Path file, int n, Random r) throws Exception {
        List<String> towns = DivisionsImpl.load().townships("6206").stream().map(d -> d.code()).toList();
        String chars = "金鑫华盛泰源丰瑞祥和兴隆恒昌达宏远通鼎新美佳博安康明德福利永光辉正宇天地春秋山水云海龙凤";
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(RegistryTest.HEADER);
            w.write('\n');
            for (int i = 0; i < n; i++) {
                String town = towns.get(r.nextInt(towns.size()));
                String code = Fixture.code(town.substring(0, 6), 30_000_000 + i);
                StringBuilder name = new StringBuilder();
                for (int k = 0; k < 2 + r.nextInt(2); k++) {
                    name.append(chars.charAt(r.nextInt(chars.length())));
                }
                name.append(TRADES[r.nextInt(TRADES.length)]).append(i).append("有限公司");
                String cls = CLASSES[r.nextInt(CLASSES.length)];
                double revenue = 1000 + r.nextInt(60_000);
                w.write(code + "," + name + "," + town + "," + cls + "," + revenue + ","
                        + (cls.startsWith("E") && r.nextInt(10) > 0 ? "施工总承包三级" : "") + ",某路" + r.nextInt(500)
                        + "号,统计员" + i + ",1390000" + String.format("%04d", i % 10000) + ","
                        + (r.nextInt(5) == 0 ? "below" : "") + "\n");
            }
        }
    }
}
