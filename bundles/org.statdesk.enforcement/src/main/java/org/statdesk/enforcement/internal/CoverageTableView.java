package org.statdesk.enforcement.internal;

import javax.swing.JComponent;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.workbench.View;
import org.statdesk.api.workbench.ViewContext;

/** The workbench's coverage of a year's draw per stratum. */
@Component(service = View.class, property = {View.ID + "=enforcement.coverage",
        View.TITLE + "=抽查覆盖率", View.TITLE_EN + "=Draw coverage",
        View.SPECIALTY + "=enforcement", View.AREA + "=editor"})
public final class CoverageTableView implements View {
    private final Coverage coverage;
    private final Bureau bureau;

    @Activate
    public CoverageTableView(@Reference Coverage coverage, @Reference Bureau bureau) {
        this.coverage = coverage;
        this.bureau = bureau;
    }

    @Override
    public JComponent create(ViewContext context) {
        return Views.coverageView(coverage, bureau);
    }
}
