package org.statdesk.charts.internal;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Map;
import org.statdesk.testing.FakeReview;
import org.statdesk.testing.ListRegister;

/**
 * Benchmark (not a test): the variance chart of 2,000 units to a 1200×800 PNG, warm. Target ≤ 300 ms. The model
 * comes from a fake of the review's comparisons, so this measures the chart's own work (model from the
 * comparisons, chart, drawing, PNG); what the review's comparisons cost is the review's (its panel read).
 * Run: {@code mvn -q test-compile} then
 * {@code java -Djava.awt.headless=true -cp target/classes:target/test-classes:<jfreechart>:<jfreesvg>:<api>:<testing>
 * org.statdesk.charts.internal.VarianceBenchmark [units] [rounds]}.
 */
public final class VarianceBenchmark {
    private VarianceBenchmark() {
    }

    public static void main(String[] a) throws Exception {
        int units = a.length > 0 ? Integer.parseInt(a[0]) : 2000;
        int rounds = a.length > 1 ? Integer.parseInt(a[1]) : 30;
        Object[] demo = Fakes.demo(units);
        ChartServiceImpl s = new ChartServiceImpl((FakeReview) demo[0], (Fakes.Compare) demo[2], (ListRegister) demo[1], "zh");
        Map<String, String> p = Map.of("period", "2024-06", "indicator", "output_value");
        long cold = time(s, p);
        for (int i = 0; i < 15; i++) {
            time(s, p);
        }
        long[] t = new long[rounds];
        long bytes = 0;
        for (int i = 0; i < rounds; i++) {
            t[i] = time(s, p);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        s.export("variance", p, "png", 1200, 800, out);
        bytes = out.size();
        // Phases of one warm run: model, chart building, drawing, PNG encoding.
        long t0 = System.nanoTime();
        ChartData.VarianceModel m = s.data().variance("2024-06", "output_value", null);
        long t1 = System.nanoTime();
        org.jfree.chart.JFreeChart c = s.charts().variance(m);
        long t2 = System.nanoTime();
        java.awt.image.BufferedImage img = ChartServiceImpl.render(c, 1200, 800);
        long t3 = System.nanoTime();
        ChartServiceImpl.writePng(img, new ByteArrayOutputStream());
        long t4 = System.nanoTime();
        Arrays.sort(t);
        System.out.printf("variance chart, %d units, 1200x800 PNG (%d bytes): cold %d ms; warm over %d runs: "
                + "min %.1f ms, median %.1f ms, p90 %.1f ms, max %.1f ms%n", units, bytes, cold / 1_000_000, rounds,
                t[0] / 1e6, t[rounds / 2] / 1e6, t[(int) (rounds * 0.9)] / 1e6, t[rounds - 1] / 1e6);
        System.out.printf("phases: model %.1f ms, chart %.1f ms, draw %.1f ms, png %.1f ms%n", (t1 - t0) / 1e6,
                (t2 - t1) / 1e6, (t3 - t2) / 1e6, (t4 - t3) / 1e6);
    }

    private static long time(ChartServiceImpl s, Map<String, String> p) throws Exception {
        long t = System.nanoTime();
        s.export("variance", p, "png", 1200, 800, new ByteArrayOutputStream());
        return System.nanoTime() - t;
    }
}
