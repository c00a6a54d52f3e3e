package org.statdesk.api.review;

import java.util.List;

/**
 * An indicator (指标) of a report form. {@code kind} is {@code month} (this month's flow), {@code ytd} (year to
 * date, 累计) or {@code stock} (end-of-period level). {@code aliases} are the other headers a file may give its column
 * besides the code and the Chinese {@code name} (工业总产值当年价格 for 工业总产值): the form's owner declares them.
 */
public record Indicator(String code, String name, String unit, String kind, List<String> aliases) {
    public Indicator {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    public Indicator(String code, String name, String unit, String kind) {
        this(code, name, unit, kind, List.of());
    }
}
