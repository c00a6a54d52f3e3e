package org.statdesk.enforcement.internal;

import javax.swing.JComponent;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.workbench.View;
import org.statdesk.api.workbench.ViewContext;

/** The workbench's list of draws and the targets of the one selected. */
@Component(service = View.class, property = {View.ID + "=enforcement.draws",
        View.TITLE + "=双随机抽取", View.TITLE_EN + "=Double-random draws",
        View.SPECIALTY + "=enforcement", View.AREA + "=editor"})
public final class DrawListView implements View {
    private final Draws draws;

    @Activate
    public DrawListView(@Reference Draws draws) {
        this.draws = draws;
    }

    @Override
    public JComponent create(ViewContext context) {
        return Views.drawView(draws);
    }
}
