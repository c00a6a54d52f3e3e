package org.statdesk.review.internal.flags;

import org.statdesk.api.review.Flag;

/** One flag as the commands' JSON contract writes it (expected to 3 decimals, score to 8). */
public record FlagOut(long id, String creditCode, String indicator, String rule, String kind, String severity,
        double value, Double expected, double score, String message, String status) {
    public static FlagOut of(Flag f) {
        return new FlagOut(f.id(), f.creditCode(), f.indicator(), f.rule(), f.kind(), f.severity(), f.value(),
                f.expected() == null ? null : Math.round(f.expected() * 1000) / 1000.0,
                Math.round(f.score() * 1e8) / 1e8, f.message(), f.status());
    }
}
