package org.statdesk.enforcement.internal;

import javax.swing.JComponent;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.workbench.View;
import org.statdesk.api.workbench.ViewContext;

/** The workbench's interference register by quarter, with a form to record an entry. */
@Component(service = View.class, property = {View.ID + "=enforcement.interference",
        View.TITLE + "=干预记录", View.TITLE_EN + "=Interference register",
        View.SPECIALTY + "=enforcement", View.AREA + "=editor"})
public final class InterferenceRegisterView implements View {
    private final Interference interference;
    private final Bureau bureau;

    @Activate
    public InterferenceRegisterView(@Reference Interference interference, @Reference Bureau bureau) {
        this.interference = interference;
        this.bureau = bureau;
    }

    @Override
    public JComponent create(ViewContext context) {
        return Views.interferenceView(interference, bureau);
    }
}
