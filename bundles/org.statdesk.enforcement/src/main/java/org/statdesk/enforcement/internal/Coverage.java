package org.statdesk.enforcement.internal;

import java.util.Map;

/** Achieved coverage (核查面) of a year's active draw per stratum: targets actually checked over population. */
interface Coverage {
    record StratumCoverage(int population, int drawn, int checked, double target, Double drawnShare,
            Double achievedShare, boolean met) {
    }

    record Report(int year, Long drawId, Map<String, StratumCoverage> strata) {
    }

    Report of(int year) throws Exception;
}
