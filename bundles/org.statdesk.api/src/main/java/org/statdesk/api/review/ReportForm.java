package org.statdesk.api.review;

import java.net.URL;
import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A monthly report form (报表) contributed by a specialty bundle as a service. The review bundle tracks these; the
 * form that applies to a unit follows the unit's specialty in the register.
 */
@ConsumerType
public interface ReportForm {
    /** Form code, e.g. {@code B204-1}. */
    String code();

    /** Chinese title of the form. */
    String title();

    /** The register specialty whose units report on this form, e.g. {@code industrial}. */
    String specialty();

    List<Indicator> indicators();

    /** Indicators compared month-on-month and year-on-year (对比审核). */
    List<String> comparedIndicators();

    /** The rules file (a resource of the contributing bundle): rules are data, not code. */
    URL rules();

    /**
     * Strata for comparative edits and HB, finest first, as register fields: e.g. {@code industry_division},
     * {@code county}; merged upward while too small.
     */
    List<String> stratification();

    /** Day of the following month by which a report counts as on time (及时). */
    int deadlineDay();

    /**
     * Which indicators are confronted with which administrative records (行政记录对比), since 1.4: a source of
     * {@code org.statdesk.api.records.Records} ({@code tax}, {@code power}) to the indicators that carry its figure,
     * in order of preference (a unit is confronted on the first of them it reported), e.g. {@code tax} to
     * {@code [sales_value]}. A year-to-date indicator is confronted month by month (the difference of consecutive
     * year-to-date values). The ledger ({@code ledger}) needs no declaration: every indicator is compared with it.
     */
    default Map<String, List<String>> confronted() {
        return Map.of();
    }
}
