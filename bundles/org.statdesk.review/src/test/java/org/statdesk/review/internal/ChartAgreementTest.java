package org.statdesk.review.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.statdesk.api.review.Flag;
import org.statdesk.charts.internal.ChartData;
import org.statdesk.charts.internal.ChartData.Point;
import org.statdesk.charts.internal.ChartData.VarianceModel;
import org.statdesk.review.internal.compare.ComparisonsImpl;
import org.statdesk.testing.ListRegister;
import org.statdesk.testing.MemoryStore;
import org.statdesk.testing.RecordingJournal;

/**
 * The variance chart says of every unit what the review run said: the review imports and runs a February with
 * 1-2月 reports in it, and the chart model, built from the review's comparisons, agrees with the run's flags unit by
 * unit (stratum and its size, median, bands, HB bounds, outlier, flagged), the 1-2月 units included.
 */
class ChartAgreementTest {
    private static final String FEB = "2025-02";
    private static final String IND = "output_value";

    @Test
    void theChartAndTheEngineAgreeUnitByUnitInAFebruaryWithJanuaryFebruaryReports() throws Exception {
        Synth synth = new Synth(900, FEB, 14, 23, 3);
        synth.plant(FEB, 5);
        MemoryStore store = MemoryStore.withOwnMigrations();
        ListRegister register = new ListRegister(synth.units);
        Rooms rooms = new Rooms(store, RecordingJournal.inMemory(), register, Settings.defaults())
                .with(TestForms.industrial());
        ReviewServiceImpl review = rooms.service;
        StringWriter w = new StringWriter();
        synth.writeLong(w, synth.periods);
        rooms.imports.importReports(w.toString().getBytes(StandardCharsets.UTF_8), null, LocalDate.of(2025, 3, 4));
        List<Flag> flags = review.run(FEB, "industrial");

        ChartData chart = new ChartData(review, ComparisonsImpl.of(rooms.runs, rooms.forms, rooms.flags, store,
                rooms.scope, (String) null), register);
        VarianceModel m = chart.variance(FEB, IND, "industrial");

        // the units that reported January and February together, and that the former chart dropped for want of a
        // January figure
        Map<String, Double> january = review.values("2025-01", IND);
        Set<String> combined = new HashSet<>();
        for (Map.Entry<String, double[]> e : synth.reports.get(FEB).entrySet()) {
            if (!january.containsKey(e.getKey()) && e.getValue()[0] > 0
                    && synth.reports.get("2024-12").get(e.getKey()) != null) {
                combined.add(e.getKey());
            }
        }
        assertTrue(combined.size() > 10, "1-2月 units in the panel: " + combined.size());
        Set<String> drawnCombined = new HashSet<>();
        m.points().stream().filter(Point::combined).forEach(p -> drawnCombined.add(p.code()));
        assertEquals(combined, drawnCombined, "every 1-2月 unit is drawn, as such");

        int hbFlags = 0;
        int momFlags = 0;
        for (Point p : m.points()) {
            List<Flag> own = flags.stream().filter(f -> f.creditCode().equals(p.code()) && f.indicator().equals(IND))
                    .toList();
            assertEquals(!own.isEmpty(), p.flagged(), p.code() + " " + own);
            boolean slipped = own.stream().anyMatch(f -> f.rule().equals("unit_slip"));
            Flag hb = own.stream().filter(f -> f.rule().equals("hb")).findFirst().orElse(null);
            Flag mom = own.stream().filter(f -> f.rule().equals("mom")).findFirst().orElse(null);
            // HB: the chart's outlier is the run's HB flag (a unit slip suppresses the HB flag of its figure)
            assertEquals(p.hbOutlier() && !slipped, hb != null, p.code() + " outlier " + p.hbOutlier() + " " + own);
            // the bounds drawn are the bounds tested: an outlier lies beyond them, every other unit within
            boolean beyond = p.changePct() > p.hbHigh() || !Double.isNaN(p.hbLow()) && p.changePct() < p.hbLow();
            assertEquals(p.hbOutlier(), beyond, p.code() + " " + p);
            // the band drawn is the band tested
            boolean outsideBand = p.stratum() != null && (p.changePct() > p.bandHigh() || p.changePct() < p.bandLow());
            assertEquals(outsideBand && !slipped, mom != null, p.code() + " " + p + " " + own);
            double median = (p.bandHigh() / 100 + 1) / 2;
            String stratum = "同层（" + ("*".equals(p.stratum()) ? "全部" : p.stratum()) + "，" + p.stratumSize() + "家）";
            if (hb != null) {
                hbFlags++;
                assertTrue(hb.message().contains(stratum + String.format(Locale.ROOT, "中位数%.2f", median)),
                        hb.message() + " vs " + p);
            }
            if (mom != null) {
                momFlags++;
                assertTrue(mom.message().contains(stratum + String.format(Locale.ROOT, "中位数%+.1f%%",
                        (median - 1) * 100)), mom.message() + " vs " + p);
            }
        }
        System.out.printf("%s: %d units drawn, %d of them 1-2月; %d HB and %d month-on-month flags agree%n", FEB,
                m.points().size(), combined.size(), hbFlags, momFlags);
        assertTrue(hbFlags > 0 && momFlags > 0, "HB " + hbFlags + ", month on month " + momFlags);
        long flaggedCombined = m.points().stream().filter(p -> p.combined() && p.stratum() != null).count();
        assertTrue(flaggedCombined > 0, "the 1-2月 units are tested");
        // and every flag of the indicator that compares months has its unit on the chart
        Set<String> drawn = new HashSet<>();
        m.points().forEach(p -> drawn.add(p.code()));
        for (Flag f : flags) {
            if (f.indicator().equals(IND) && (f.rule().equals("hb") || f.rule().equals("mom"))) {
                assertTrue(drawn.contains(f.creditCode()), "flagged but not drawn: " + f);
            }
        }
        assertFalse(m.points().isEmpty());
    }
}
