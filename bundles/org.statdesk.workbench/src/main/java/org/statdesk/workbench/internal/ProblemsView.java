package org.statdesk.workbench.internal;

import java.awt.BorderLayout;
import java.awt.CardLayout;
import java.awt.FlowLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.ListSelectionModel;
import javax.swing.SwingConstants;
import javax.swing.SwingUtilities;
import javax.swing.SwingWorker;
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
 * The Problems view (问题), as Eclipse's: the period's review flags sortable by every column, filtered by status (the
 * finished ones hidden at first), severity, rule (by its title) and county, grouped by unit on request; several
 * rows at once for a bulk confirm; a context menu; export to CSV. Explain / correct / confirm / close go to the
 * review service, which journals them; the table then shows the values as they are now.
 */
@Component(service = View.class, property = {View.ID + "=statdesk.workbench.problems", View.TITLE + "=问题",
    View.TITLE_EN + "=Problems", View.SPECIALTY + "=core", View.AREA + "=bottom"})
public class ProblemsView implements View {
    static final String SERIES_VIEW = "statdesk.charts.series";
    /** Status filter: the flags still to work on (open, explained, corrected), finished ones, all. */
    static final String[] STATUS_FILTERS = {"unfinished", "finished", "all"};
    final ReviewService review;
    final Register register;
    final Texts texts;
    final Path dataFolder;
    final List<Panel> panels = new ArrayList<>();

    @Activate
    public ProblemsView(@Reference ReviewService review, @Reference Register register, BundleContext ctx) {
        this(review, register, Texts.of(ctx.getProperty("statdesk.locale")),
                ctx.getProperty("statdesk.data") == null ? null : Path.of(ctx.getProperty("statdesk.data")));
    }

    ProblemsView(ReviewService review, Register register, Texts texts) {
        this(review, register, texts, null);
    }

    ProblemsView(ReviewService review, Register register, Texts texts, Path dataFolder) {
        this.review = review;
        this.register = register;
        this.texts = texts;
        this.dataFolder = dataFolder;
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

    static boolean finished(Flag f) {
        return "confirmed".equals(f.status()) || "closed".equals(f.status());
    }

    final class Panel implements FlagTable.Names {
        final ViewContext ctx;
        final JPanel root = new JPanel(new BorderLayout());
        final FlagTable flags = new FlagTable(texts, this);
        final FlagTable.Model model = flags.model;
        final JTable table = flags.table;
        final JComboBox<Shell.Choice> status = new JComboBox<>();
        final JComboBox<String> severity = new JComboBox<>();
        final JComboBox<Shell.Choice> rule = new JComboBox<>();
        final JComboBox<Shell.Choice> county = new JComboBox<>();
        final JCheckBox group = new JCheckBox(texts.get("problems.group"));
        final JLabel count = new JLabel();
        final JLabel hint = new JLabel("", SwingConstants.CENTER);
        final JPanel cards = new JPanel(new CardLayout());
        final FlagActions actions;
        List<Flag> all = List.of();
        Map<String, Unit> units = Map.of();
        Map<String, String> indicatorNames = Map.of();
        Map<String, String> formRules = Map.of();
        Map<String, Map<String, Double>> current = Map.of();
        private boolean filling;

        Panel(ViewContext ctx) {
            this.ctx = ctx;
            this.actions = new FlagActions(this);
            table.setName("problems.table");
            table.setSelectionMode(ListSelectionModel.MULTIPLE_INTERVAL_SELECTION);
            table.setRowHeight(26);
            table.setFillsViewportHeight(true);
            int[] widths = {70, 60, 150, 230, 90, 110, 100, 100, 320, 70};
            for (int i = 0; i < widths.length; i++) {
                table.getColumnModel().getColumn(i).setPreferredWidth(widths[i]);
            }
            table.getSelectionModel().addListSelectionListener(e -> {
                if (!e.getValueIsAdjusting() && !filling) {
                    Flag f = selected();
                    if (f != null && table.getSelectedRowCount() == 1) {
                        ctx.showView(SERIES_VIEW);
                        ctx.selectFlag(f);
                    }
                }
            });
            for (String s : STATUS_FILTERS) {
                status.addItem(new Shell.Choice(s, texts.get("problems.status." + s)));
            }
            status.setName("problems.status");
            // a long rule title must not push the other filters out of the row
            rule.setPrototypeDisplayValue(new Shell.Choice(null, "计量单位错误（千元/元）"));
            county.setPrototypeDisplayValue(new Shell.Choice(null, "天祝藏族自治县"));
            JPanel bar = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 3));
            JButton run = new JButton(texts.get("problems.run"));
            run.setName("problems.run");
            run.setEnabled(ctx.allows("review.run"));
            run.addActionListener(e -> runReview());
            bar.add(run);
            bar.add(new JLabel("  " + texts.get("problems.statusFilter")));
            bar.add(status);
            bar.add(new JLabel(texts.get("problems.severity")));
            bar.add(severity);
            bar.add(new JLabel(texts.get("problems.rule")));
            bar.add(rule);
            bar.add(new JLabel(texts.get("problems.county")));
            bar.add(county);
            bar.add(group);
            bar.add(count);
            // The actions in a row of their own: the filters fill the first row of a narrow bottom area.
            JPanel acts = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 0));
            actions.buttons().forEach(acts::add);
            JPanel bars = new JPanel(new BorderLayout());
            bars.add(bar, BorderLayout.NORTH);
            bars.add(acts, BorderLayout.SOUTH);
            status.addActionListener(e -> applyFilter());
            severity.addActionListener(e -> applyFilter());
            rule.addActionListener(e -> applyFilter());
            county.addActionListener(e -> applyFilter());
            group.setName("problems.group");
            group.addActionListener(e -> flags.setGrouped(group.isSelected()));
            hint.setName("problems.hint");
            cards.add(new JScrollPane(table), "table");
            cards.add(hint, "hint");
            root.add(bars, BorderLayout.NORTH);
            root.add(cards, BorderLayout.CENTER);
            root.putClientProperty(Panel.class, this);
            ctx.onPeriodChange(p -> reload());
            ctx.onSpecialtyChange(s -> reload());
            reload();
        }

        Texts texts() {
            return texts;
        }

        ReviewService review() {
            return review;
        }

        Path dataFolder() {
            return dataFolder;
        }

        /** The first selected flag (the one whose chart shows), or null. */
        Flag selected() {
            List<Flag> s = flags.selected();
            return s.isEmpty() ? null : s.get(0);
        }

        void reload() {
            String period = ctx.period();
            String specialty = ctx.specialty();
            new SwingWorker<Object[], Void>() {
                @Override
                protected Object[] doInBackground() {
                    List<Flag> list = review.flags(period, specialty);
                    Map<String, Unit> u = new HashMap<>();
                    for (Unit x : register.list(new UnitQuery(null, specialty, null, null, null))) {
                        u.put(x.creditCode(), x);
                    }
                    Map<String, String> names = new HashMap<>();
                    List<ReportForm> forms = review.forms();
                    for (ReportForm f : forms) {
                        for (Indicator i : f.indicators()) {
                            names.putIfAbsent(i.code(), i.name());
                        }
                    }
                    // Only the flags of an enabled specialty: a disabled one's report form is gone, so are its flags.
                    java.util.Set<String> enabled = new java.util.HashSet<>();
                    forms.forEach(f -> enabled.add(f.specialty()));
                    list = list.stream().filter(f -> {
                        Unit unit = u.get(f.creditCode());
                        return unit != null ? enabled.contains(unit.specialty()) : names.containsKey(f.indicator());
                    }).toList();
                    // The values as reported now: a corrected flag shows the corrected 本期值.
                    Map<String, Map<String, Double>> now = new HashMap<>();
                    for (Flag f : list) {
                        now.computeIfAbsent(f.indicator(), i -> review.values(period, i));
                    }
                    return new Object[] {list, u, names, RuleTitles.of(forms, texts), now};
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
                        formRules = (Map<String, String>) r[3];
                        current = (Map<String, Map<String, Double>>) r[4];
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
            TreeMap<String, String> rules = new TreeMap<>();
            TreeSet<String> counties = new TreeSet<>();
            for (Flag f : all) {
                rules.put(rule(f), f.rule());
                Unit u = units.get(f.creditCode());
                if (u != null) {
                    counties.add(u.countyCode());
                }
            }
            rule.removeAllItems();
            rule.addItem(new Shell.Choice(null, texts.get("problems.all")));
            rules.forEach((title, id) -> rule.addItem(new Shell.Choice(title, title)));
            county.removeAllItems();
            county.addItem(new Shell.Choice(null, texts.get("problems.all")));
            for (String c : counties) {
                county.addItem(new Shell.Choice(c, county(c)));
            }
            if (sev != null) {
                severity.setSelectedItem(sev);
            }
            reselect(rule, rl);
            reselect(county, ct);
            filling = false;
        }

        private void reselect(JComboBox<Shell.Choice> box, Object was) {
            for (int i = 0; was != null && i < box.getItemCount(); i++) {
                if (box.getItemAt(i).equals(was)) {
                    box.setSelectedIndex(i);
                }
            }
        }

        void applyFilter() {
            if (filling) {
                return;
            }
            String st = status.getSelectedItem() == null ? "unfinished" : ((Shell.Choice) status.getSelectedItem()).key();
            int sev = severity.getSelectedIndex();
            String r = rule.getSelectedItem() == null ? null : ((Shell.Choice) rule.getSelectedItem()).key();
            Shell.Choice c = (Shell.Choice) county.getSelectedItem();
            List<Flag> rows = new ArrayList<>();
            for (Flag f : all) {
                if ("unfinished".equals(st) && finished(f) || "finished".equals(st) && !finished(f)) {
                    continue;
                }
                if (sev == 1 && !"error".equals(f.severity()) || sev == 2 && !"warning".equals(f.severity())) {
                    continue;
                }
                if (r != null && !r.equals(rule(f))) {
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
            List<Long> keep = flags.selected().stream().map(Flag::id).toList();
            filling = true;
            flags.set(rows);
            for (long id : keep) {
                int v = flags.viewRow(id);
                if (v >= 0) {
                    table.addRowSelectionInterval(v, v);
                }
            }
            filling = false;
            count.setText("   " + texts.get("problems.count", rows.size(), all.size()));
            showHint();
        }

        /** A month without a review says so (and what to do) instead of showing an empty table. */
        private void showHint() {
            String which = all.isEmpty() ? (ctx.allows("review.run") ? "problems.hint.noReview"
                    : "problems.hint.noReviewYet") : model.getRowCount() == 0 ? "problems.hint.noneShown" : null;
            hint.setText(which == null ? "" : texts.get(which, ctx.period()));
            ((CardLayout) cards.getLayout()).show(cards, which == null ? "table" : "hint");
        }

        /** Selects the flag with this id (tests and links from other views). */
        boolean select(long flagId) {
            int v = flags.viewRow(flagId);
            if (v < 0) {
                return false;
            }
            table.setRowSelectionInterval(v, v);
            table.scrollRectToVisible(table.getCellRect(v, 0, true));
            return true;
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

        /** A reason always; a number for a correction. Null when the input is fine. */
        String check(String action, String value, String reason) {
            return actions.check(action, value, reason);
        }

        void resolve(Flag f, String action, String text, Double revised, String reason) {
            actions.resolve(List.of(f), action, text, revised, reason);
        }

        @Override
        public String rule(Flag f) {
            return RuleTitles.title(f.rule(), f.kind(), formRules, texts);
        }

        @Override
        public Unit unit(String creditCode) {
            return units.get(creditCode);
        }

        @Override
        public String county(String code) {
            return register.divisions() == null ? code
                    : register.divisions().find(code).map(d -> d.name()).orElse(code);
        }

        @Override
        public String indicator(String code) {
            return indicatorNames.getOrDefault(code, code);
        }

        @Override
        public Double current(Flag f) {
            Map<String, Double> byUnit = current.get(f.indicator());
            return byUnit == null ? null : byUnit.get(f.creditCode());
        }
    }
}
