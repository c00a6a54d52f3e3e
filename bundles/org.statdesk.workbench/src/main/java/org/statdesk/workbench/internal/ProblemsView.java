package org.statdesk.workbench.internal;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.FlowLayout;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.ListSelectionModel;
import javax.swing.SwingUtilities;
import javax.swing.SwingWorker;
import javax.swing.table.AbstractTableModel;
import javax.swing.table.DefaultTableCellRenderer;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.registry.Register;
import org.statdesk.api.registry.Unit;
import org.statdesk.api.registry.UnitQuery;
import org.statdesk.api.review.Flag;
import org.statdesk.api.review.Indicator;
import org.statdesk.api.review.ReportForm;
import org.statdesk.api.review.ReviewService;
import org.statdesk.api.workbench.View;
import org.statdesk.api.workbench.ViewContext;

/**
 * The Problems view (问题): review flags of the period by score, filtered by severity, rule and county; a selected
 * flag opens its unit's chart; explain / correct / confirm go to the review service, which journals them.
 */
@Component(service = View.class, property = {View.ID + "=statdesk.workbench.problems", View.TITLE + "=问题",
    View.TITLE_EN + "=Problems", View.SPECIALTY + "=core", View.AREA + "=bottom"})
public class ProblemsView implements View {
    static final String SERIES_VIEW = "statdesk.charts.series";
    private final ReviewService review;
    private final Register register;
    private final Texts texts;
    final List<Panel> panels = new ArrayList<>();

    @Activate
    public ProblemsView(@Reference ReviewService review, @Reference Register register, BundleContext ctx) {
        this(review, register, Texts.of(ctx.getProperty("statdesk.locale")));
    }

    ProblemsView(ReviewService review, Register register, Texts texts) {
        this.review = review;
        this.register = register;
        this.texts = texts;
    }

    @Override
    public JComponent create(ViewContext ctx) {
        Panel p = new Panel(ctx);
        panels.add(p);
        return p.root;
    }

    @Override
    public void dispose() {
        panels.clear();
    }

    final class Panel {
        final ViewContext ctx;
        final JPanel root = new JPanel(new BorderLayout());
        final FlagModel model = new FlagModel();
        final JTable table = new JTable(model);
        final JComboBox<String> severity = new JComboBox<>();
        final JComboBox<String> rule = new JComboBox<>();
        final JComboBox<Choice> county = new JComboBox<>();
        final JLabel count = new JLabel();
        List<Flag> all = List.of();
        Map<String, Unit> units = Map.of();
        Map<String, String> indicatorNames = Map.of();
        private boolean filling;

        Panel(ViewContext ctx) {
            this.ctx = ctx;
            table.setName("problems.table");
            table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
            table.setAutoCreateRowSorter(false);
            table.setRowHeight(26);
            table.setFillsViewportHeight(true);
            int[] widths = {80, 60, 100, 230, 80, 110, 100, 100, 320, 70};
            for (int i = 0; i < widths.length; i++) {
                table.getColumnModel().getColumn(i).setPreferredWidth(widths[i]);
            }
            table.setDefaultRenderer(Object.class, new Renderer());
            table.getSelectionModel().addListSelectionListener(e -> {
                if (!e.getValueIsAdjusting()) {
                    Flag f = selected();
                    if (f != null) {
                        ctx.showView(SERIES_VIEW);
                        ctx.selectFlag(f);
                    }
                }
            });
            JPanel bar = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 3));
            JButton run = new JButton(texts.get("problems.run"));
            run.addActionListener(e -> runReview());
            bar.add(run);
            bar.add(new JLabel("  " + texts.get("problems.severity")));
            bar.add(severity);
            bar.add(new JLabel(texts.get("problems.rule")));
            bar.add(rule);
            bar.add(new JLabel(texts.get("problems.county")));
            bar.add(county);
            for (String[] a : new String[][] {{"explained", "problems.explain"}, {"corrected", "problems.correct"},
                {"confirmed", "problems.confirm"}}) {
                JButton b = new JButton(texts.get(a[1]));
                b.setName("problems." + a[0]);
                b.addActionListener(e -> askAndResolve(a[0]));
                bar.add(b);
            }
            bar.add(count);
            severity.addActionListener(e -> applyFilter());
            rule.addActionListener(e -> applyFilter());
            county.addActionListener(e -> applyFilter());
            root.add(bar, BorderLayout.NORTH);
            root.add(new JScrollPane(table), BorderLayout.CENTER);
            root.putClientProperty(Panel.class, this);
            ctx.onPeriodChange(p -> reload());
            ctx.onSpecialtyChange(s -> reload());
            reload();
        }

        Flag selected() {
            int row = table.getSelectedRow();
            return row < 0 ? null : model.rows.get(row);
        }

        void reload() {
            String period = ctx.period();
            String specialty = ctx.specialty();
            new SwingWorker<Object[], Void>() {
                @Override
                protected Object[] doInBackground() {
                    List<Flag> flags = review.flags(period, specialty);
                    Map<String, Unit> u = new HashMap<>();
                    for (Unit x : register.list(new UnitQuery(null, specialty, null, null, null))) {
                        u.put(x.creditCode(), x);
                    }
                    Map<String, String> names = new HashMap<>();
                    for (ReportForm f : review.forms()) {
                        for (Indicator i : f.indicators()) {
                            names.putIfAbsent(i.code(), i.name());
                        }
                    }
                    return new Object[] {flags, u, names};
                }

                @SuppressWarnings("unchecked")
                @Override
                protected void done() {
                    try {
                        Object[] r = get();
                        if (!Objects.equals(period, ctx.period())) {
                            return;
                        }
                        all = (List<Flag>) r[0];
                        units = (Map<String, Unit>) r[1];
                        indicatorNames = (Map<String, String>) r[2];
                        fillFilters();
                        applyFilter();
                    } catch (Exception e) {
                        count.setText(String.valueOf(e.getCause() == null ? e : e.getCause().getMessage()));
                    }
                }
            }.execute();
        }

        private void fillFilters() {
            filling = true;
            Object sev = severity.getSelectedItem();
            Object rl = rule.getSelectedItem();
            Object ct = county.getSelectedItem();
            severity.removeAllItems();
            severity.addItem(texts.get("problems.all"));
            severity.addItem(texts.get("problems.error"));
            severity.addItem(texts.get("problems.warning"));
            rule.removeAllItems();
            rule.addItem(texts.get("problems.all"));
            TreeSet<String> rules = new TreeSet<>();
            TreeSet<String> counties = new TreeSet<>();
            for (Flag f : all) {
                rules.add(f.rule());
                Unit u = units.get(f.creditCode());
                if (u != null) {
                    counties.add(u.countyCode());
                }
            }
            rules.forEach(rule::addItem);
            county.removeAllItems();
            county.addItem(new Choice(null, texts.get("problems.all")));
            for (String c : counties) {
                String name = register.divisions() == null ? c
                        : register.divisions().find(c).map(d -> d.name()).orElse(c);
                county.addItem(new Choice(c, name));
            }
            if (sev != null) {
                severity.setSelectedItem(sev);
            }
            if (rl != null && rules.contains(rl)) {
                rule.setSelectedItem(rl);
            }
            if (ct != null) {
                for (int i = 0; i < county.getItemCount(); i++) {
                    if (county.getItemAt(i).equals(ct)) {
                        county.setSelectedIndex(i);
                    }
                }
            }
            filling = false;
        }

        void applyFilter() {
            if (filling) {
                return;
            }
            int sev = severity.getSelectedIndex();
            String r = rule.getSelectedIndex() <= 0 ? null : (String) rule.getSelectedItem();
            Choice c = (Choice) county.getSelectedItem();
            List<Flag> rows = new ArrayList<>();
            for (Flag f : all) {
                if (sev == 1 && !"error".equals(f.severity()) || sev == 2 && !"warning".equals(f.severity())) {
                    continue;
                }
                if (r != null && !r.equals(f.rule())) {
                    continue;
                }
                if (c != null && c.key() != null) {
                    Unit u = units.get(f.creditCode());
                    if (u == null || !c.key().equals(u.countyCode())) {
                        continue;
                    }
                }
                rows.add(f);
            }
            // Highest score first: the units that move the total most come first (selective editing).
            rows.sort((a, b) -> Double.compare(b.score(), a.score()));
            long keep = selected() == null ? -1 : selected().id();
            model.set(rows);
            count.setText("   " + texts.get("problems.count", rows.size(), all.size()));
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).id() == keep) {
                    table.setRowSelectionInterval(i, i);
                }
            }
        }

        /** Selects the flag with this id (tests and links from other views). */
        boolean select(long flagId) {
            for (int i = 0; i < model.rows.size(); i++) {
                if (model.rows.get(i).id() == flagId) {
                    table.setRowSelectionInterval(i, i);
                    table.scrollRectToVisible(table.getCellRect(i, 0, true));
                    return true;
                }
            }
            return false;
        }

        void runReview() {
            String period = ctx.period();
            String specialty = ctx.specialty();
            ctx.runInBackground(texts.get("problems.running", period), cancelled -> {
                review.run(period, specialty);
                if (!cancelled.getAsBoolean()) {
                    SwingUtilities.invokeLater(this::reload);
                }
            });
        }

        private void askAndResolve(String action) {
            Flag f = selected();
            if (f == null) {
                return;
            }
            JTextField text = new JTextField(30);
            JTextField value = new JTextField(12);
            JTextField reason = new JTextField(30);
            JPanel form = new JPanel(new GridBagLayout());
            GridBagConstraints g = new GridBagConstraints();
            g.insets = new Insets(4, 4, 4, 4);
            g.anchor = GridBagConstraints.WEST;
            int row = 0;
            form.add(new JLabel(f.message()), at(g, 0, row++, 2));
            if (!"confirmed".equals(action)) {
                form.add(new JLabel(texts.get("problems.dialog.text")), at(g, 0, row, 1));
                form.add(text, at(g, 1, row++, 1));
            }
            if ("corrected".equals(action)) {
                form.add(new JLabel(texts.get("problems.dialog.value")), at(g, 0, row, 1));
                form.add(value, at(g, 1, row++, 1));
            }
            form.add(new JLabel(texts.get("problems.dialog.reason")), at(g, 0, row, 1));
            form.add(reason, at(g, 1, row, 1));
            String title = texts.get("problems.dialog." + switch (action) {
                case "corrected" -> "correct";
                case "confirmed" -> "confirm";
                default -> "explain";
            });
            while (JOptionPane.showConfirmDialog(root, form, title, JOptionPane.OK_CANCEL_OPTION,
                    JOptionPane.PLAIN_MESSAGE) == JOptionPane.OK_OPTION) {
                String problem = check(action, value.getText(), reason.getText());
                if (problem == null) {
                    resolve(f, action, text.getText().trim(), parse(value.getText()), reason.getText().trim());
                    return;
                }
                JOptionPane.showMessageDialog(root, problem, title, JOptionPane.WARNING_MESSAGE);
            }
        }

        private GridBagConstraints at(GridBagConstraints g, int x, int y, int w) {
            g.gridx = x;
            g.gridy = y;
            g.gridwidth = w;
            return g;
        }

        /** A reason always; a number for a correction. Null when the input is fine. */
        String check(String action, String value, String reason) {
            if (reason == null || reason.isBlank()) {
                return texts.get("problems.dialog.needReason");
            }
            if ("corrected".equals(action) && parse(value) == null) {
                return texts.get("problems.dialog.badValue", value);
            }
            return null;
        }

        private Double parse(String v) {
            try {
                return v == null || v.isBlank() ? null : Double.valueOf(v.trim().replace(",", ""));
            } catch (NumberFormatException e) {
                return null;
            }
        }

        /** Resolves off the Swing thread; the review service journals the change in the same transaction. */
        void resolve(Flag f, String action, String text, Double revised, String reason) {
            ctx.runInBackground(texts.get("problems.resolving"), cancelled -> {
                review.resolve(f.id(), action, text, revised, reason);
                SwingUtilities.invokeLater(this::reload);
            });
        }

        final class FlagModel extends AbstractTableModel {
            private static final long serialVersionUID = 1L;
            private final String[] cols = {"score", "severity", "rule", "unit", "county", "indicator", "value",
                "expected", "message", "status"};
            private final DecimalFormat amount = new DecimalFormat("#,##0.##");
            private final DecimalFormat score = new DecimalFormat("0.000");
            List<Flag> rows = List.of();

            void set(List<Flag> r) {
                rows = r;
                fireTableDataChanged();
            }

            @Override
            public int getRowCount() {
                return rows.size();
            }

            @Override
            public int getColumnCount() {
                return cols.length;
            }

            @Override
            public String getColumnName(int c) {
                return texts.get("problems.col." + cols[c]);
            }

            @Override
            public Object getValueAt(int r, int c) {
                Flag f = rows.get(r);
                Unit u = units.get(f.creditCode());
                return switch (cols[c]) {
                    case "score" -> score.format(f.score());
                    case "severity" -> "error".equals(f.severity()) ? texts.get("problems.error")
                            : texts.get("problems.warning");
                    case "rule" -> f.rule();
                    case "unit" -> u == null ? f.creditCode() : u.name();
                    case "county" -> u == null ? "" : register.divisions() == null ? u.countyCode()
                            : register.divisions().find(u.countyCode()).map(d -> d.name()).orElse(u.countyCode());
                    case "indicator" -> indicatorNames.getOrDefault(f.indicator(), f.indicator());
                    case "value" -> amount.format(f.value());
                    case "expected" -> f.expected() == null ? "" : amount.format(f.expected());
                    case "message" -> f.message();
                    default -> texts.status(f.status());
                };
            }
        }

        final class Renderer extends DefaultTableCellRenderer {
            private static final long serialVersionUID = 1L;

            @Override
            public java.awt.Component getTableCellRendererComponent(JTable t, Object v, boolean sel, boolean focus, int row,
                    int col) {
                super.getTableCellRendererComponent(t, v, sel, focus, row, col);
                Flag f = model.rows.get(row);
                setBorder(BorderFactory.createEmptyBorder(0, 6, 0, 6));
                setHorizontalAlignment(col == 0 || col == 6 || col == 7 ? RIGHT : LEFT);
                if (!sel) {
                    setForeground(col == 1 && "error".equals(f.severity()) ? new Color(0xC6, 0x28, 0x28)
                            : !"open".equals(f.status()) ? Color.GRAY : t.getForeground());
                }
                return this;
            }
        }
    }

    record Choice(String key, String label) {
        @Override
        public String toString() {
            return label;
        }
    }
}
