package org.statdesk.workbench.internal;

import java.awt.BorderLayout;
import java.awt.GridLayout;
import java.text.DecimalFormat;
import java.util.List;
import java.util.Objects;
import javax.swing.BorderFactory;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTable;
import javax.swing.SwingConstants;
import javax.swing.SwingWorker;
import javax.swing.table.DefaultTableModel;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.statdesk.api.audit.Journal;
import org.statdesk.api.feature.FeatureManager;
import org.statdesk.api.people.People;
import org.statdesk.api.registry.Register;
import org.statdesk.api.registry.Unit;
import org.statdesk.api.workbench.View;
import org.statdesk.api.workbench.ViewContext;

/** The unit view (单位详情): the selected unit's register entry and its change history from the journal. */
@Component(service = View.class, property = {View.ID + "=statdesk.workbench.unit", View.TITLE + "=单位详情",
    View.TITLE_EN + "=Unit", View.SPECIALTY + "=core", View.AREA + "=editor"})
public class UnitView implements View {
    private final Register register;
    private final Journal journal;
    private final Texts texts;
    private final FeatureManager features;
    private People people;

    @Activate
    public UnitView(@Reference Register register, @Reference Journal journal,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL) FeatureManager features,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL) People people, BundleContext ctx) {
        this(register, journal, features, Texts.of(ctx.getProperty("statdesk.locale")));
        this.people = people;
    }

    UnitView(Register register, Journal journal, FeatureManager features, Texts texts, People people) {
        this(register, journal, features, texts);
        this.people = people;
    }

    UnitView(Register register, Journal journal, FeatureManager features, Texts texts) {
        this.register = register;
        this.journal = journal;
        this.features = features;
        this.texts = texts;
    }

    @Override
    public JComponent create(ViewContext ctx) {
        JPanel root = new JPanel(new BorderLayout());
        JPanel fields = new JPanel(new GridLayout(0, 4, 12, 6));
        fields.setBorder(BorderFactory.createEmptyBorder(10, 12, 10, 12));
        String[] cols = {"time", "user", "field", "old", "new", "reason"};
        DefaultTableModel history = new DefaultTableModel() {
            private static final long serialVersionUID = 1L;

            @Override
            public boolean isCellEditable(int r, int c) {
                return false;
            }
        };
        for (String c : cols) {
            history.addColumn(texts.get("unit.col." + c));
        }
        JTable table = new JTable(history);
        table.setName("unit.history");
        table.setRowHeight(24);
        JPanel hist = new JPanel(new BorderLayout());
        JLabel h = new JLabel(texts.get("unit.history"));
        h.setBorder(BorderFactory.createEmptyBorder(6, 12, 6, 12));
        hist.add(h, BorderLayout.NORTH);
        hist.add(new JScrollPane(table), BorderLayout.CENTER);
        JLabel none = new JLabel(texts.get("unit.none"), SwingConstants.CENTER);
        root.add(none, BorderLayout.CENTER);
        String[] current = new String[1];
        ctx.onUnitSelected(code -> {
            if (Objects.equals(code, current[0])) {
                return;
            }
            current[0] = code;
            new SwingWorker<Object[], Void>() {
                @Override
                protected Object[] doInBackground() throws Exception {
                    Unit u = register.find(code).orElse(null);
                    List<Journal.Entry> entries = journal.history(code, null);
                    return new Object[] {u, entries};
                }

                @SuppressWarnings("unchecked")
                @Override
                protected void done() {
                    try {
                        Object[] r = get();
                        if (!Objects.equals(code, current[0])) {
                            return;
                        }
                        show(root, fields, hist, none, (Unit) r[0], (List<Journal.Entry>) r[1], history);
                    } catch (Exception e) {
                        none.setText(String.valueOf(e.getCause() == null ? e : e.getCause().getMessage()));
                    }
                }
            }.execute();
        });
        return root;
    }

    /**
     * Who did it, by display name: the journal names a signed-in person "login（display）"; an older entry or the
     * operating-system account by login alone, shown by its display name when the people service knows it.
     */
    String person(String user) {
        if (user == null) {
            return "";
        }
        int open = user.indexOf('（');
        if (open > 0 && user.endsWith("）")) {
            return user.substring(open + 1, user.length() - 1);
        }
        if (people != null) {
            try {
                for (People.User u : people.users()) {
                    if (u.login().equals(user) && u.display() != null && !u.display().isBlank()) {
                        return u.display();
                    }
                }
            } catch (RuntimeException e) {
                // the users cannot be read now: the login is still who it was
            }
        }
        return user;
    }

    /** A journaled value in words where it is a code: a status, a scale. */
    String value(String field, String v) {
        return switch (field == null ? "" : field) {
            case "status" -> {
                String w = texts.word("unitStatus", v);
                yield v == null || !w.equals(v) ? w : texts.status(v);
            }
            case "scale" -> texts.word("scale", v);
            default -> {
                if (v == null) {
                    yield "";
                }
                // a new record's summary ("above 620602") says its codes in words too
                List<String> words = new java.util.ArrayList<>();
                for (String t : v.split(" ", -1)) {
                    String w = texts.word("scale", t);
                    words.add(w.equals(t) ? texts.word("unitStatus", t) : w);
                }
                yield String.join(" ", words);
            }
        };
    }

    private void show(JPanel root, JPanel fields, JPanel hist, JLabel none, Unit u, List<Journal.Entry> entries,
            DefaultTableModel history) {
        root.removeAll();
        if (u == null) {
            root.add(none, BorderLayout.CENTER);
        } else {
            fields.removeAll();
            DecimalFormat f = new DecimalFormat("#,##0.###");
            String division = register.divisions() == null ? u.divisionCode()
                    : register.divisions().find(u.divisionCode()).map(d -> d.name() + " " + u.divisionCode())
                            .orElse(u.divisionCode());
            String[][] kv = {{"code", u.creditCode()}, {"name", u.name()}, {"division", division},
                {"industry", u.industryCode()}, {"specialty", features == null ? u.specialty()
                    : features.title(u.specialty(), texts.language())},
                {"scale", texts.word("scale", u.scale())}, {"revenue", f.format(u.revenue())},
                {"status", texts.word("unitStatus", u.status())},
                {"statistician", u.statistician()}, {"phone", u.phone()}, {"address", u.address()}};
            for (String[] p : kv) {
                JLabel k = new JLabel(texts.get("unit." + p[0]));
                k.setForeground(java.awt.Color.GRAY);
                fields.add(k);
                fields.add(new JLabel(p[1] == null ? "" : p[1]));
            }
            history.setRowCount(0);
            for (Journal.Entry e : entries) {
                history.addRow(new Object[] {Times.local(e.time()), person(e.user()), texts.word("journal.field", e.field()),
                    value(e.field(), e.oldValue()), value(e.field(), e.newValue()), e.reason()});
            }
            JSplitPane split = new JSplitPane(JSplitPane.VERTICAL_SPLIT, fields, hist);
            split.setBorder(null);
            split.setResizeWeight(0.3);
            root.add(split, BorderLayout.CENTER);
        }
        root.revalidate();
        root.repaint();
    }
}
