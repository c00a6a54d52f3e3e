package org.statdesk.api.review;

/**
 * A review flag (审核疑问): {@code kind} is {@code logical}, {@code comparative}, {@code unit_slip}, {@code hb} or
 * {@code records} (confronted with administrative records or the ledger, since 1.4);
 * {@code severity} {@code error} or {@code warning}; {@code status} {@code open}, {@code explained},
 * {@code corrected}, {@code confirmed} or {@code closed}. {@code expected} is null when there is no expectation.
 */
public record Flag(long id, String creditCode, String period, String indicator, String rule, String kind,
        String severity, double value, Double expected, double score, String message, String status) {
}
