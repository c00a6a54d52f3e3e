package org.statdesk.review.internal;

import java.util.List;
import java.util.Map;
import org.statdesk.api.review.Indicator;

/**
 * A report form as the review engine uses it: indicators in form order, rules compiled, strata fields, and which
 * indicators are confronted with which records (source to indicator codes, as the form declares them).
 */
public record FormSpec(String code, String title, String specialty, List<Indicator> indicators,
        List<String> compared, List<RuleSet.Compiled> rules, List<String> stratification, int deadlineDay,
        Map<String, List<String>> confronted) {

    public FormSpec {
        confronted = confronted == null ? Map.of() : Map.copyOf(confronted);
    }

    /** A form confronted with no records but its ledger. */
    public FormSpec(String code, String title, String specialty, List<Indicator> indicators, List<String> compared,
            List<RuleSet.Compiled> rules, List<String> stratification, int deadlineDay) {
        this(code, title, specialty, indicators, compared, rules, stratification, deadlineDay, Map.of());
    }

    public int indexOf(String indicator) {
        for (int i = 0; i < indicators.size(); i++) {
            if (indicators.get(i).code().equals(indicator)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether an indicator is confronted with a source of records (its earlier months are read). */
    public boolean isConfronted(String indicator) {
        return confronted.values().stream().anyMatch(codes -> codes.contains(indicator));
    }
}
