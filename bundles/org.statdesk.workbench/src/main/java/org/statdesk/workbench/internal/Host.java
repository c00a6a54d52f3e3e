package org.statdesk.workbench.internal;

import javax.swing.Icon;
import javax.swing.JComponent;
import org.statdesk.api.workbench.View;

/** A tracked view in the window and where it stands (its area, its tab, whether the person closed it). */
final class Host {
    final Object key;
    final View view;
    final String id;
    final String title;
    final String specialty;
    final String area;
    final Icon icon;
    /** The permission a role needs to see the view ({@link View#PERMISSION}); null: everyone. */
    String permission;
    ContextImpl context;
    JComponent component;
    boolean closedByUser;
    /** OSGi service.ranking: higher first in its area; then by id, so tabs keep one order whatever arrives first. */
    int rank;

    Host(Object key, View view, String id, String title, String specialty, String area, Icon icon) {
        this.key = key;
        this.view = view;
        this.id = id;
        this.title = title;
        this.specialty = specialty;
        this.area = area;
        this.icon = icon;
    }

    static final java.util.Comparator<Host> ORDER = java.util.Comparator.<Host>comparingInt(x -> -x.rank)
            .thenComparing(x -> x.id);
}
