package org.statdesk.workbench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.statdesk.workbench.internal.SignInDialogGuiTest.all;
import static org.statdesk.workbench.internal.SignInDialogGuiTest.dialog;
import static org.statdesk.workbench.internal.SignInDialogGuiTest.press;
import static org.statdesk.workbench.internal.WorkbenchGuiTest.find;
import static org.statdesk.workbench.internal.WorkbenchGuiTest.onEdt;
import static org.statdesk.workbench.internal.WorkbenchGuiTest.waitFor;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JTable;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.statdesk.api.audit.Journal;
import org.statdesk.api.workbench.View;
import org.statdesk.charts.internal.ChartServiceImpl;
import org.statdesk.charts.internal.ChartViews;
import org.statdesk.people.internal.PeopleImpl;
import org.statdesk.people.internal.TestPeople;
import org.statdesk.testing.FakeReview;
import org.statdesk.testing.ListRegister;

/**
 * No internal code on screen: scales, register statuses, journal fields, people by display name, local times, the
 * features by their titles with bundle states in words, no month to come in the period list, a chart that cannot be
 * drawn saying why in words; disabling a specialty asked first.
 */
class ChineseLabelsGuiTest {
    private Shell shell;
    private FakeReview review;
    private WorkbenchGuiTest.FakeFeatures features;
    private String code;

    @BeforeEach
    void open() throws Exception {
        Gui.requireDisplay();
        Object[] demo = Fakes.demo(12);
        review = (FakeReview) demo[0];
        ListRegister register = (ListRegister) demo[1];
        code = ProblemsGuiTest.code(4);
        PeopleImpl people = TestPeople.create();
        people.add("admin", "admin", null, null, "系统管理员王芳", "管理员的长密码-2026".toCharArray());
        review.journal.add(new Journal.Entry(1, "2026-11-30T01:12:01Z", "admin", "org.statdesk.registry", "unit", code,
                "*", null, "above 620602", "登记申请", null, "h1"));
        review.journal.add(new Journal.Entry(2, "2026-11-30T02:30:00.250+00:00", "liangzhou（凉州区李伟）",
                "org.statdesk.registry", "unit", code, "status", "applied", "in_register", "县级审核通过", null, "h2"));
        review.journal.add(new Journal.Entry(3, "2026-11-30T03:00:00Z", "root", "org.statdesk.registry", "unit", code,
                "import_admit", null, null, "名录导入", null, "h3"));
        Texts texts = Texts.of("zh");
        features = new WorkbenchGuiTest.FakeFeatures();
        FakeReview noForms = new FakeReview();
        ChartServiceImpl charts = Gui.charts(noForms, register);
        onEdt(() -> {
            Looks.install(ChineseLabelsGuiTest.class.getClassLoader());
            Dialogs.localize(texts);
            shell = new Shell(texts, "/home/tongji/statdesk-data", "2024-06", () -> { });
            add(1, new UnitView(register, new WorkbenchGuiTest.FakeJournal(review), features, texts, people),
                    "statdesk.workbench.unit", "单位详情");
            add(2, new FeaturesView(features, texts), "statdesk.workbench.features", "功能管理");
            add(3, new ChartViews.Variance(charts), "statdesk.charts.variance", "环比差异图");
            texts.learnTitles(Map.of("industrial", "工业", "trade", "批零住餐"));
            shell.show();
            return null;
        });
    }

    @AfterEach
    void close() throws Exception {
        Gui.dispose(shell);
    }

    private void add(long key, View v, String id, String title) {
        Gui.add(shell, key, v, id, title, null, "editor", null);
    }

    private static String local(String instant) {
        return LocalDateTime.ofInstant(Instant.parse(instant), ZoneId.systemDefault())
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
    }

    private static List<String> labels(java.awt.Container c) {
        List<String> out = new ArrayList<>();
        all(c, JLabel.class).forEach(l -> out.add(l.getText()));
        return out;
    }

    @Test
    void theUnitViewShowsWordsDisplayNamesAndLocalTimes() throws Exception {
        onEdt(() -> {
            shell.showView("statdesk.workbench.unit");
            shell.selectUnit(code);
            return null;
        });
        waitFor("the history", () -> {
            JTable t = find(shell.host("statdesk.workbench.unit").component, JTable.class, "unit.history");
            return t != null && t.isShowing() && t.getRowCount() == 3;
        }, 10_000);
        JTable history = onEdt(() -> find(shell.host("statdesk.workbench.unit").component, JTable.class,
                "unit.history"));
        List<String> shown = onEdt(() -> labels(shell.host("statdesk.workbench.unit").component));
        int scale = shown.indexOf("规模");
        int status = shown.indexOf("名录状态");
        assertEquals("四上", shown.get(scale + 1), shown.toString());
        assertEquals("在库", shown.get(status + 1), shown.toString());
        List<List<Object>> rows = onEdt(() -> {
            List<List<Object>> out = new ArrayList<>();
            for (int r = 0; r < history.getRowCount(); r++) {
                List<Object> row = new ArrayList<>();
                for (int c = 0; c < 5; c++) {
                    row.add(history.getValueAt(r, c));
                }
                out.add(row);
            }
            return out;
        });
        assertEquals(List.of(local("2026-11-30T01:12:01Z"), "系统管理员王芳", "新增记录", "", "四上 620602"),
                rows.get(0));
        assertEquals(List.of(local("2026-11-30T02:30:00.250Z"), "凉州区李伟", "状态", "已申请", "在库"), rows.get(1));
        assertEquals(List.of(local("2026-11-30T03:00:00Z"), "root", "导入并入库", "", ""), rows.get(2),
                "a login the people service does not know stays as it is");
        screenshot("workbench-unit-words.png");
    }

    @Test
    void featuresShowTitlesAndStatesInWordsAndDisablingAsksFirst() throws Exception {
        onEdt(() -> {
            shell.showView("statdesk.workbench.features");
            return null;
        });
        JTable ft = onEdt(() -> all(shell.host("statdesk.workbench.features").component, JTable.class).get(0));
        JTable bt = onEdt(() -> all(shell.host("statdesk.workbench.features").component, JTable.class).get(1));
        waitFor("the features", () -> ft.getRowCount() == 5, 10_000);
        int trade = onEdt(() -> {
            for (int r = 0; r < ft.getRowCount(); r++) {
                for (int c = 0; c < ft.getColumnCount(); c++) {
                    String v = String.valueOf(ft.getValueAt(r, c));
                    assertFalse(v.contains("org.statdesk") || v.contains(":1.0.0"), "a coordinate on screen: " + v);
                }
            }
            for (int r = 0; r < ft.getRowCount(); r++) {
                if ("批零住餐".equals(ft.getValueAt(r, 0))) {
                    return r;
                }
            }
            return -1;
        });
        onEdt(() -> {
            ft.setRowSelectionInterval(trade, trade);
            return null;
        });
        assertEquals("运行中", onEdt(() -> bt.getValueAt(0, 2)));
        JButton disable = onEdt(() -> find(shell.host("statdesk.workbench.features").component, JButton.class,
                "features.disable"));
        SwingUtilities.invokeLater(disable::doClick);
        JDialog ask = dialog();
        assertTrue(String.join("", SignInDialogGuiTest.texts(ask)).contains("停用“批零住餐”？"),
                SignInDialogGuiTest.texts(ask).toString());
        press(ask, "取消");
        assertTrue(features.features().stream().anyMatch(f -> f.name().equals("trade") && f.enabled()),
                "取消 changes nothing");
        SwingUtilities.invokeLater(disable::doClick);
        press(dialog(), "确定");
        waitFor("trade disabled", () -> features.features().stream()
                .anyMatch(f -> f.name().equals("trade") && !f.enabled()), 10_000);
    }

    @Test
    void thePeriodListOffersNoMonthToCome() throws Exception {
        @SuppressWarnings("unchecked")
        JComboBox<String> periods = onEdt(() -> find(shell.frame().getContentPane(), JComboBox.class, "period"));
        JButton next = onEdt(() -> find(shell.frame().getContentPane(), JButton.class, "period.next"));
        String now = YearMonth.now().toString();
        onEdt(() -> {
            shell.setPeriod(YearMonth.now().minusMonths(1).toString());
            return null;
        });
        List<String> items = onEdt(() -> {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < periods.getItemCount(); i++) {
                out.add(periods.getItemAt(i));
            }
            return out;
        });
        assertEquals(now, items.get(0), "this month is the latest offered");
        assertTrue(items.stream().allMatch(p -> p.compareTo(now) <= 0), items.toString());
        assertTrue(onEdt(next::isEnabled));
        onEdt(() -> {
            next.doClick();
            return null;
        });
        assertEquals(now, onEdt(() -> shell.period()));
        assertFalse(onEdt(next::isEnabled), "no ▶ into a month to come");
    }

    @Test
    void aChartThatCannotBeDrawnSaysWhyInWords() throws Exception {
        onEdt(() -> {
            shell.showView("statdesk.charts.variance");
            return null;
        });
        waitFor("the hint", () -> labels(shell.host("statdesk.charts.variance").component).stream()
                .anyMatch(t -> t != null && t.contains("没有启用的报表")), 10_000);
        List<String> shown = onEdt(() -> labels(shell.host("statdesk.charts.variance").component));
        assertTrue(shown.stream().noneMatch(t -> t != null && (t.contains("--") || t.contains("enable a specialty"))),
                shown.toString());
        screenshot("workbench-chart-hint.png");
    }

    private void screenshot(String name) throws Exception {
        Gui.screenshot(shell, name);
    }
}
