package org.statdesk.enforcement.internal;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.FlowLayout;
import java.awt.GridLayout;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.ListSelectionModel;
import javax.swing.SwingWorker;
import javax.swing.table.DefaultTableCellRenderer;
import javax.swing.table.DefaultTableModel;
import org.statdesk.api.command.BadInputException;
import org.statdesk.api.workbench.ViewContext;

/**
 * Workbench views of the enforcement specialty: draw list, cases, rectification ledger, interference register and
 * coverage of the year's draw.
 */
final class Views {
    private Views() {
    }

    static DefaultTableModel model(String... columns) {
        return new DefaultTableModel(columns, 0) {
            private static final long serialVersionUID = 1L;

            @Override
            public boolean isCellEditable(int row, int column) {
                return false;
            }
        };
    }

    /** Loads off the Swing thread and fills the table on it; errors show in the status label. */
    static <T> void load(Callable<T> work, Consumer<T> fill, JLabel status) {
        status.setText("加载中…");
        new SwingWorker<T, Void>() {
            @Override
            protected T doInBackground() throws Exception {
                return work.call();
            }

            @Override
            protected void done() {
                try {
                    fill.accept(get());
                    status.setText(" ");
                } catch (Exception e) {
                    Throwable cause = e.getCause() == null ? e : e.getCause();
                    if (cause instanceof BadInputException bad && !bad.errors().isEmpty()) {
                        // what the user typed is wrong: say which field and why, nothing was saved
                        StringBuilder sb = new StringBuilder("未保存：");
                        bad.errors().forEach(err -> sb.append(err.field()).append(" ").append(err.message()).append("；"));
                        status.setText(sb.toString());
                    } else {
                        status.setText("加载失败：" + cause.getMessage());
                    }
                }
            }
        }.execute();
    }

    static JComponent drawView(Draws draws) {
        DefaultTableModel list = model("编号", "年度", "状态", "对象数", "种子", "抽取日期", "抽取人", "重抽理由");
        DefaultTableModel targets = model("层", "代码", "县区", "执法人员");
        JTable drawTable = new JTable(list);
        drawTable.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        JLabel status = new JLabel(" ");
        drawTable.getSelectionModel().addListSelectionListener(e -> {
            int row = drawTable.getSelectedRow();
            if (e.getValueIsAdjusting() || row < 0) {
                return;
            }
            long id = (Long) list.getValueAt(row, 0);
            load(() -> draws.load(id), d -> {
                targets.setRowCount(0);
                for (Draws.TargetJson t : d.targets()) {
                    StringBuilder team = new StringBuilder();
                    t.inspectors().forEach(i -> team.append(team.length() == 0 ? "" : "、").append(i.name()));
                    targets.addRow(new Object[] {t.stratum(), t.code(), t.countyCode(), team.toString()});
                }
            }, status);
        });
        Runnable refresh = () -> load(() -> draws.list(null), all -> {
            list.setRowCount(0);
            for (Draws.DrawSummary d : all) {
                list.addRow(new Object[] {d.id(), d.year(), d.status().equals("active") ? "有效" : "已重抽",
                        d.targets(), d.seed(), d.drawnOn(), d.drawnBy(), d.replaceReason()});
            }
        }, status);
        refresh.run();
        JSplitPane split = new JSplitPane(JSplitPane.VERTICAL_SPLIT, new JScrollPane(drawTable),
                new JScrollPane(new JTable(targets)));
        split.setResizeWeight(0.35);
        return panel(split, status, refresh);
    }

    static JComponent casesView(Cases cases, ViewContext ctx) {
        DefaultTableModel m = model("编号", "单位", "单位名称", "县区", "违法类型", "状态", "立案日期", "期限", "处理决定");
        JTable table = new JTable(m);
        JLabel status = new JLabel(" ");
        List<Boolean> overdue = new java.util.ArrayList<>();
        table.setDefaultRenderer(Object.class, highlighter(overdue));
        table.getSelectionModel().addListSelectionListener(e -> {
            int row = table.getSelectedRow();
            if (!e.getValueIsAdjusting() && row >= 0 && ctx != null) {
                ctx.selectUnit((String) m.getValueAt(row, 1));
            }
        });
        Runnable refresh = () -> load(() -> cases.list(null), list -> {
            m.setRowCount(0);
            overdue.clear();
            for (Cases.CaseJson k : list) {
                m.addRow(new Object[] {k.id(), k.unitCode(), k.unitName(), k.countyCode(), k.violationName(),
                        k.status(), k.filedOn(), k.deadline(), k.decision()});
                overdue.add(k.overdue());
            }
        }, status);
        refresh.run();
        return panel(new JScrollPane(table), status, refresh);
    }

    static JComponent ledgerView(Ledger ledger, Bureau bureau) {
        DefaultTableModel m = model("编号", "状态", "责任单位", "县区", "问题", "整改期限", "逾期天数", "销号日期", "销号佐证");
        DefaultTableModel progress = model("县区", "问题数", "已销号", "整改中", "逾期", "销号率");
        JTable table = new JTable(m);
        JLabel status = new JLabel(" ");
        List<Boolean> overdue = new java.util.ArrayList<>();
        table.setDefaultRenderer(Object.class, highlighter(overdue));
        Runnable refresh = () -> load(() -> ledger.view(null, null, bureau.today()), v -> {
            m.setRowCount(0);
            overdue.clear();
            for (Ledger.Item i : v.items()) {
                m.addRow(new Object[] {i.id(), i.overdue() ? "逾期" : i.status().equals("closed") ? "已销号" : "整改中",
                        i.ownerCode(), i.countyCode(), i.problem(), i.deadline(), i.daysOverdue(), i.closedOn(),
                        i.closingEvidence()});
                overdue.add(i.overdue());
            }
            progress.setRowCount(0);
            v.counties().forEach((k, p) -> progress.addRow(new Object[] {k, p.total(), p.closed(), p.open(),
                    p.overdue(), Texts.pct(p.closedShare())}));
        }, status);
        refresh.run();
        JSplitPane split = new JSplitPane(JSplitPane.VERTICAL_SPLIT, new JScrollPane(table),
                new JScrollPane(new JTable(progress)));
        split.setResizeWeight(0.7);
        return panel(split, status, refresh);
    }

    /** The quarters a user looks back on: this one and the seven before it, newest first. */
    static List<String> recentQuarters(LocalDate today) {
        List<String> out = new java.util.ArrayList<>();
        int year = today.getYear();
        int q = (today.getMonthValue() - 1) / 3 + 1;
        for (int i = 0; i < 8; i++) {
            out.add(year + "Q" + q);
            if (--q == 0) {
                q = 4;
                year--;
            }
        }
        return out;
    }

    /**
     * The interference register by quarter, with the report's own statement on top (so an empty quarter reads as a
     * zero report, not as a blank table) and a form to record an entry: all four facts are required, as on paper.
     */
    static JComponent interferenceView(Interference interference, Bureau bureau) {
        DefaultTableModel m = model("编号", "日期", "干预人", "涉及单位或数据", "干预要求", "处理情况", "登记人");
        JTable table = new JTable(m);
        JLabel status = new JLabel(" ");
        JLabel statement = new JLabel(" ");
        JComboBox<String> quarter = new JComboBox<>(recentQuarters(bureau.today()).toArray(String[]::new));
        Runnable refresh = () -> load(() -> interference.report((String) quarter.getSelectedItem()), r -> {
            statement.setText(r.statement());
            m.setRowCount(0);
            for (Interference.Entry e : r.entries()) {
                m.addRow(new Object[] {e.id(), e.date(), e.official(), e.target(), e.request(), e.actionTaken(),
                        e.recordedBy()});
            }
        }, status);
        quarter.addActionListener(e -> refresh.run());
        JButton add = new JButton("登记…");
        add.addActionListener(e -> {
            JTextField date = new JTextField(bureau.today().toString());
            JTextField official = new JTextField();
            JTextField target = new JTextField();
            JTextField request = new JTextField();
            JTextField action = new JTextField();
            JPanel form = new JPanel(new GridLayout(0, 2, 6, 4));
            for (Object[] f : new Object[][] {{"日期", date}, {"干预人（姓名、职务）", official},
                    {"涉及单位或数据", target}, {"干预要求", request}, {"处理情况", action}}) {
                form.add(new JLabel((String) f[0]));
                form.add((JComponent) f[1]);
            }
            String q = (String) quarter.getSelectedItem();
            if (JOptionPane.showConfirmDialog(table, form, "登记领导干部违规干预统计工作（" + q + "）",
                    JOptionPane.OK_CANCEL_OPTION, JOptionPane.PLAIN_MESSAGE) != JOptionPane.OK_OPTION) {
                return;
            }
            load(() -> interference.record(q, Inputs.date("date", date.getText().strip()), official.getText(),
                    target.getText(), request.getText(), action.getText()), done -> refresh.run(), status);
        });
        JPanel top = new JPanel(new FlowLayout(FlowLayout.LEFT));
        top.add(new JLabel("季度:"));
        top.add(quarter);
        top.add(add);
        top.add(statement);
        JPanel center = new JPanel(new BorderLayout());
        center.add(top, BorderLayout.NORTH);
        center.add(new JScrollPane(table), BorderLayout.CENTER);
        refresh.run();
        return panel(center, status, refresh);
    }

    /** Coverage (核查面) of a year's draw per stratum against its target; a stratum short of it shows red. */
    static JComponent coverageView(Coverage coverage, Bureau bureau) {
        DefaultTableModel m = model("层", "总体", "抽取", "已检查", "抽取比例", "核查面", "目标", "是否达标");
        JTable table = new JTable(m);
        JLabel status = new JLabel(" ");
        JLabel draw = new JLabel(" ");
        List<Boolean> short_ = new java.util.ArrayList<>();
        table.setDefaultRenderer(Object.class, highlighter(short_));
        int thisYear = bureau.today().getYear();
        JComboBox<Integer> year = new JComboBox<>(new Integer[] {thisYear, thisYear - 1, thisYear - 2});
        Map<String, String> names = Map.of("above", "四上单位", "below", "四下单位", "township", "乡镇（街道）");
        Runnable refresh = () -> load(() -> coverage.of((Integer) year.getSelectedItem()), cov -> {
            draw.setText(cov.drawId() == null ? "本年度尚未抽取" : "抽取编号 " + cov.drawId());
            m.setRowCount(0);
            short_.clear();
            cov.strata().forEach((k, s) -> {
                m.addRow(new Object[] {names.getOrDefault(k, k), s.population(), s.drawn(), s.checked(),
                        Texts.pct(s.drawnShare()), Texts.pct(s.achievedShare()),
                        Texts.pct(s.target()),
                        s.population() == 0 ? "无对象，不适用" : s.met() ? "达标" : "未达标"});
                short_.add(s.population() > 0 && !s.met());
            });
        }, status);
        year.addActionListener(e -> refresh.run());
        JPanel top = new JPanel(new FlowLayout(FlowLayout.LEFT));
        top.add(new JLabel("年度:"));
        top.add(year);
        top.add(draw);
        JPanel center = new JPanel(new BorderLayout());
        center.add(top, BorderLayout.NORTH);
        center.add(new JScrollPane(table), BorderLayout.CENTER);
        refresh.run();
        return panel(center, status, refresh);
    }

    /** Paints overdue rows (逾期) red so that they stand out. */
    static DefaultTableCellRenderer highlighter(List<Boolean> overdue) {
        return new DefaultTableCellRenderer() {
            private static final long serialVersionUID = 1L;

            @Override
            public Component getTableCellRendererComponent(JTable t, Object v, boolean selected, boolean focus,
                    int row, int col) {
                Component comp = super.getTableCellRendererComponent(t, v, selected, focus, row, col);
                int model = t.convertRowIndexToModel(row);
                boolean late = model < overdue.size() && overdue.get(model);
                if (!selected) {
                    comp.setBackground(late ? new Color(0xFF, 0xD6, 0xD6) : t.getBackground());
                    comp.setForeground(late ? new Color(0x9C, 0x00, 0x06) : t.getForeground());
                }
                return comp;
            }
        };
    }

    private static JComponent panel(JComponent center, JLabel status, Runnable refresh) {
        JPanel p = new JPanel(new BorderLayout());
        JButton reload = new JButton("刷新");
        reload.addActionListener(e -> refresh.run());
        JPanel top = new JPanel(new BorderLayout());
        top.add(reload, BorderLayout.WEST);
        top.add(status, BorderLayout.CENTER);
        p.add(top, BorderLayout.NORTH);
        p.add(center, BorderLayout.CENTER);
        return p;
    }
}
