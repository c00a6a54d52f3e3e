package org.statdesk.review.internal;

import java.util.List;
import org.statdesk.api.review.Indicator;
import org.statdesk.api.review.ReportForm;
import org.statdesk.industrial.internal.IndustrialForm;
import org.statdesk.services.internal.ServicesForm;
import org.statdesk.trade.internal.TradeForm;

/**
 * The specialty forms as the review sees them: the specialty bundles' own form components (test-scope dependencies),
 * so that a test reviews with the very indicators and rules files a workstation has.
 */
final class TestForms {
    static final List<Indicator> INDUSTRIAL = new IndustrialForm().indicators();
    static final List<Indicator> TRADE = new TradeForm().indicators();
    static final List<Indicator> SERVICES = new ServicesForm().indicators();

    private TestForms() {
    }

    static ReportForm industrial() {
        return new IndustrialForm();
    }

    static ReportForm trade() {
        return new TradeForm();
    }

    static ReportForm services() {
        return new ServicesForm();
    }

    static FormSpec spec(ReportForm f) {
        return org.statdesk.review.internal.forms.FormCatalogueImpl.compile(f);
    }
}
