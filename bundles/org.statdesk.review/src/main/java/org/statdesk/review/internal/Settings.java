package org.statdesk.review.internal;

/**
 * Review settings: HB's U, A and C; the minimum stratum size before merging upward; the bands of month-on-month
 * and year-on-year change relative to the stratum median (a factor: 2 flags a unit moving more than twice or less
 * than half its stratum's median move); the tolerance factor around 10, 1,000, 10,000 times (and their inverses)
 * for unit slips, and how many recent months make the unit's own median.
 */
public record Settings(double hbU, double hbA, double hbC, int minStratum, double momBand, double yoyBand,
        double slipTolerance, int slipHistory) {

    public static Settings defaults() {
        return new Settings(0.5, 0.05, 7, 10, 2.0, 2.0, 1.6, 6);
    }
}
