package org.statdesk.workbench.internal;

import java.awt.BorderLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.swing.BorderFactory;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextField;
import javax.swing.JTree;
import javax.swing.SwingWorker;
import javax.swing.Timer;
import javax.swing.tree.DefaultMutableTreeNode;
import javax.swing.tree.DefaultTreeModel;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.registry.Divisions;
import org.statdesk.api.registry.Register;
import org.statdesk.api.registry.Unit;
import org.statdesk.api.registry.UnitQuery;
import org.statdesk.api.workbench.View;
import org.statdesk.api.workbench.ViewContext;

/** The register navigator (名录导航): county → township → unit, filtered by the perspective's specialty and text. */
@Component(service = View.class, property = {View.ID + "=statdesk.workbench.navigator", View.TITLE + "=名录导航",
    View.TITLE_EN + "=Register", View.SPECIALTY + "=core", View.AREA + "=navigator"})
public class NavigatorView implements View {
    private final Register register;
    private final Texts texts;

    @Activate
    public NavigatorView(@Reference Register register, BundleContext ctx) {
        this(register, Texts.of(ctx.getProperty("statdesk.locale")));
    }

    NavigatorView(Register register, Texts texts) {
        this.register = register;
        this.texts = texts;
    }

    /** A unit's tree node: shows its name, carries its code. */
    record UnitNode(String code, String name) {
        @Override
        public String toString() {
            return name;
        }
    }

    @Override
    public JComponent create(ViewContext ctx) {
        JPanel root = new JPanel(new BorderLayout());
        JTextField filter = new JTextField();
        filter.putClientProperty("JTextField.placeholderText", texts.get("nav.filter"));
        filter.putClientProperty("JTextField.showClearButton", true);
        JLabel count = new JLabel(" ");
        count.setBorder(BorderFactory.createEmptyBorder(2, 6, 2, 6));
        JTree tree = new JTree(new DefaultMutableTreeNode());
        tree.setRootVisible(false);
        tree.setShowsRootHandles(true);
        tree.setName("navigator.tree");
        JPanel top = new JPanel(new BorderLayout());
        top.setBorder(BorderFactory.createEmptyBorder(4, 4, 4, 4));
        top.add(filter, BorderLayout.CENTER);
        root.add(top, BorderLayout.NORTH);
        root.add(new JScrollPane(tree), BorderLayout.CENTER);
        root.add(count, BorderLayout.SOUTH);
        Runnable reload = () -> load(ctx, tree, count, filter.getText().trim());
        // Typing filters after a short pause rather than on every key stroke.
        Timer debounce = new Timer(250, e -> reload.run());
        debounce.setRepeats(false);
        filter.getDocument().addDocumentListener(new javax.swing.event.DocumentListener() {
            public void insertUpdate(javax.swing.event.DocumentEvent e) {
                debounce.restart();
            }

            public void removeUpdate(javax.swing.event.DocumentEvent e) {
                debounce.restart();
            }

            public void changedUpdate(javax.swing.event.DocumentEvent e) {
                debounce.restart();
            }
        });
        tree.addTreeSelectionListener(e -> {
            Object n = e.getPath().getLastPathComponent();
            if (n instanceof DefaultMutableTreeNode d && d.getUserObject() instanceof UnitNode u) {
                ctx.selectUnit(u.code());
            }
        });
        ctx.onSpecialtyChange(s -> reload.run());
        reload.run();
        return root;
    }

    private void load(ViewContext ctx, JTree tree, JLabel count, String text) {
        String specialty = ctx.specialty();
        new SwingWorker<DefaultMutableTreeNode, Void>() {
            int units;

            @Override
            protected DefaultMutableTreeNode doInBackground() {
                List<Unit> list = register.list(new UnitQuery(null, specialty, null, null,
                        text.isEmpty() ? null : text));
                units = list.size();
                return build(list, register.divisions());
            }

            @Override
            protected void done() {
                try {
                    DefaultMutableTreeNode r = get();
                    tree.setModel(new DefaultTreeModel(r));
                    // Few enough to see: open counties (and townships when searching).
                    for (int i = 0; i < tree.getRowCount() && i < 400; i++) {
                        Object n = tree.getPathForRow(i).getLastPathComponent();
                        if (((DefaultMutableTreeNode) n).getLevel() < (text.isEmpty() ? 1 : 2)) {
                            tree.expandRow(i);
                        }
                    }
                    count.setText(texts.get("nav.units", units));
                } catch (Exception e) {
                    count.setText(String.valueOf(e.getCause() == null ? e : e.getCause()));
                }
            }
        }.execute();
    }

    static DefaultMutableTreeNode build(List<Unit> units, Divisions divisions) {
        Map<String, Map<String, List<Unit>>> byCounty = new TreeMap<>();
        for (Unit u : units) {
            byCounty.computeIfAbsent(u.countyCode(), k -> new TreeMap<>())
                    .computeIfAbsent(u.divisionCode(), k -> new ArrayList<>()).add(u);
        }
        DefaultMutableTreeNode root = new DefaultMutableTreeNode();
        for (Map.Entry<String, Map<String, List<Unit>>> c : byCounty.entrySet()) {
            DefaultMutableTreeNode county = new DefaultMutableTreeNode(label(divisions, c.getKey()));
            for (Map.Entry<String, List<Unit>> t : c.getValue().entrySet()) {
                DefaultMutableTreeNode township = new DefaultMutableTreeNode(label(divisions, t.getKey()));
                t.getValue().sort(java.util.Comparator.comparing(Unit::name));
                for (Unit u : t.getValue()) {
                    township.add(new DefaultMutableTreeNode(new UnitNode(u.creditCode(), u.name()), false));
                }
                county.add(township);
            }
            root.add(county);
        }
        return root;
    }

    private static String label(Divisions d, String code) {
        if (code == null) {
            return "?";
        }
        return d == null ? code : d.find(code).map(x -> x.name() + " " + code).orElse(code);
    }
}
