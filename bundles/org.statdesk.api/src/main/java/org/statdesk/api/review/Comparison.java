package org.statdesk.api.review;

import java.util.List;

/**
 * What the review found for one unit and one indicator of a period in its month-on-month comparison (比较), as the
 * review engine computed it: charts and views draw this, they compute no statistics of their own.
 * <ul>
 * <li>{@code name} and {@code county} are the unit's as the register gives them (the credit code and null for a
 * unit no longer in it).</li>
 * <li>{@code current} and {@code previous} are the figures compared: this period's and {@code previousPeriod}'s. A
 * unit that reported January and February together ({@code combined}, 1-2月) is compared per month against December:
 * {@code current} is then the combined figure per month (half of it for a monthly flow) and {@code previousPeriod}
 * December.</li>
 * <li>{@code stratum} is the key of the stratum the unit was tested in after merging upward (e.g.
 * {@code C13×620602}; {@code *} for all units), {@code stratumSize} its units; {@code stratum} is null and the
 * figures below NaN when even the top stratum had fewer than 3 units (not tested).</li>
 * <li>{@code medianRatio} is the stratum's median ratio; {@code bandLow}/{@code bandHigh} the ratios beyond which a
 * month-on-month flag is raised (median ratio ÷ and × the band factor).</li>
 * <li>{@code size} is HB's size max(current, previous); {@code effect} the unit's HB effect E, {@code effectMedian}
 * the stratum's median E and {@code effectLower}/{@code effectUpper} its bounds; {@code ratioLower}/
 * {@code ratioUpper} those bounds as ratios for a unit of this size (NaN where no ratio reaches the bound).
 * {@code outlier} is HB's verdict.</li>
 * <li>{@code flagRules} are the rules of the stored flags of the unit and indicator for the period (from the last
 * review run; empty: not flagged).</li>
 * </ul>
 */
public record Comparison(String creditCode, String name, String indicator, String county, String stratum, int stratumSize,
        String period, double current, String previousPeriod, double previous, boolean combined, double ratio,
        double medianRatio, double bandLow, double bandHigh, double size, double effect, double effectMedian,
        double effectLower, double effectUpper, double ratioLower, double ratioUpper, boolean outlier,
        List<String> flagRules) {

    public Comparison {
        flagRules = List.copyOf(flagRules);
    }

    /** Whether the last review run flagged the unit on this indicator (by any rule). */
    public boolean flagged() {
        return !flagRules.isEmpty();
    }

    /** Whether the unit was tested (its stratum had 3 units or more). */
    public boolean tested() {
        return stratum != null;
    }
}
