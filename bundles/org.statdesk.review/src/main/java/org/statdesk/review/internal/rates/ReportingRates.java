package org.statdesk.review.internal.rates;

import java.util.List;
import java.util.Map;
import org.statdesk.api.review.ReviewService.Rates;

/** 上报率, 及时率 and 准确率 of a period by county and specialty. */
public interface ReportingRates {
    /** One row of the rates table: county (or {@code all}) and specialty (or {@code all}). */
    record RateRow(String county, String specialty, Rates rates) {
    }

    List<RateRow> rateRows(String period, String specialty);

    /** Every due unit's filing of the period, as the rates count them. */
    List<org.statdesk.api.review.ReviewService.Filing> filings(String period, String specialty);

    /** County code (and {@code all}) to its rates: of the specialty when given, of all specialties else. */
    default Map<String, Rates> rates(String period, String specialty) {
        Map<String, Rates> out = new java.util.TreeMap<>();
        for (RateRow r : rateRows(period, specialty)) {
            if (specialty != null || r.specialty().equals("all")) {
                out.put(r.county(), r.rates());
            }
        }
        return out;
    }
}
