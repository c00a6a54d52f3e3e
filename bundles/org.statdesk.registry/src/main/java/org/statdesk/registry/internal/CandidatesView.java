package org.statdesk.registry.internal;

import java.awt.BorderLayout;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.ListSelectionModel;
import javax.swing.SwingWorker;
import javax.swing.table.DefaultTableModel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.workbench.View;
import org.statdesk.api.workbench.ViewContext;

/**
 * The workbench's list of open 应统尽统 candidates (as {@code registry:candidates} lists them, within the person's
 * scope): units to bring in with their evidence, units to take out with their market status; selecting a row
 * selects its unit. Resolving stays a command of the census section.
 */
@Component(service = View.class, property = {View.ID + "=registry.candidates", View.TITLE + "=应统尽统候选单位",
        View.TITLE_EN + "=Register candidates", View.SPECIALTY + "=core", View.AREA + "=editor"})
public final class CandidatesView implements View {
    private final Candidates candidates;

    @Activate
    public CandidatesView(@Reference Candidates candidates) {
        this.candidates = candidates;
    }

    @Override
    public JComponent create(ViewContext context) {
        DefaultTableModel m = new DefaultTableModel(new Object[] {"类别", "统一社会信用代码", "名称", "县区", "行业", "依据"}, 0) {
            private static final long serialVersionUID = 1L;

            @Override
            public boolean isCellEditable(int row, int column) {
                return false;
            }
        };
        JTable table = new JTable(m);
        table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        table.getSelectionModel().addListSelectionListener(e -> {
            int row = table.getSelectedRow();
            if (!e.getValueIsAdjusting() && row >= 0 && context != null) {
                context.selectUnit((String) m.getValueAt(row, 1));
            }
        });
        JLabel status = new JLabel(" ");
        Runnable refresh = () -> {
            status.setText("加载中…");
            new SwingWorker<Candidates.Listing, Void>() {
                @Override
                protected Candidates.Listing doInBackground() throws Exception {
                    return candidates.list(null, false);
                }

                @Override
                protected void done() {
                    try {
                        fill(m, get());
                        Candidates.Listing l = get();
                        status.setText(!l.recordsAvailable() ? "没有行政记录（records 模块未启用）"
                                : "截至 " + (l.asOf() == null ? "—" : l.asOf()) + "：应入库 " + l.missing().size()
                                        + "，应退库 " + l.exit().size());
                    } catch (Exception ex) {
                        Throwable cause = ex.getCause() == null ? ex : ex.getCause();
                        status.setText("加载失败：" + cause.getMessage());
                    }
                }
            }.execute();
        };
        refresh.run();
        JButton reload = new JButton("刷新");
        reload.addActionListener(e -> refresh.run());
        JPanel top = new JPanel(new BorderLayout());
        top.add(reload, BorderLayout.WEST);
        top.add(status, BorderLayout.CENTER);
        JPanel p = new JPanel(new BorderLayout());
        p.add(top, BorderLayout.NORTH);
        p.add(new JScrollPane(table), BorderLayout.CENTER);
        return p;
    }

    /** The rows of a listing: missing units first, then exits. */
    static void fill(DefaultTableModel m, Candidates.Listing l) {
        m.setRowCount(0);
        for (Candidates.MissingItem x : l.missing()) {
            CandidateRules.Missing c = x.candidate();
            m.addRow(new Object[] {"应入库", c.market().creditCode(), c.market().name(), c.countyCode(),
                c.industryCode(), String.format("%s至%s发票销售额 %,.1f 千元（%d个月），%s标准 %,d 千元", c.from(), c.to(),
                        c.invoiced(), c.monthsWithRecords(), c.standard(), c.threshold())});
        }
        for (Candidates.ExitItem x : l.exit()) {
            CandidateRules.Exit c = x.candidate();
            m.addRow(new Object[] {"应退库", c.unit().creditCode(), c.unit().name(), c.unit().countyCode(),
                c.unit().industryCode(), "市场登记" + c.market().status()
                        + (c.market().statusDate() == null ? "" : " " + c.market().statusDate())});
        }
    }
}
