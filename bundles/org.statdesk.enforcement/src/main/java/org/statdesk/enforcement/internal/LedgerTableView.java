package org.statdesk.enforcement.internal;

import javax.swing.JComponent;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.workbench.View;
import org.statdesk.api.workbench.ViewContext;

/** The workbench's rectification ledger with progress per county. */
@Component(service = View.class, property = {View.ID + "=enforcement.ledger",
        View.TITLE + "=问题台账", View.TITLE_EN + "=Rectification ledger",
        View.SPECIALTY + "=enforcement", View.AREA + "=editor"})
public final class LedgerTableView implements View {
    private final Ledger ledger;
    private final Bureau bureau;

    @Activate
    public LedgerTableView(@Reference Ledger ledger, @Reference Bureau bureau) {
        this.ledger = ledger;
        this.bureau = bureau;
    }

    @Override
    public JComponent create(ViewContext context) {
        return Views.ledgerView(ledger, bureau);
    }
}
