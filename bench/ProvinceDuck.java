import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;

/**
 * The peer of bench/province: DuckDB in process (JDBC), on the same files. Each run opens a fresh in-memory database,
 * loads the register and both months with read_csv, then computes in one query what the review's HB test needs:
 * month-on-month ratios of the compared indicators (output_value, sales_value, electricity), stratum medians
 * (industry division × county), the HB effects E, their quartiles per stratum and the bounds (U, A, C), counting the
 * outliers. Strata with fewer than MIN_STRATUM testable units are left out (the review merges them upward instead).
 * Usage: ProvinceDuck UNITS.csv MONTH1.csv MONTH2.csv PERIOD1 PERIOD2 RUNS. Prints one line per run:
 * {@code load_ms=.. query_ms=.. total_ms=.. outliers=.. pairs=.. strata=..}, after one untimed warm-up run (the native
 * library's first load).
 */
public final class ProvinceDuck {
    private static final double U = 0.5;
    private static final double A = 0.05;
    private static final double C = 7;
    private static final int MIN_STRATUM = 10;

    public static void main(String[] a) throws Exception {
        int runs = Integer.parseInt(a[5]);
        for (int r = 0; r <= runs; r++) {
            String line = once(a[0], a[1], a[2], a[3], a[4]);
            if (r > 0) {
                System.out.println(line);
            }
        }
    }

    private static String lit(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    static String once(String units, String month1, String month2, String p1, String p2) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            long t0 = System.nanoTime();
            st.execute("CREATE TABLE unit AS SELECT * FROM read_csv(" + lit(units) + ", header = true, "
                    + "all_varchar = true)");
            for (String[] m : new String[][] {{"m1", month1}, {"m2", month2}}) {
                st.execute("CREATE TABLE " + m[0] + " AS SELECT * FROM read_csv(" + lit(m[1]) + ", header = true, "
                        + "columns = {'credit_code': 'VARCHAR', 'period': 'VARCHAR', 'indicator': 'VARCHAR', "
                        + "'value': 'DOUBLE'})");
            }
            long t1 = System.nanoTime();
            String q = String.format(Locale.ROOT, """
                    WITH pair AS (
                      SELECT substr(u.industry_code, 1, 3) || '×' || substr(u.division_code, 1, 6) AS stratum,
                             cur.indicator, cur.value AS x1, prev.value AS x0, cur.value / prev.value AS ratio
                      FROM m2 cur
                      JOIN m1 prev ON prev.credit_code = cur.credit_code AND prev.indicator = cur.indicator
                      JOIN unit u ON u.credit_code = cur.credit_code
                      WHERE cur.period = %1$s AND prev.period = %2$s
                        AND cur.indicator IN ('output_value', 'sales_value', 'electricity')
                        AND cur.value > 0 AND prev.value > 0),
                    med AS (SELECT stratum, indicator, median(ratio) AS rm FROM pair GROUP BY ALL),
                    eff AS (
                      SELECT p.stratum, p.indicator,
                             (CASE WHEN p.ratio < m.rm THEN 1 - m.rm / p.ratio ELSE p.ratio / m.rm - 1 END)
                               * pow(greatest(p.x1, p.x0), %3$s) AS e
                      FROM pair p JOIN med m USING (stratum, indicator)),
                    spread AS (
                      SELECT stratum, indicator, count(*) AS n, quantile_cont(e, 0.25) AS q1,
                             quantile_cont(e, 0.5) AS em, quantile_cont(e, 0.75) AS q3
                      FROM eff GROUP BY ALL)
                    SELECT (SELECT count(*) FROM pair) AS pairs,
                           (SELECT count(DISTINCT stratum) FROM pair) AS strata,
                           count(*) FILTER (WHERE e < em - %5$s * greatest(em - q1, abs(%4$s * em))
                                              OR e > em + %5$s * greatest(q3 - em, abs(%4$s * em))) AS outliers
                    FROM eff JOIN spread USING (stratum, indicator)
                    WHERE n >= %6$d
                    """, lit(p2), lit(p1), U, A, C, MIN_STRATUM);
            long pairs;
            long strata;
            long outliers;
            try (ResultSet rs = st.executeQuery(q)) {
                rs.next();
                pairs = rs.getLong(1);
                strata = rs.getLong(2);
                outliers = rs.getLong(3);
            }
            long t2 = System.nanoTime();
            return String.format(Locale.ROOT, "load_ms=%d query_ms=%d total_ms=%d outliers=%d pairs=%d strata=%d",
                    (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t2 - t0) / 1_000_000, outliers, pairs, strata);
        }
    }
}
