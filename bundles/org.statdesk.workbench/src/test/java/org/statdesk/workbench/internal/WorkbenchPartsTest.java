package org.statdesk.workbench.internal;

import org.statdesk.testing.ListRegister;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import javax.swing.tree.DefaultMutableTreeNode;
import org.junit.jupiter.api.Test;
import org.statdesk.api.registry.UnitQuery;

/** The parts of the workbench that need no display. */
class WorkbenchPartsTest {
    @Test
    void chineseIsTheDefaultAndEnglishComesWithTheLocale() {
        // Whatever the JVM's default locale, zh must not fall back to the English bundle.
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.ENGLISH);
            assertEquals("问题", Texts.of("zh").get("problems.title"));
            assertEquals("问题", Texts.of(null).get("problems.title"));
        } finally {
            Locale.setDefault(before);
        }
        assertEquals("Problems", Texts.of("en").get("problems.title"));
        Texts zh = Texts.of("zh");
        assertEquals("industrial", zh.specialty("industrial"), "no title of its own: the feature file gives it");
        zh.learnTitles(java.util.Map.of("industrial", "工业"));
        assertEquals("工业", zh.specialty("industrial"));
        assertEquals("mining", zh.specialty("mining"), "an unknown specialty shows its key");
        assertEquals("12 条疑问 (共 30 条)", Texts.of("zh").get("problems.count", 12, 30));
    }

    @Test
    void everyChineseTextHasAnEnglishOne() throws Exception {
        java.util.Properties zh = new java.util.Properties();
        java.util.Properties en = new java.util.Properties();
        try (var a = getClass().getResourceAsStream("texts.properties");
                var b = getClass().getResourceAsStream("texts_en.properties")) {
            zh.load(new java.io.InputStreamReader(a, java.nio.charset.StandardCharsets.UTF_8));
            en.load(new java.io.InputStreamReader(b, java.nio.charset.StandardCharsets.UTF_8));
        }
        assertEquals(zh.keySet(), en.keySet());
    }

    @Test
    void navigatorTreeGroupsUnitsByCountyAndTownship() {
        Object[] demo = Fakes.demo(10);
        ListRegister reg = (ListRegister) demo[1];
        DefaultMutableTreeNode root = NavigatorView.build(reg.list(UnitQuery.all()), reg.divisions());
        assertEquals(4, root.getChildCount(), "four counties");
        DefaultMutableTreeNode county = (DefaultMutableTreeNode) root.getChildAt(0);
        assertEquals("凉州区 620602", county.getUserObject());
        DefaultMutableTreeNode town = (DefaultMutableTreeNode) county.getChildAt(0);
        assertEquals("东大街街道 620602100", town.getUserObject());
        // units 0, 4, 8 are in the first county
        assertEquals(3, town.getChildCount());
        assertTrue(((DefaultMutableTreeNode) town.getChildAt(0)).getUserObject() instanceof NavigatorView.UnitNode);
    }

    @Test
    void initialPeriodIsTheConfiguredOneOrLastMonth() {
        assertEquals("2024-06", Workbench.initialPeriod("2024-06"));
        assertEquals(java.time.YearMonth.now().minusMonths(1).toString(), Workbench.initialPeriod(null));
        assertEquals(java.time.YearMonth.now().minusMonths(1).toString(), Workbench.initialPeriod("June"));
    }

    @Test
    void backgroundWorkReportsDoneFailedAndCancelled() throws Exception {
        List<String> outcomes = new java.util.concurrent.CopyOnWriteArrayList<>();
        Background bg = new Background(new Background.Progress() {
            public void started(String title, Runnable cancel) {
            }

            public void finished(String title, String outcome) {
                outcomes.add(outcome);
            }
        }, Texts.of("zh"));
        bg.run("导入", c -> { }, null).future().get();
        bg.run("审核", c -> {
            throw new IllegalStateException("数据库不可用");
        }, null).future().get();
        Background.Task t = bg.run("导出", c -> Thread.sleep(10_000), null);
        t.cancel().run();
        long until = System.currentTimeMillis() + 5000;
        while (bg.running() > 0 && System.currentTimeMillis() < until) {
            Thread.sleep(10);
        }
        java.awt.EventQueue.invokeAndWait(() -> { });
        assertEquals(0, bg.running(), "cancelled work ends");
        assertTrue(outcomes.contains("导入 完成"), outcomes.toString());
        assertTrue(outcomes.contains("审核 失败: 数据库不可用"), outcomes.toString());
        assertTrue(outcomes.contains("导出 已取消"), outcomes.toString());
        bg.shutdown();
    }

    @Test
    void rulesAreShownByTitleAndTimesInLocalTime() {
        Texts zh = Texts.of("zh");
        assertEquals("电耗背离", RuleTitles.title("电耗背离：工业总产值环比增长超过30%而用电量下降超过10%，请核实", zh));
        assertEquals("产销率", RuleTitles.title("产销率（工业销售产值/工业总产值）超出0.5～1.5，请核实", zh));
        assertEquals("指标不能为负数", RuleTitles.title("{name}不能为负数", zh));
        assertEquals("出口交货值不应大于工业销售产值", RuleTitles.title("出口交货值不应大于工业销售产值", zh));
        java.util.Map<String, String> form = java.util.Map.of("export_le_sales", "出口交货值不应大于工业销售产值");
        assertEquals("环比变化过大", RuleTitles.title("mom", "comparative", form, zh), "the review's own rule");
        assertEquals("出口交货值不应大于工业销售产值", RuleTitles.title("export_le_sales", "logical", form, zh));
        assertEquals("逻辑审核", RuleTitles.title("IND-L09", "logical", form, zh), "unknown: by its kind");
        assertEquals("其他规则", RuleTitles.title("x", "new_kind", form, zh));
        java.time.ZoneId shanghai = java.time.ZoneId.of("Asia/Shanghai");
        assertEquals("2026-11-30 09:12:01", Times.local("2026-11-30T01:12:01Z", shanghai));
        assertEquals("2026-11-30 09:12:01", Times.local("2026-11-30T01:12:01.250+00:00", shanghai));
        assertEquals("2026-11-30 01:12:01", Times.local("2026-11-30T01:12:01", shanghai), "no zone: as it is");
        assertEquals("昨天", Times.local("昨天", shanghai));
        assertEquals("四上", zh.word("scale", "above"));
        assertEquals("在库", zh.word("unitStatus", "in_register"));
        assertEquals("mystery", zh.word("unitStatus", "mystery"));
    }

    @Test
    void aFormsRulesAreTitledFromItsRulesFile() throws Exception {
        java.net.URL file = java.nio.file.Path.of("..", "org.statdesk.industrial", "src", "main", "resources", "rules",
                "industrial.rules.json").toUri().toURL();
        org.statdesk.api.review.ReportForm base = org.statdesk.testing.Forms.industrial();
        org.statdesk.api.review.ReportForm form = new org.statdesk.api.review.ReportForm() {
            public String code() {
                return base.code();
            }

            public String title() {
                return base.title();
            }

            public String specialty() {
                return base.specialty();
            }

            public List<org.statdesk.api.review.Indicator> indicators() {
                return base.indicators();
            }

            public List<String> comparedIndicators() {
                return base.comparedIndicators();
            }

            public java.net.URL rules() {
                return file;
            }

            public List<String> stratification() {
                return base.stratification();
            }

            public int deadlineDay() {
                return base.deadlineDay();
            }
        };
        java.util.Map<String, String> titles = RuleTitles.of(List.of(form, base), Texts.of("zh"));
        assertEquals("电耗背离", titles.get("electricity_divergence"));
        assertEquals("指标不能为负数", titles.get("nonnegative"));
        assertEquals("出口交货值不应大于工业销售产值", titles.get("export_le_sales"));
        assertEquals(6, titles.size(), titles.toString());
    }

    @Test
    void theStatusLineForgetsAnOldOutcome() throws Exception {
        java.util.concurrent.atomic.AtomicReference<StatusBar> bar = new java.util.concurrent.atomic.AtomicReference<>();
        java.awt.EventQueue.invokeAndWait(() -> {
            StatusBar b = new StatusBar(Texts.of("zh"));
            b.started("导入", () -> { });
            b.finished("导入", "导入 完成");
            bar.set(b);
        });
        assertEquals("导入 完成", bar.get().work());
        java.awt.EventQueue.invokeAndWait(() -> {
            bar.get().started("审核", () -> { });
            bar.get().clearOutcomeNow();
        });
        assertEquals("审核 …", bar.get().work(), "work in progress stays");
        java.awt.EventQueue.invokeAndWait(() -> {
            bar.get().finished("审核", "审核 完成");
            bar.get().clearOutcomeNow();
        });
        assertEquals("", bar.get().work(), "an old outcome goes");
    }
}
