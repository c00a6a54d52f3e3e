package org.statdesk.api.review;

import java.net.URL;
import java.util.List;
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
}
