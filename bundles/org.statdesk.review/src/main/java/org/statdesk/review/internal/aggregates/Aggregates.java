package org.statdesk.review.internal.aggregates;

import java.util.List;

/** County and city totals (汇总) of every indicator with their growth, marked unless the period is released. */
public interface Aggregates {
    /** What every total, chart and export of a month not released carries. */
    String NOT_FOR_PUBLICATION = org.statdesk.api.review.ReviewService.NOT_FOR_PUBLICATION;

    /** A total of one indicator for a county (or the city) with its growth; null growth where there is no base. */
    record Total(String area, String indicator, String name, String unit, double value, Double mom, Double yoy) {
    }

    record Aggregate(String period, String specialty, String form, String status, boolean forPublication,
            String notice, String note, List<Total> totals) {
    }

    List<Aggregate> aggregate(String period, String specialty);
}
