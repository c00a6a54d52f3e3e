package org.statdesk.workbench.internal;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.util.List;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTable;
import javax.swing.ListSelectionModel;
import javax.swing.SwingUtilities;
import javax.swing.table.DefaultTableModel;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.feature.FeatureManager;
import org.statdesk.api.feature.FeatureManager.BundleInfo;
import org.statdesk.api.feature.FeatureManager.FeatureInfo;
import org.statdesk.api.workbench.View;
import org.statdesk.api.workbench.ViewContext;

/**
 * The feature manager view (功能管理): features and their bundles (versions, states); enable or disable a feature
 * live. A disabled feature's views leave the window because their services go away.
 */
@Component(service = View.class, property = {View.ID + "=statdesk.workbench.features", View.TITLE + "=功能管理",
    View.TITLE_EN + "=Features", View.SPECIALTY + "=core", View.AREA + "=editor"})
public class FeaturesView implements View {
    /** What feature:enable and feature:disable need. */
    static final String PERMISSION = "admin.features";
    private final FeatureManager features;
    private final Texts texts;

    @Activate
    public FeaturesView(@Reference FeatureManager features, BundleContext ctx) {
        this(features, Texts.of(ctx.getProperty("statdesk.locale")));
    }

    FeaturesView(FeatureManager features, Texts texts) {
        this.features = features;
        this.texts = texts;
    }

    @Override
    public JComponent create(ViewContext ctx) {
        DefaultTableModel fm = model("name", "enabled", "required");
        DefaultTableModel bm = model("bundle", "version", "state");
        JTable ft = new JTable(fm);
        ft.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        ft.setRowHeight(26);
        JTable bt = new JTable(bm);
        bt.setRowHeight(24);
        JPanel root = new JPanel(new BorderLayout());
        List<FeatureInfo>[] current = new List[] {List.of()};
        Runnable refresh = () -> ctx.runInBackground(texts.get("features.refresh"), c -> {
            List<FeatureInfo> list = features.features();
            SwingUtilities.invokeLater(() -> {
                current[0] = list;
                fm.setRowCount(0);
                for (FeatureInfo f : list) {
                    fm.addRow(new Object[] {features.title(f.name(), texts.language()),
                        f.enabled() ? texts.get("features.yes") : "", f.required() ? texts.get("features.yes") : ""});
                }
                bm.setRowCount(0);
            });
        });
        ft.getSelectionModel().addListSelectionListener(e -> {
            int row = ft.getSelectedRow();
            bm.setRowCount(0);
            if (row >= 0 && row < current[0].size()) {
                for (BundleInfo b : current[0].get(row).bundles()) {
                    bm.addRow(new Object[] {b.symbolicName(), b.version(), bundleState(b.state())});
                }
            }
        });
        JButton enable = new JButton(texts.get("features.enable"));
        JButton disable = new JButton(texts.get("features.disable"));
        JButton reload = new JButton(texts.get("features.refresh"));
        for (JButton b : List.of(enable, disable)) {
            boolean on = b == enable;
            b.addActionListener(e -> {
                int row = ft.getSelectedRow();
                if (row < 0) {
                    return;
                }
                String name = current[0].get(row).name();
                String title = features.title(name, texts.language());
                // Disabling takes the specialty's views, flags and commands away at once: asked first.
                if (!on && !Dialogs.confirm(root, texts, texts.get("features.disable.ask", title))) {
                    return;
                }
                ctx.runInBackground(texts.get("features.working", title), c -> {
                    if (on) {
                        features.enable(name);
                    } else {
                        features.disable(name);
                    }
                    SwingUtilities.invokeLater(refresh);
                });
            });
        }
        // The same permission the feature:enable and feature:disable commands declare.
        enable.setEnabled(ctx.allows(PERMISSION));
        disable.setEnabled(ctx.allows(PERMISSION));
        enable.setName("features.enable");
        disable.setName("features.disable");
        reload.addActionListener(e -> refresh.run());
        JPanel bar = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 3));
        bar.add(enable);
        bar.add(disable);
        bar.add(reload);
        root.add(bar, BorderLayout.NORTH);
        JSplitPane split = new JSplitPane(JSplitPane.VERTICAL_SPLIT, new JScrollPane(ft), new JScrollPane(bt));
        split.setResizeWeight(0.5);
        split.setBorder(null);
        root.add(split, BorderLayout.CENTER);
        refresh.run();
        return root;
    }

    /** An OSGi bundle state in words (ACTIVE is 运行中). */
    String bundleState(String state) {
        String s = texts.get("features.state." + state);
        return s.startsWith("features.state.") ? state : s;
    }

    private DefaultTableModel model(String... cols) {
        DefaultTableModel m = new DefaultTableModel() {
            private static final long serialVersionUID = 1L;

            @Override
            public boolean isCellEditable(int r, int c) {
                return false;
            }
        };
        for (String c : cols) {
            m.addColumn(texts.get("features.col." + c));
        }
        return m;
    }
}
