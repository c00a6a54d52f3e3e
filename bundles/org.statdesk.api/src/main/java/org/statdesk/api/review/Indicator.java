package org.statdesk.api.review;

/**
 * An indicator (指标) of a report form. {@code kind} is {@code month} (this month's flow), {@code ytd} (year to
 * date, 累计) or {@code stock} (end-of-period level).
 */
public record Indicator(String code, String name, String unit, String kind) {
}
