package org.statdesk.enforcement.internal;

import javax.swing.JComponent;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.workbench.View;
import org.statdesk.api.workbench.ViewContext;

/** The workbench's list of cases, overdue ones red; selecting one selects its unit. */
@Component(service = View.class, property = {View.ID + "=enforcement.cases",
        View.TITLE + "=统计违法案件", View.TITLE_EN + "=Violation cases",
        View.SPECIALTY + "=enforcement", View.AREA + "=editor"})
public final class CaseListView implements View {
    private final Cases cases;

    @Activate
    public CaseListView(@Reference Cases cases) {
        this.cases = cases;
    }

    @Override
    public JComponent create(ViewContext context) {
        return Views.casesView(cases, context);
    }
}
