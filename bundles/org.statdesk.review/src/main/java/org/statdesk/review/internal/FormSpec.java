package org.statdesk.review.internal;

import java.util.List;
import org.statdesk.api.review.Indicator;

/** A report form as the review engine uses it: indicators in form order, rules compiled, strata fields. */
public record FormSpec(String code, String title, String specialty, List<Indicator> indicators,
        List<String> compared, List<RuleSet.Compiled> rules, List<String> stratification, int deadlineDay) {

    public int indexOf(String indicator) {
        for (int i = 0; i < indicators.size(); i++) {
            if (indicators.get(i).code().equals(indicator)) {
                return i;
            }
        }
        return -1;
    }
}
