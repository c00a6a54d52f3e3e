package org.statdesk.review.internal;

import java.util.Arrays;
import java.util.Set;

/**
 * A hand-made unit for the rules of one form: figures by code for this and last month; an indicator not set is not
 * reported (NaN), as for a unit whose kind of business does not report it.
 */
final class SpecialtyCase {
    private final FormSpec form;
    private final double[] cur;
    private double[] prev;

    SpecialtyCase(FormSpec form) {
        this.form = form;
        this.cur = nan();
    }

    private double[] nan() {
        double[] a = new double[form.indicators().size()];
        Arrays.fill(a, Double.NaN);
        return a;
    }

    private int at(String code) {
        int j = form.indexOf(code);
        if (j < 0) {
            throw new IllegalArgumentException(code);
        }
        return j;
    }

    SpecialtyCase now(String code, double v) {
        cur[at(code)] = v;
        return this;
    }

    SpecialtyCase before(String code, double v) {
        if (prev == null) {
            prev = nan();
        }
        prev[at(code)] = v;
        return this;
    }

    /** The logical flags as rule/indicator. */
    Set<String> flags(String period) {
        return RulesTest.rules(form, period, prev, cur);
    }
}
