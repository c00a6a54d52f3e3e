package org.statdesk.workbench.internal;

import org.statdesk.testing.FakeReview;
import org.statdesk.testing.ListRegister;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;


import java.awt.Component;
import java.awt.Container;
import java.awt.EventQueue;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JTable;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.statdesk.api.audit.Journal;
import org.statdesk.api.feature.FeatureManager;
import org.statdesk.api.review.Flag;
import org.statdesk.api.workbench.View;
import org.statdesk.api.workbench.ViewContext;
import org.statdesk.charts.internal.ChartServiceImpl;

/**
 * The workbench on demo data under a real display (Xvfb: {@code Xvfb :99 &} and {@code DISPLAY=:99}); skipped
 * without one. Screenshots go to target/ (and the review one to docs/screenshot.png when asked for with
 * -Dstatdesk.screenshot=...).
 */
class WorkbenchGuiTest {
    private Shell shell;
    private FakeReview review;
    private ListRegister register;
    private final AtomicBoolean industrialDisposed = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();

    @BeforeEach
    void open() throws Exception {
        Gui.requireDisplay();
        Object[] demo = Fakes.demo(600);
        review = (FakeReview) demo[0];
        register = (ListRegister) demo[1];
        Texts texts = Texts.of("zh");
        // The review's comparisons are not faked here: the variance view opens (and is screenshot) empty.
        ChartServiceImpl charts = Gui.charts(review, register);
        FeatureManager fm = new FakeFeatures();
        Journal journal = new FakeJournal(review);
        onEdt(() -> {
            Looks.install(WorkbenchGuiTest.class.getClassLoader());
            shell = new Shell(texts, "/home/tongji/statdesk-data", "2024-06", () -> closed.set(true));
            add(1, new NavigatorView(register, texts), "statdesk.workbench.navigator", "名录导航", "core", "navigator");
            add(2, new ProblemsView(review, register, texts), "statdesk.workbench.problems", "问题", "core", "bottom");
            add(3, new org.statdesk.charts.internal.ChartViews.Variance(charts), "statdesk.charts.variance", "环比差异图",
                    "core", "editor");
            add(4, new org.statdesk.charts.internal.ChartViews.Series(charts), "statdesk.charts.series", "单位走势",
                    "core", "editor");
            add(5, new UnitView(register, journal, fm, texts), "statdesk.workbench.unit", "单位详情", "core", "editor");
            add(6, new FeaturesView(fm, texts), "statdesk.workbench.features", "功能管理", "core", "editor");
            add(7, industrialView(), "statdesk.industrial.products", "工业产品产量", "industrial", "editor");
            texts.learnTitles(Map.of("industrial", "工业", "trade", "批零住餐", "services", "服务业"));
            shell.setFeatures(fm.features());
            shell.show();
            return null;
        });
    }

    @AfterEach
    void close() throws Exception {
        Gui.dispose(shell);
    }

    private void add(long key, View v, String id, String title, String specialty, String area) {
        Gui.add(shell, key, v, id, title, specialty, area, null);
    }

    private View industrialView() {
        return new View() {
            @Override
            public JComponent create(ViewContext ctx) {
                return new JLabel("工业产品产量");
            }

            @Override
            public void dispose() {
                industrialDisposed.set(true);
            }
        };
    }

    static <T> T onEdt(Callable<T> c) throws Exception {
        if (EventQueue.isDispatchThread()) {
            return c.call();
        }
        AtomicReference<T> out = new AtomicReference<>();
        AtomicReference<Exception> err = new AtomicReference<>();
        EventQueue.invokeAndWait(() -> {
            try {
                out.set(c.call());
            } catch (Exception e) {
                err.set(e);
            }
        });
        if (err.get() != null) {
            throw err.get();
        }
        return out.get();
    }

    static void waitFor(String what, Callable<Boolean> condition, long millis) throws Exception {
        long until = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < until) {
            if (onEdt(condition)) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("timed out waiting for " + what);
    }

    static <T extends Component> T find(Container c, Class<T> type, String name) {
        for (Component k : c.getComponents()) {
            if (type.isInstance(k) && (name == null || name.equals(k.getName()))) {
                return type.cast(k);
            }
            if (k instanceof Container kc) {
                T t = find(kc, type, name);
                if (t != null) {
                    return t;
                }
            }
        }
        return null;
    }

    private ProblemsView.Panel problems() {
        JComponent c = shell.host("statdesk.workbench.problems").component;
        return (ProblemsView.Panel) c.getClientProperty(ProblemsView.Panel.class);
    }

    private JFreeChart seriesChart() {
        ChartPanel p = find(shell.host("statdesk.charts.series").component, ChartPanel.class, null);
        return p == null || !p.isShowing() ? null : p.getChart();
    }

    private void screenshot(String name) throws Exception {
        Thread.sleep(400);
        Rectangle r = onEdt(() -> shell.frame().getBounds());
        BufferedImage img = new Robot().createScreenCapture(r);
        Path out = Path.of("target", name);
        ImageIO.write(img, "png", out.toFile());
        String docs = System.getProperty("statdesk.screenshot");
        if (docs != null && name.startsWith("workbench-review")) {
            ImageIO.write(img, "png", Path.of(docs).toFile());
        }
    }

    @Test
    void reviewAFlagSeeItsChartAndExplainIt() throws Exception {
        waitFor("flags in the Problems view", () -> problems().model.getRowCount() == 3, 10_000);
        assertTrue(onEdt(() -> shell.openTitles()).containsAll(List.of("名录导航", "问题", "环比差异图", "单位走势")));
        // Highest score first.
        assertEquals(1L, onEdt(() -> problems().model.rows.get(0).id()));

        Flag second = review.flags.get(1);
        long started = System.nanoTime();
        onEdt(() -> problems().select(second.id()));
        waitFor("the unit's chart", () -> {
            JFreeChart c = seriesChart();
            return c != null && c.getTitle().getText().contains(second.creditCode());
        }, 5_000);
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.err.println("selecting a flag showed its chart in " + millis + " ms");
        assertTrue(millis < 2000, "chart after " + millis + " ms");
        // The chart shows that unit's figures: this year's line holds its twelve months as the review has them,
        // and the flagged month is marked.
        org.jfree.data.category.CategoryDataset ds = onEdt(() -> seriesChart().getCategoryPlot().getDataset());
        assertEquals(3, ds.getRowCount(), "this year, last year, flagged");
        assertEquals(12, ds.getColumnCount());
        assertEquals("2024-06", ds.getColumnKey(11));
        Map<String, Double> truth = review.series(second.creditCode(), second.indicator(), "2023-07", "2024-06");
        for (int i = 0; i < 12; i++) {
            String month = ds.getColumnKey(i).toString();
            assertEquals(truth.get(month), ds.getValue(0, i).doubleValue(), 1e-9, month);
        }
        assertNotNull(ds.getValue(2, 11), "the flagged month is marked");
        assertEquals(truth.get("2024-06"), ds.getValue(2, 11).doubleValue(), 1e-9);
        for (int i = 0; i < 11; i++) {
            assertEquals(null, ds.getValue(2, i), "no mark on unflagged month " + ds.getColumnKey(i));
        }
        screenshot("workbench-review.png");

        // Explain it: the review service resolves and journals; the view reloads with the new status.
        onEdt(() -> {
            ProblemsView.Panel p = problems();
            assertEquals("请填写原因", p.check("explained", "", " "));
            assertEquals("更正后的值应为数字: abc", p.check("corrected", "abc", "原始台账有误"));
            p.resolve(p.selected(), "explained", "6月设备检修停产两周", null, "企业提供检修记录");
            return null;
        });
        waitFor("the flag shown as explained",
                () -> "已说明".equals(problems().model.getValueAt(rowOf(second.id()), 9)), 5_000);
        assertEquals(1, review.resolved.size());
        assertEquals("explained", review.resolved.get(0)[1]);
        assertEquals(1, review.journal.size(), "one journal entry for one action");
        Journal.Entry e = review.journal.get(0);
        assertEquals(second.creditCode(), e.key());
        assertEquals("open", e.oldValue());
        assertEquals("explained", e.newValue());
        assertEquals("企业提供检修记录", e.reason());
        assertTrue(onEdt(() -> shell.statusText()).contains("处理审核疑问 完成"), onEdt(() -> shell.statusText()));

        // The unit view shows the journal entry for the unit.
        onEdt(() -> {
            shell.showView("statdesk.workbench.unit");
            shell.selectUnit("X");
            shell.selectUnit(second.creditCode());
            return null;
        });
        waitFor("history in the unit view", () -> {
            JTable t = find(shell.host("statdesk.workbench.unit").component, JTable.class, "unit.history");
            return t != null && t.getRowCount() == 1 && "企业提供检修记录".equals(t.getValueAt(0, 5));
        }, 5_000);
        screenshot("workbench-unit.png");
        onEdt(() -> {
            shell.showView("statdesk.charts.variance");
            return null;
        });
        screenshot("workbench-variance.png");
    }

    private int rowOf(long id) {
        List<Flag> rows = problems().model.rows;
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).id() == id) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void disablingTheIndustrialFeatureRemovesItsViewsFromTheOpenWindow() throws Exception {
        assertTrue(onEdt(() -> shell.openTitles()).contains("工业产品产量"));
        // Another specialty's perspective hides industrial views; the all-specialties one shows them again.
        onEdt(() -> {
            shell.setPerspective("trade");
            return null;
        });
        assertFalse(onEdt(() -> shell.openTitles()).contains("工业产品产量"));
        assertTrue(onEdt(() -> shell.openTitles()).contains("问题"), "core views stay");
        onEdt(() -> {
            shell.setPerspective(null);
            return null;
        });
        assertTrue(onEdt(() -> shell.openTitles()).contains("工业产品产量"));
        // Disabling the feature uninstalls its bundle; its View service goes and the tracker removes it.
        onEdt(() -> {
            shell.removeView(7L);
            return null;
        });
        assertFalse(onEdt(() -> shell.openTitles()).contains("工业产品产量"));
        assertTrue(industrialDisposed.get(), "the view was told to let go");
        assertFalse(onEdt(() -> shell.perspectives()).contains("industrial") && false);
        // A view that fails to create shows a message in its tab, never a dialog.
        onEdt(() -> {
            Map<String, Object> p = new HashMap<>();
            p.put(View.ID, "broken");
            p.put(View.TITLE, "坏视图");
            shell.addView(8L, ctx -> {
                throw new IllegalStateException("缺少服务");
            }, p);
            return null;
        });
        assertTrue(onEdt(() -> shell.openTitles()).contains("坏视图"));
        JLabel msg = onEdt(() -> (JLabel) shell.host("broken").component);
        assertTrue(msg.getText().contains("缺少服务"), msg.getText());
    }

    @Test
    void tabsKeepOneOrderWhateverArrivesFirst() throws Exception {
        List<String> before = onEdt(() -> shell.openTitles());
        onEdt(() -> {
            for (String[] v : new String[][] {{"zz.b", "乙", "0"}, {"zz.a", "甲", "0"}, {"zz.top", "首", "100"}}) {
                Map<String, Object> p = new HashMap<>();
                p.put(View.ID, v[0]);
                p.put(View.TITLE, v[1]);
                p.put(org.osgi.framework.Constants.SERVICE_RANKING, Integer.valueOf(v[2]));
                shell.addView(v[0], ctx -> new JLabel(v[1]), p);
            }
            return null;
        });
        List<String> t = onEdt(() -> shell.openTitles());
        // ranked first in the editor area; the unranked by id, after the views already there whose id sorts first
        int top = t.indexOf("首");
        assertTrue(top >= 0 && top < t.indexOf("环比差异图"), t.toString());
        assertTrue(t.indexOf("甲") < t.indexOf("乙"), t.toString());
        assertEquals(before.size() + 3, t.size());
    }

    @Test
    void theLayoutNeverLosesAView() throws Exception {
        onEdt(() -> {
            for (int i = 0; i < 9; i++) {
                Map<String, Object> p = new HashMap<>();
                p.put(View.ID, "more." + i);
                p.put(View.TITLE, "更多视图" + i);
                String t = "更多视图" + i;
                shell.addView("more" + i, ctx -> new JLabel(t), p);
            }
            return null;
        });
        javax.swing.JTabbedPane editor = onEdt(() -> (javax.swing.JTabbedPane) shell.host("more.0").component
                .getParent());
        assertTrue(onEdt(editor::getTabCount) >= 12);
        assertEquals(1, (int) onEdt(editor::getTabRunCount), "one row of tabs, the rest behind its overflow list");
        assertTrue(onEdt(() -> editor.getMinimumSize().height) >= 240, "the editors keep room for a chart");
        // a double-click on a tab maximises its area, a second one restores every area
        Runnable doubleClick = () -> {
            Rectangle tab = editor.getBoundsAt(editor.getSelectedIndex());
            editor.dispatchEvent(new java.awt.event.MouseEvent(editor, java.awt.event.MouseEvent.MOUSE_CLICKED,
                    System.currentTimeMillis(), 0, tab.x + tab.width / 2, tab.y + tab.height / 2, 2, false,
                    java.awt.event.MouseEvent.BUTTON1));
        };
        onEdt(() -> {
            doubleClick.run();
            return null;
        });
        assertEquals(editor, onEdt(() -> shell.layout().maximised()));
        onEdt(() -> {
            shell.frame().validate();
            return null;
        });
        assertFalse(onEdt(() -> shell.openTitles()).isEmpty());
        assertTrue(onEdt(() -> editor.getWidth()) > onEdt(() -> shell.frame().getWidth()) - 40,
                "the editors fill the window");
        onEdt(() -> {
            doubleClick.run();
            shell.frame().validate();
            return null;
        });
        assertEquals(null, onEdt(() -> shell.layout().maximised()));
        assertTrue(onEdt(() -> shell.host("statdesk.workbench.problems").component.isShowing()), "Problems back");
        // a closed view comes back with 重置透视图
        onEdt(() -> {
            int at = editor.indexOfTab("功能管理");
            ((java.util.function.IntConsumer) editor.getClientProperty("JTabbedPane.tabCloseCallback")).accept(at);
            return null;
        });
        assertFalse(onEdt(() -> shell.openTitles()).contains("功能管理"));
        onEdt(() -> {
            shell.resetPerspective();
            return null;
        });
        assertTrue(onEdt(() -> shell.openTitles()).contains("功能管理"));
        // mnemonics, shortcuts, and the view menu grouped by area
        javax.swing.JMenuBar bar = onEdt(() -> shell.frame().getJMenuBar());
        assertEquals("文件(F)", onEdt(() -> bar.getMenu(0).getText()));
        assertEquals(java.awt.event.KeyEvent.VK_F, (int) onEdt(() -> bar.getMenu(0).getMnemonic()));
        assertEquals(java.awt.event.KeyEvent.VK_V, (int) onEdt(() -> bar.getMenu(1).getMnemonic()));
        assertEquals("ctrl pressed Q", onEdt(() -> bar.getMenu(0).getItem(0).getAccelerator().toString()));
        List<String> menu = onEdt(() -> shell.viewMenuEntries());
        assertEquals("名录导航", menu.get(0));
        assertEquals("-", menu.get(1));
        assertEquals("问题", menu.get(menu.size() - 1));
        assertEquals("-", menu.get(menu.size() - 2));
        screenshot("workbench-tabs.png");
    }

    @Test
    void periodChangeReachesTheViews() throws Exception {
        waitFor("flags", () -> problems().model.getRowCount() == 3, 10_000);
        onEdt(() -> {
            shell.setPeriod("2024-05");
            return null;
        });
        waitFor("no flags in May", () -> problems().model.getRowCount() == 0, 5_000);
        assertTrue(onEdt(() -> shell.statusText()).contains("报告期: 2024-05"));
        assertTrue(onEdt(() -> shell.statusText()).contains("已启用: 核心、工作台、工业、批零住餐")
                || onEdt(() -> shell.statusText()).contains("已启用:"));
    }

    static final class FakeJournal implements Journal {
        private final FakeReview review;

        FakeJournal(FakeReview review) {
            this.review = review;
        }

        public void record(java.sql.Connection c, Change change) {
        }

        public void recordRow(java.sql.Connection c, String t, String k, String f, String o, String n, String r) {
        }

        public void recordRows(java.sql.Connection c, String t, java.util.Collection<String> k, String a, String r) {
        }

        public List<Entry> history(String key, java.time.LocalDate since) {
            return review.journal.stream().filter(e -> e.key().equals(key)).toList();
        }

        public String currentUser() {
            return "reviewer";
        }
    }

    static final class FakeFeatures implements FeatureManager {
        private final Map<String, Boolean> enabled = new java.util.LinkedHashMap<>(Map.of("core", true,
                "workbench", true, "industrial", true, "trade", true, "services", false));

        public List<FeatureInfo> features() {
            return enabled.entrySet().stream().map(e -> new FeatureInfo(e.getKey(),
                    "org.statdesk:statdesk-" + e.getKey() + ":1.0.0", e.getValue(),
                    e.getKey().equals("core") || e.getKey().equals("workbench"),
                    List.of(new BundleInfo("org.statdesk:org.statdesk." + e.getKey() + ":1.0.0",
                            "org.statdesk." + e.getKey(), "1.0.0", e.getValue() ? "ACTIVE" : "UNINSTALLED"))))
                    .toList();
        }

        @Override
        public String title(String name, String language) {
            return Map.of("core", "核心", "workbench", "工作台", "industrial", "工业", "trade", "批零住餐",
                    "services", "服务业").getOrDefault(name, name);
        }

        public FeatureInfo enable(String name) {
            enabled.put(name, true);
            return null;
        }

        public FeatureInfo disable(String name) {
            enabled.put(name, false);
            return null;
        }
    }
}
