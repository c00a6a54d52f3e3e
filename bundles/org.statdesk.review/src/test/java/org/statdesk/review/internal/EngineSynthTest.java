package org.statdesk.review.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.statdesk.api.review.Flag;

/**
 * The target on realistic data: every planted fault is flagged, and at most 10% of the clean units get any flag in
 * a month, January and February (Spring Festival, 1-2月 reports) included.
 */
class EngineSynthTest {
    private static final FormSpec FORM = TestForms.spec(TestForms.industrial());

    @Test
    void everyPlantedFaultIsFlaggedAndFewCleanUnitsAre() {
        Synth s = new Synth(1500, "2025-12", 36, 42, 4);
        for (String period : List.of("2025-01", "2025-02", "2025-03", "2025-07", "2025-12")) {
            List<Synth.Fault> planted = s.plant(period, period.hashCode());
            Engine.Result r = new Engine(FORM, s.panel(period), Settings.defaults()).run();
            for (Synth.Fault f : planted) {
                boolean found = r.flags().stream().anyMatch(fl -> fl.creditCode().equals(f.creditCode())
                        && fl.indicator().equals(f.indicator()) && expectedKind(f.what()).contains(fl.kind()));
                assertTrue(found, period + ": planted " + f + " not flagged; flags of the unit: " + r.flags().stream()
                        .filter(fl -> fl.creditCode().equals(f.creditCode())).toList());
            }
            Set<String> flaggedClean = r.flags().stream().map(Flag::creditCode)
                    .filter(c -> !s.faulty.contains(c)).collect(Collectors.toSet());
            double share = flaggedClean.size() / (double) (r.reported() - planted.size());
            System.out.printf("%s: %d flags, %d clean units flagged (%.1f%%)%n", period, r.flags().size(),
                    flaggedClean.size(), share * 100);
            assertTrue(share <= 0.10, period + ": " + flaggedClean.size() + " clean units flagged");
            s.faulty.clear();
        }
    }

    private static Set<String> expectedKind(String what) {
        switch (what) {
            case "slip1000": case "slip10": case "slip_tenth": return Set.of("unit_slip");
            case "mom": return Set.of("comparative", "hb");
            case "hb": return Set.of("hb");
            default: return Set.of("logical");
        }
    }

    @Test
    void slipsSuppressTheirOwnComparativeFlagsAndScoreHighest() {
        Synth s = new Synth(600, "2024-06", 14, 7, 4);
        List<Synth.Fault> planted = s.plant("2024-06", 1);
        Engine.Result r = new Engine(FORM, s.panel("2024-06"), Settings.defaults()).run();
        Synth.Fault slip = planted.stream().filter(f -> f.what().equals("slip1000")).findFirst().orElseThrow();
        List<Flag> ofSlip = r.flags().stream().filter(f -> f.creditCode().equals(slip.creditCode())
                && f.indicator().equals("output_value")).toList();
        assertTrue(ofSlip.stream().noneMatch(f -> f.kind().equals("comparative") || f.kind().equals("hb")), ofSlip
                .toString());
        // 1,000 times its figure moves the total most: the unit comes first
        assertEquals(slip.creditCode(), r.flags().get(0).creditCode());
        Set<Double> scores = new HashSet<>();
        r.flags().forEach(f -> scores.add(f.score()));
        for (int i = 1; i < r.flags().size(); i++) {
            assertTrue(r.flags().get(i - 1).score() >= r.flags().get(i).score());
        }
    }
}
