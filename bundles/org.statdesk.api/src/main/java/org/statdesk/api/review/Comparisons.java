package org.statdesk.api.review;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The review's month-on-month comparisons of a period (比较), unit by unit, as its engine tests them: what charts
 * draw about a unit's stratum, bands, HB bounds and flags.
 */
@ProviderType
public interface Comparisons {
    /**
     * Every unit of the form that holds {@code indicator} (among the forms of {@code specialty}, or of all when
     * null; the first by form code) with both figures compared positive, in no particular order; empty when no
     * enabled form holds the indicator. For an indicator the review does not compare, the figures are those it
     * would compare, and no comparative flag exists.
     */
    List<Comparison> comparisons(String period, String indicator, String specialty);

    /** The settings comparisons are now made with. */
    Parameters parameters();

    /**
     * HB's U, A and C, the minimum stratum size before merging upward, the month-on-month band factor; {@code source}
     * names the configuration they come from, null for the review's defaults.
     */
    record Parameters(double hbU, double hbA, double hbC, int minStratum, double momBand, String source) {
    }
}
