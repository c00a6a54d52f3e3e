package org.statdesk.workbench.internal;

import java.awt.Color;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.List;
import javax.swing.BorderFactory;
import javax.swing.JTable;
import javax.swing.RowSorter;
import javax.swing.SortOrder;
import javax.swing.table.AbstractTableModel;
import javax.swing.table.DefaultTableCellRenderer;
import javax.swing.table.TableRowSorter;
import org.statdesk.api.registry.Unit;
import org.statdesk.api.review.Flag;

/**
 * The Problems table (问题表): one row per flag, sortable by every column (numbers as numbers), grouped by unit on
 * request (rows of one unit together, the unit named once with its count), the full 说明 in each row's tooltip.
 */
final class FlagTable {
    static final String[] COLUMNS = {"score", "severity", "rule", "unit", "county", "indicator", "value", "expected",
        "message", "status"};
    static final int SCORE = 0;
    static final int UNIT = 3;
    static final int VALUE = 6;
    static final int EXPECTED = 7;
    static final int STATUS = 9;

    /** What a row shows besides the flag: names and the current reported values, looked up once per reload. */
    interface Names {
        Unit unit(String creditCode);

        String county(String code);

        /** The flag's rule by its title. */
        String rule(Flag f);

        String indicator(String code);

        /** The value the unit reports now (after a correction, the corrected one); null when unknown. */
        Double current(Flag f);
    }

    final Model model;
    final JTable table;
    final TableRowSorter<Model> sorter;
    private final Texts texts;
    private boolean grouped;

    FlagTable(Texts texts, Names names) {
        this.texts = texts;
        this.model = new Model(names);
        this.table = new JTable(model);
        sorter = new TableRowSorter<>(model);
        sorter.setSortKeys(List.of(new RowSorter.SortKey(SCORE, SortOrder.DESCENDING)));
        table.setRowSorter(sorter);
        Renderer r = new Renderer();
        table.setDefaultRenderer(Object.class, r);
        table.setDefaultRenderer(Double.class, r);
    }

    /**
     * Rows of one unit together (by unit name, then score), the unit named on its first row; column sorting is off
     * meanwhile, as the groups give the order.
     */
    void setGrouped(boolean on) {
        grouped = on;
        if (on) {
            List<Flag> rows = new ArrayList<>(model.rows);
            rows.sort(java.util.Comparator.comparing((Flag f) -> model.unitName(f)).thenComparing(f -> -f.score()));
            model.rows = rows;
            table.setRowSorter(null);
        } else {
            table.setRowSorter(sorter);
        }
        model.fireTableDataChanged();
        if (table.getTableHeader() != null) {
            table.getTableHeader().repaint(); // no sort arrow while grouped
        }
    }

    boolean grouped() {
        return grouped;
    }

    void set(List<Flag> rows) {
        List<Flag> r = new ArrayList<>(rows);
        r.sort((a, b) -> Double.compare(b.score(), a.score()));
        model.rows = r;
        if (grouped) {
            setGrouped(true);
        } else {
            model.fireTableDataChanged();
        }
    }

    /** The flags of the selected rows, in view order. */
    List<Flag> selected() {
        List<Flag> out = new ArrayList<>();
        for (int v : table.getSelectedRows()) {
            out.add(model.rows.get(table.convertRowIndexToModel(v)));
        }
        return out;
    }

    /** The view row of a flag, or -1 when it is not shown. */
    int viewRow(long flagId) {
        for (int i = 0; i < model.rows.size(); i++) {
            if (model.rows.get(i).id() == flagId) {
                return table.convertRowIndexToView(i);
            }
        }
        return -1;
    }

    /** The text of a cell as shown (numbers formatted), for copying and exporting. */
    String shown(int viewRow, int col) {
        Object v = table.getValueAt(viewRow, col);
        return v instanceof Double d ? model.format(col, d) : v == null ? "" : v.toString();
    }

    final class Model extends AbstractTableModel {
        private static final long serialVersionUID = 1L;
        private final DecimalFormat amount = new DecimalFormat("#,##0.##");
        private final DecimalFormat score = new DecimalFormat("0.000");
        private final Names names;
        List<Flag> rows = List.of();

        Model(Names names) {
            this.names = names;
        }

        String unitName(Flag f) {
            Unit u = names.unit(f.creditCode());
            return u == null ? f.creditCode() : u.name();
        }

        String format(int col, double d) {
            return col == SCORE ? score.format(d) : amount.format(d);
        }

        @Override
        public int getRowCount() {
            return rows.size();
        }

        @Override
        public int getColumnCount() {
            return COLUMNS.length;
        }

        @Override
        public String getColumnName(int c) {
            return texts.get("problems.col." + COLUMNS[c]);
        }

        @Override
        public Class<?> getColumnClass(int c) {
            return c == SCORE || c == VALUE || c == EXPECTED ? Double.class : String.class;
        }

        @Override
        public Object getValueAt(int r, int c) {
            Flag f = rows.get(r);
            return switch (COLUMNS[c]) {
                case "score" -> f.score();
                case "severity" -> "error".equals(f.severity()) ? texts.get("problems.error")
                        : texts.get("problems.warning");
                case "rule" -> names.rule(f);
                case "unit" -> unitName(f);
                case "county" -> {
                    Unit u = names.unit(f.creditCode());
                    yield u == null ? "" : names.county(u.countyCode());
                }
                case "indicator" -> names.indicator(f.indicator());
                case "value" -> {
                    Double now = names.current(f);
                    yield now == null ? f.value() : now;
                }
                case "expected" -> f.expected();
                case "message" -> f.message();
                default -> texts.status(f.status());
            };
        }
    }

    final class Renderer extends DefaultTableCellRenderer {
        private static final long serialVersionUID = 1L;
        private final Color groupLine = new Color(0x9A, 0xA5, 0xB1);

        @Override
        public java.awt.Component getTableCellRendererComponent(JTable t, Object v, boolean sel, boolean focus, int row,
                int col) {
            int m = t.convertRowIndexToModel(row);
            int mc = t.convertColumnIndexToModel(col);
            Flag f = model.rows.get(m);
            Object shown = v instanceof Double d ? model.format(mc, d) : v;
            boolean groupStart = grouped && (m == 0 || !model.rows.get(m - 1).creditCode().equals(f.creditCode()));
            if (grouped && mc == UNIT) {
                // the count first: a long name is cut at its end, the count stays readable
                shown = groupStart ? texts.get("problems.group.count", groupSize(m)) + v : "";
            }
            super.getTableCellRendererComponent(t, shown, sel, focus, row, col);
            setBorder(BorderFactory.createCompoundBorder(
                    BorderFactory.createMatteBorder(groupStart && m > 0 ? 1 : 0, 0, 0, 0, groupLine),
                    BorderFactory.createEmptyBorder(0, 6, 0, 6)));
            setHorizontalAlignment(mc == SCORE || mc == VALUE || mc == EXPECTED ? RIGHT : LEFT);
            setToolTipText(f.message());
            if (!sel) {
                setForeground(mc == 1 && "error".equals(f.severity()) ? new Color(0xC6, 0x28, 0x28)
                        : !"open".equals(f.status()) ? Color.GRAY : t.getForeground());
            }
            return this;
        }

        private int groupSize(int first) {
            String code = model.rows.get(first).creditCode();
            int n = 0;
            for (int i = first; i < model.rows.size() && model.rows.get(i).creditCode().equals(code); i++) {
                n++;
            }
            return n;
        }
    }
}
