package org.statdesk.api.workbench;

import javax.swing.JComponent;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A workbench view (视图) contributed as a service. The workbench tracks views and places them on the Swing thread.
 * Service properties: {@link #ID}, {@link #TITLE} (Chinese), {@link #TITLE_EN}, {@link #SPECIALTY} (the feature it
 * belongs to, or {@code core}), {@link #AREA} ({@code navigator}, {@code editor} or {@code bottom}), {@link #ICON}
 * (optional resource path in the contributing bundle), {@link #PERMISSION} (optional: the permission a role needs to
 * see the view at all, as a command declares it; e.g. {@code user.list}).
 */
@ConsumerType
public interface View {
    String ID = "statdesk.view.id";
    String TITLE = "statdesk.view.title";
    String TITLE_EN = "statdesk.view.title.en";
    String SPECIALTY = "statdesk.view.specialty";
    String AREA = "statdesk.view.area";
    String ICON = "statdesk.view.icon";
    /** @since 1.3 */
    String PERMISSION = "statdesk.view.permission";

    /** Creates the view's component; called on the Swing thread. */
    JComponent create(ViewContext context);

    /** Releases what {@link #create} took; called on the Swing thread when the view closes. */
    default void dispose() {
    }
}
