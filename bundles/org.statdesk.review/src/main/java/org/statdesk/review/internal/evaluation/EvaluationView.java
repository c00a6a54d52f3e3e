package org.statdesk.review.internal.evaluation;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.FlowLayout;
import java.util.ArrayList;
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
import javax.swing.JTextArea;
import javax.swing.SwingWorker;
import javax.swing.table.DefaultTableCellRenderer;
import javax.swing.table.DefaultTableModel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.command.BadInputException;
import org.statdesk.api.registry.Register;
import org.statdesk.api.workbench.View;
import org.statdesk.api.workbench.ViewContext;
import org.statdesk.review.internal.FormSpec;
import org.statdesk.review.internal.forms.FormCatalogue;
import org.statdesk.review.internal.status.PeriodStatuses;

/**
 * The evaluation of the month (评估), where the city section does it: each county with the checks it is judged on
 * (three rates against 100%, open errors, records confronted, 台账 rate) and, for the selected county, its growth
 * beside the city's; 通过 or 退回 with the reasons, as {@code review:evaluate} does.
 */
@org.osgi.service.component.annotations.Component(service = View.class, property = {
        View.ID + "=review.evaluation", View.TITLE + "=评估（下管一级）", View.TITLE_EN + "=Evaluation",
        View.AREA + "=editor"})
public final class EvaluationView implements View {
    private static final String[] COLUMNS = {"县区", "结果", "上报率", "及时率", "准确率", "三率100%", "未处理错误",
        "记录核对（未处理/全部）", "开票同比", "台账达标率", "评估人", "意见"};
    private final Evaluations evaluations;
    private final FormCatalogue forms;
    private final Register register;
    private final PeriodStatuses statuses;

    @Activate
    public EvaluationView(@Reference Evaluations evaluations, @Reference FormCatalogue forms,
            @Reference Register register, @Reference PeriodStatuses statuses) {
        this.evaluations = evaluations;
        this.forms = forms;
        this.register = register;
        this.statuses = statuses;
    }

    /** 凉州区 620602: the name a county user reads, with the code the commands take. */
    private String countyName(String code) {
        return register.divisions().find(code).map(d -> d.name() + " " + code).orElse(code);
    }

    @Override
    public JComponent create(ViewContext ctx) {
        DefaultTableModel m = model(COLUMNS);
        DefaultTableModel growth = model("指标", "本县区同比", "全市同比", "差（百分点）");
        JTable table = new JTable(m);
        table.getColumnModel().getColumn(0).setPreferredWidth(170);
        table.getColumnModel().getColumn(COLUMNS.length - 1).setPreferredWidth(220);
        JTable growthTable = new JTable(growth);
        JLabel status = new JLabel(" ");
        JLabel heading = new JLabel(" ");
        JComboBox<String> specialty = new JComboBox<>();
        List<String> specialties = new ArrayList<>();
        for (FormSpec f : forms.selected(null)) {
            if (!specialties.contains(f.specialty())) {
                specialties.add(f.specialty());
                specialty.addItem(f.specialty());
            }
        }
        if (ctx.specialty() != null && specialties.contains(ctx.specialty())) {
            specialty.setSelectedItem(ctx.specialty());
        }
        List<Evaluations.CountyEvaluation> shown = new ArrayList<>();
        List<String> results = new ArrayList<>();
        table.setDefaultRenderer(Object.class, new DefaultTableCellRenderer() {
            private static final long serialVersionUID = 1L;

            @Override
            public Component getTableCellRendererComponent(JTable t, Object v, boolean sel, boolean focus, int row,
                    int col) {
                Component c = super.getTableCellRendererComponent(t, v, sel, focus, row, col);
                if (!sel && row < results.size()) {
                    String r = results.get(row);
                    c.setForeground(r.equals("退回") || r.equals("重新评估") ? new Color(0xB0, 0x1E, 0x1E)
                            : r.equals("通过") ? new Color(0x1E, 0x6E, 0x32) : Color.DARK_GRAY);
                }
                return c;
            }
        });
        Runnable fillGrowth = () -> {
            growth.setRowCount(0);
            int row = table.getSelectedRow();
            if (row < 0 || row >= shown.size() || shown.get(row).checks() == null) {
                return;
            }
            Object g = shown.get(row).checks().get("growth");
            if (g instanceof List<?> list) {
                for (Object o : list) {
                    if (o instanceof Map<?, ?> x) {
                        Double cy = number(x.get("county_yoy"));
                        Double ci = number(x.get("city_yoy"));
                        growth.addRow(new Object[] {x.get("name"), pct(cy), pct(ci),
                                cy == null || ci == null ? "-" : String.format("%+.1f", (cy - ci) * 100)});
                    }
                }
            }
        };
        table.getSelectionModel().addListSelectionListener(e -> {
            if (!e.getValueIsAdjusting()) {
                fillGrowth.run();
            }
        });
        Runnable refresh = () -> {
            String s = (String) specialty.getSelectedItem();
            String p = ctx.period();
            if (s == null || p == null) {
                heading.setText("没有启用的报表 (no report form enabled)");
                return;
            }
            int keep = table.getSelectedRow();
            load(() -> evaluations.evaluations(p, s), e -> {
                heading.setText(e.period() + " " + s + "：" + statusName(e.status())
                        + (e.evaluated() ? "" : "　未经评估，不得对外公布"));
                m.setRowCount(0);
                shown.clear();
                results.clear();
                for (Evaluations.CountyEvaluation c : e.counties()) {
                    Map<String, Object> k = c.checks() == null ? Map.of() : c.checks();
                    Map<?, ?> r = k.get("rates") instanceof Map<?, ?> x ? x : Map.of();
                    Map<?, ?> rec = k.get("records") instanceof Map<?, ?> x ? x : Map.of();
                    Map<?, ?> led = k.get("ledger") instanceof Map<?, ?> x ? x : Map.of();
                    String result = resultName(c.result());
                    m.addRow(new Object[] {countyName(c.county()), result, pct(number(r.get("reporting_rate"))),
                        pct(number(r.get("timeliness_rate"))), pct(number(r.get("accuracy_rate"))),
                        Boolean.TRUE.equals(r.get("all_100")) ? "是" : "否", k.get("open_errors"),
                        Boolean.TRUE.equals(rec.get("available")) ? rec.get("open") + "/" + rec.get("flags") : "无记录",
                        pct(number(rec.get("invoiced_yoy"))), pct(number(led.get("rate"))),
                        c.evaluator() == null ? "" : c.evaluator(), c.note() == null ? "" : c.note()});
                    shown.add(c);
                    results.add(result);
                }
                if (keep >= 0 && keep < m.getRowCount()) {
                    table.setRowSelectionInterval(keep, keep); // the county just decided stays in view
                }
            }, status);
        };
        JButton pass = new JButton("通过…");
        JButton back = new JButton("退回…");
        boolean may = ctx.allows("review.status.evaluated");
        pass.setEnabled(may);
        back.setEnabled(may);
        Consumer<String> decide = result -> {
            int row = table.getSelectedRow();
            if (row < 0) {
                status.setText("请先选择县区 (select a county)");
                return;
            }
            String county = shown.get(row).county();
            JTextArea note = new JTextArea(4, 40);
            note.setLineWrap(true);
            Object[] ask = {(result.equals("passed") ? "评估通过：" : "退回县区（须写明理由）：") + county, new JScrollPane(note)};
            if (JOptionPane.showConfirmDialog(table, ask, result.equals("passed") ? "评估通过" : "退回",
                    JOptionPane.OK_CANCEL_OPTION) != JOptionPane.OK_OPTION) {
                return;
            }
            String s = (String) specialty.getSelectedItem();
            String p = ctx.period();
            String text = note.getText().isBlank() ? null : note.getText().strip();
            load(() -> evaluations.evaluate(p, s, county, result, text), e -> refresh.run(), status);
        };
        // the month's other steps, with the same permissions and checks as review:status --set
        JButton reviewed = new JButton("审核完成");
        JButton release = new JButton("发布…");
        reviewed.setEnabled(ctx.allows("review.status.reviewed"));
        release.setEnabled(ctx.allows("review.status.released"));
        reviewed.addActionListener(e -> {
            String s = (String) specialty.getSelectedItem();
            String p = ctx.period();
            load(() -> statuses.advance(p, s, "reviewed", null), x -> refresh.run(), status);
        });
        release.addActionListener(e -> {
            String s = (String) specialty.getSelectedItem();
            String p = ctx.period();
            if (JOptionPane.showConfirmDialog(table, "发布 " + p + " " + s + " 的数据？发布后数据可对外公布。", "发布",
                    JOptionPane.OK_CANCEL_OPTION) == JOptionPane.OK_OPTION) {
                load(() -> statuses.advance(p, s, "released", null), x -> refresh.run(), status);
            }
        });
        pass.addActionListener(e -> decide.accept("passed"));
        back.addActionListener(e -> decide.accept("returned"));
        JButton reload = new JButton("刷新");
        reload.addActionListener(e -> refresh.run());
        specialty.addActionListener(e -> refresh.run());
        ctx.onPeriodChange(p -> refresh.run());
        ctx.onSpecialtyChange(s -> {
            if (s != null && specialties.contains(s)) {
                specialty.setSelectedItem(s);
            }
        });
        JPanel top = new JPanel(new FlowLayout(FlowLayout.LEFT));
        top.add(specialty);
        top.add(reload);
        top.add(reviewed);
        top.add(pass);
        top.add(back);
        top.add(release);
        top.add(heading);
        JPanel north = new JPanel(new BorderLayout());
        north.add(top, BorderLayout.NORTH);
        north.add(status, BorderLayout.SOUTH);
        JSplitPane split = new JSplitPane(JSplitPane.VERTICAL_SPLIT, new JScrollPane(table),
                new JScrollPane(growthTable));
        split.setResizeWeight(0.65);
        JPanel panel = new JPanel(new BorderLayout());
        panel.add(north, BorderLayout.NORTH);
        panel.add(split, BorderLayout.CENTER);
        refresh.run();
        return panel;
    }

    private static String statusName(String s) {
        return switch (s) {
            case "collecting" -> "采集中";
            case "reviewed" -> "已审核，待评估";
            case "evaluated" -> "已评估，待发布";
            case "released" -> "已发布";
            default -> s;
        };
    }

    private static String resultName(String r) {
        return switch (r) {
            case "pending" -> "待评估";
            case "passed" -> "通过";
            case "returned" -> "退回";
            case "reopened" -> "重新评估";
            default -> r;
        };
    }

    private static Double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : null;
    }

    private static String pct(Double d) {
        return d == null ? "-" : String.format("%.1f%%", d * 100);
    }

    private static DefaultTableModel model(String... columns) {
        return new DefaultTableModel(columns, 0) {
            private static final long serialVersionUID = 1L;

            @Override
            public boolean isCellEditable(int row, int column) {
                return false;
            }
        };
    }

    /** Off the Swing thread, then filled on it; a refusal or bad input shows in the status line. */
    private static <T> void load(Callable<T> work, Consumer<T> fill, JLabel status) {
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
                    status.setText((cause instanceof BadInputException ? "未保存：" : "失败：") + cause.getMessage());
                }
            }
        }.execute();
    }
}
