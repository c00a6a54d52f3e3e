package org.statdesk.workbench.internal;

import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.awt.Toolkit;
import java.awt.datatransfer.StringSelection;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.io.File;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JMenuItem;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JPopupMenu;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import javax.swing.filechooser.FileNameExtensionFilter;
import org.statdesk.api.input.Cells;
import org.statdesk.api.input.Inputs;
import org.statdesk.api.input.OutputFiles;
import org.statdesk.api.review.Flag;

/**
 * What one does with flags in the Problems view: explain, correct, confirm and close (on every selected row for
 * confirm and close), each only when the role has the permission its command declares; open the unit's series; copy
 * the rows; export the shown table to CSV.
 */
final class FlagActions {
    /** Action (the review's status word), its text key, the permission {@code review:resolve} needs for it. */
    record Action(String status, String key, String permission, boolean bulk) {
    }

    static final List<Action> ACTIONS = List.of(new Action("explained", "explain", "review.flag.explain", false),
            new Action("corrected", "correct", "review.flag.correct", false),
            new Action("confirmed", "confirm", "review.flag.confirm", true),
            new Action("closed", "close", "review.flag.close", true));

    private final ProblemsView.Panel panel;
    private final Texts texts;

    FlagActions(ProblemsView.Panel panel) {
        this.panel = panel;
        this.texts = panel.texts();
        panel.table.setComponentPopupMenu(null);
        panel.table.addMouseListener(new MouseAdapter() {
            @Override
            public void mousePressed(MouseEvent e) {
                popup(e);
            }

            @Override
            public void mouseReleased(MouseEvent e) {
                popup(e);
            }
        });
    }

    /** The toolbar's buttons: one per action, then export. */
    List<JComponent> buttons() {
        List<JComponent> out = new ArrayList<>();
        for (Action a : ACTIONS) {
            JButton b = new JButton(texts.get("problems." + a.key()));
            b.setName("problems." + a.status());
            b.setEnabled(panel.ctx.allows(a.permission()));
            b.addActionListener(e -> act(a));
            out.add(b);
        }
        JButton export = new JButton(texts.get("problems.export"));
        export.setName("problems.export");
        export.addActionListener(e -> exportAsked());
        out.add(export);
        return out;
    }

    private void popup(MouseEvent e) {
        if (!e.isPopupTrigger()) {
            return;
        }
        int row = panel.table.rowAtPoint(e.getPoint());
        if (row >= 0 && !panel.table.isRowSelected(row)) {
            panel.table.setRowSelectionInterval(row, row);
        }
        menu().show(panel.table, e.getX(), e.getY());
    }

    /** The context menu (右键菜单) for the selected rows. */
    JPopupMenu menu() {
        JPopupMenu m = new JPopupMenu();
        int n = panel.table.getSelectedRowCount();
        for (Action a : ACTIONS) {
            JMenuItem i = new JMenuItem(texts.get("problems." + a.key()));
            i.setName("problems.menu." + a.status());
            i.setEnabled(n > 0 && panel.ctx.allows(a.permission()) && (n == 1 || a.bulk()));
            i.addActionListener(e -> act(a));
            m.add(i);
        }
        m.addSeparator();
        JMenuItem series = new JMenuItem(texts.get("problems.menu.series"));
        series.setName("problems.menu.series");
        series.setEnabled(n == 1);
        series.addActionListener(e -> {
            Flag f = panel.selected();
            if (f != null) {
                panel.ctx.showView(ProblemsView.SERIES_VIEW);
                panel.ctx.selectFlag(f);
            }
        });
        m.add(series);
        JMenuItem copy = new JMenuItem(texts.get("problems.menu.copy"));
        copy.setName("problems.menu.copy");
        copy.setEnabled(n > 0);
        copy.addActionListener(e -> Toolkit.getDefaultToolkit().getSystemClipboard()
                .setContents(new StringSelection(copied()), null));
        m.add(copy);
        return m;
    }

    /** The selected rows as tab-separated text with a header line, as a spreadsheet pastes it. */
    String copied() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.join("\t", header())).append('\n');
        for (int v : panel.table.getSelectedRows()) {
            sb.append(String.join("\t", row(v))).append('\n');
        }
        return sb.toString();
    }

    private List<String> header() {
        List<String> h = new ArrayList<>();
        for (int c = 0; c < panel.table.getColumnCount(); c++) {
            h.add(panel.table.getColumnName(c));
        }
        return h;
    }

    private List<String> row(int viewRow) {
        List<String> r = new ArrayList<>();
        for (int c = 0; c < panel.table.getColumnCount(); c++) {
            r.add(panel.flags.shown(viewRow, c));
        }
        return r;
    }

    private void act(Action a) {
        List<Flag> chosen = panel.flags.selected();
        if (chosen.isEmpty() || !panel.ctx.allows(a.permission())) {
            return;
        }
        if (chosen.size() > 1 && !a.bulk()) {
            JOptionPane.showMessageDialog(panel.root, texts.get("problems.oneOnly"), texts.get("problems.title"),
                    JOptionPane.INFORMATION_MESSAGE);
            return;
        }
        ask(a, chosen);
    }

    private void ask(Action a, List<Flag> chosen) {
        JTextField text = new JTextField(30);
        JTextField value = new JTextField(12);
        JTextField reason = new JTextField(30);
        value.setName("problems.dialog.value");
        text.setName("problems.dialog.text");
        reason.setName("problems.dialog.reason");
        JPanel form = new JPanel(new GridBagLayout());
        GridBagConstraints g = new GridBagConstraints();
        g.insets = new Insets(4, 4, 4, 4);
        g.anchor = GridBagConstraints.WEST;
        int row = 0;
        String what = chosen.size() == 1 ? chosen.get(0).message() : texts.get("problems.dialog.many", chosen.size());
        form.add(new JLabel(what), at(g, 0, row++, 2));
        if ("explained".equals(a.status()) || "corrected".equals(a.status())) {
            form.add(new JLabel(texts.get("problems.dialog.text")), at(g, 0, row, 1));
            form.add(text, at(g, 1, row++, 1));
        }
        if ("corrected".equals(a.status())) {
            form.add(new JLabel(texts.get("problems.dialog.value")), at(g, 0, row, 1));
            form.add(value, at(g, 1, row++, 1));
        }
        form.add(new JLabel(texts.get("problems.dialog.reason")), at(g, 0, row, 1));
        form.add(reason, at(g, 1, row, 1));
        String title = texts.get("problems.dialog." + a.key());
        while (JOptionPane.showConfirmDialog(panel.root, form, title, JOptionPane.OK_CANCEL_OPTION,
                JOptionPane.PLAIN_MESSAGE) == JOptionPane.OK_OPTION) {
            String problem = check(a.status(), value.getText(), reason.getText());
            if (problem == null) {
                resolve(chosen, a.status(), text.getText().trim(),
                        "corrected".equals(a.status()) ? Inputs.decimal(value.getText()) : null,
                        reason.getText().trim());
                return;
            }
            JOptionPane.showMessageDialog(panel.root, problem, title, JOptionPane.WARNING_MESSAGE);
        }
    }

    private static GridBagConstraints at(GridBagConstraints g, int x, int y, int w) {
        g.gridx = x;
        g.gridy = y;
        g.gridwidth = w;
        return g;
    }

    /** A reason always; a plain decimal for a correction (as review:resolve --value checks it). Null when fine. */
    String check(String action, String value, String reason) {
        if (reason == null || reason.isBlank()) {
            return texts.get("problems.dialog.needReason");
        }
        if ("corrected".equals(action)) {
            try {
                Inputs.decimal(value);
            } catch (Inputs.InvalidValueException e) {
                return texts.get("problems.dialog.badValue", value == null ? "" : value.strip());
            }
        }
        return null;
    }

    /**
     * Resolves the flags one after another off the Swing thread (the review service journals each in its own
     * transaction), then reloads the table, whose 本期值 then shows a corrected value.
     */
    void resolve(List<Flag> chosen, String action, String text, Double revised, String reason) {
        String title = chosen.size() == 1 ? texts.get("problems.resolving")
                : texts.get("problems.resolvingMany", chosen.size());
        panel.ctx.runInBackground(title, cancelled -> {
            try {
                for (Flag f : chosen) {
                    if (cancelled.getAsBoolean()) {
                        break;
                    }
                    panel.review().resolve(f.id(), action, text, revised, reason);
                }
            } finally {
                SwingUtilities.invokeLater(panel::reload);
            }
        });
    }

    private void exportAsked() {
        JFileChooser chooser = new JFileChooser();
        chooser.setDialogTitle(texts.get("problems.export.title"));
        chooser.setFileFilter(new FileNameExtensionFilter(texts.get("problems.export.csv"), "csv"));
        chooser.setSelectedFile(new File("问题-" + panel.ctx.period() + ".csv"));
        if (chooser.showSaveDialog(panel.root) != JFileChooser.APPROVE_OPTION) {
            return;
        }
        Path out = chooser.getSelectedFile().toPath();
        if (!out.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv")) {
            out = out.resolveSibling(out.getFileName() + ".csv");
        }
        String refused = export(out);
        if (refused != null) {
            JOptionPane.showMessageDialog(panel.root, refused, texts.get("problems.export.title"),
                    JOptionPane.WARNING_MESSAGE);
        }
    }

    /**
     * Writes the table as shown to {@code out} off the Swing thread (through a temporary file, never into the data
     * folder); the reason when the file is refused, else null.
     */
    String export(Path out) {
        try {
            Path checked = OutputFiles.check(out, panel.dataFolder());
            String csv = csv();
            panel.ctx.runInBackground(texts.get("problems.exporting", checked.getFileName()), c ->
                    OutputFiles.write(checked, os -> {
                        Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8);
                        w.write(csv);
                        w.flush();
                    }));
            return null;
        } catch (Inputs.InvalidValueException e) {
            return e.getMessage();
        }
    }

    /**
     * The rows as shown (filtered, in the shown order), as CSV with a byte order mark so that a spreadsheet reads
     * the Chinese; every cell neutralised against formula injection.
     */
    String csv() {
        StringBuilder sb = new StringBuilder("\uFEFF");
        sb.append(String.join(",", header().stream().map(Cells::csv).toList())).append("\r\n");
        for (int v = 0; v < panel.table.getRowCount(); v++) {
            sb.append(String.join(",", row(v).stream().map(Cells::csv).toList())).append("\r\n");
        }
        return sb.toString();
    }
}
