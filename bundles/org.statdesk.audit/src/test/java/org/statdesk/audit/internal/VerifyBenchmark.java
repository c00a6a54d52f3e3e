package org.statdesk.audit.internal;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Not a test (run by hand): audit:verify over a journal of N entries (default 1,000,000) in an H2 file database, as
 * the workstation has it: imports of 100,000 rows and many small commands, each transaction ending on a signed
 * checkpoint. Times the database-only checks (what verify did before checkpoints and anchors) and the whole verify
 * with signatures and anchors, alternately, in the same run. Usage: VerifyBenchmark [folder] [entries] [commands].
 * <pre>
 * mvn -q -o test-compile -pl bundles/org.statdesk.audit
 * java -cp bundles/org.statdesk.audit/target/test-classes:bundles/org.statdesk.audit/target/classes:$CP \
 *     org.statdesk.audit.internal.VerifyBenchmark
 * </pre>
 */
public final class VerifyBenchmark {
    private VerifyBenchmark() {
    }

    public static void main(String[] a) throws Exception {
        Path dir = Path.of(a.length > 0 ? a[0] : "target/verify-bench").toAbsolutePath();
        int entries = a.length > 1 ? Integer.parseInt(a[1]) : 1_000_000;
        int commands = a.length > 2 ? Integer.parseInt(a[2]) : 5_000;
        if (Files.exists(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
        TestStore store = new TestStore("jdbc:h2:file:" + dir.resolve("db/statdesk"))
                .apply("/db/migration/V1__audit_journal.sql").apply("/db/migration/V2__audit_checkpoints.sql");
        try (Connection c = store.connection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE bench_report (report_key VARCHAR(40) PRIMARY KEY, amount DECIMAL(18,3))");
        }
        TableInfo bench = new TableInfo("bench_report", "report_key", List.of("amount"), "bench");
        JournalImpl journal = new JournalImpl(store, () -> "bench", Trustee.inDataFolder(dir, () -> "bench"), null);
        journal.addTable(bench);
        long t0 = System.nanoTime();
        int bulk = entries - commands;
        for (int start = 0; start < bulk; start += 100_000) {
            int n = Math.min(100_000, bulk - start);
            int from = start;
            store.inTransaction(c -> {
                List<String> keys = new ArrayList<>(n);
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO bench_report VALUES (?, ?)")) {
                    for (int i = 0; i < n; i++) {
                        keys.add("R" + (from + i));
                        ps.setString(1, "R" + (from + i));
                        ps.setBigDecimal(2, BigDecimal.valueOf(from + i, 1));
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                journal.recordRows(c, "bench_report", keys, "import", "benchmark");
                return null;
            });
        }
        for (int i = 0; i < commands; i++) {
            String k = "R" + (i * 37 % Math.max(1, bulk));
            store.inTransaction(c -> {
                try (Statement st = c.createStatement()) {
                    st.executeUpdate("UPDATE bench_report SET amount = amount + 1 WHERE report_key = '" + k + "'");
                }
                journal.recordRow(c, "bench_report", k, "amount", null, null, "更正");
                return null;
            });
        }
        try (Connection c = store.connection()) {
            journal.anchoredHead(c);
        }
        System.out.printf("journal of %d entries, %d transactions, filled in %.1f s%n", entries,
                bulk / 100_000 + commands, (System.nanoTime() - t0) / 1e9);
        for (int run = 1; run <= 3; run++) {
            try (Connection c = store.connection(); Connection second = store.connection()) {
                t0 = System.nanoTime();
                Verifier.Result r = Verifier.verify(c, second, List.of(bench));
                double dbOnly = (System.nanoTime() - t0) / 1e9;
                t0 = System.nanoTime();
                Verifier.Result full = journal.verify(c, second, null);
                double whole = (System.nanoTime() - t0) / 1e9;
                System.out.printf("run %d: database-only checks %.2f s (ok=%s); with %d checkpoints and anchors"
                        + " %.2f s (ok=%s)%n", run, dbOnly, r.ok(), full.checkpoints(), whole, full.ok());
            }
        }
        store.close();
    }
}
