package org.statdesk.workbench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.statdesk.workbench.internal.SignInDialogGuiTest.dialog;
import static org.statdesk.workbench.internal.SignInDialogGuiTest.press;
import static org.statdesk.workbench.internal.SignInDialogGuiTest.showing;
import static org.statdesk.workbench.internal.WorkbenchGuiTest.find;
import static org.statdesk.workbench.internal.WorkbenchGuiTest.onEdt;
import static org.statdesk.workbench.internal.WorkbenchGuiTest.waitFor;

import java.awt.Component;
import java.awt.Rectangle;
import java.awt.Toolkit;
import java.awt.datatransfer.DataFlavor;
import java.awt.event.InputEvent;
import java.awt.event.MouseEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JMenuItem;
import javax.swing.JPopupMenu;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import javax.swing.table.JTableHeader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statdesk.api.review.Flag;
import org.statdesk.api.workbench.View;
import org.statdesk.testing.FakeReview;
import org.statdesk.testing.ListRegister;

/**
 * The Problems view as in Eclipse, driven through its components: finished flags hidden at first, filters by status,
 * rule title and county, sorting by a header click, grouping by unit, several rows confirmed at once, the context
 * menu, copy, the tooltip, a correction checked as the command checks it and then shown, CSV export, the hint for a
 * month without a review.
 */
class ProblemsGuiTest {
    private Shell shell;
    private FakeReview review;
    @TempDir
    Path data;
    @TempDir
    Path out;

    static String code(int i) {
        return String.format("91620602MA%08d", i);
    }

    @BeforeEach
    void open() throws Exception {
        Gui.requireDisplay();
        Object[] demo = Fakes.demo(40);
        review = (FakeReview) demo[0];
        ListRegister register = (ListRegister) demo[1];
        // besides the three open flags: a confirmed one and a month-on-month one of unit 0, an HB one of unit 9
        review.flags.add(new Flag(4, code(0), "2024-06", "output_value", "IND-L03", "logical", "error", 5000, null,
                0.05, "=HYPERLINK(\"x\") 出口交货值大于工业销售产值", "confirmed"));
        review.flags.add(new Flag(5, code(0), "2024-06", "output_value", "mom", "comparative", "warning", 5000, 1000.0,
                0.2, "工业总产值环比增长 400%，超出同层次单位 2 倍四分位距", "open"));
        review.flags.add(new Flag(6, code(9), "2024-06", "output_value", "hb", "hb", "warning", 2604.8, 1300.0, 0.01,
                "工业总产值 HB 检验离群", "open"));
        Texts texts = Texts.of("zh");
        onEdt(() -> {
            Looks.install(ProblemsGuiTest.class.getClassLoader());
            Dialogs.localize(texts);
            shell = new Shell(texts, data.toString(), "2024-06", () -> { });
            Map<String, Object> p = new HashMap<>();
            p.put(View.ID, "statdesk.workbench.problems");
            p.put(View.TITLE, "问题");
            p.put(View.AREA, "bottom");
            shell.addView(1L, new ProblemsView(review, register, texts, data), p);
            shell.show();
            return null;
        });
        waitFor("the flags", () -> panel().all.size() == 6, 10_000);
    }

    @AfterEach
    void close() throws Exception {
        Gui.dispose(shell);
    }

    private ProblemsView.Panel panel() throws Exception {
        return onEdt(() -> (ProblemsView.Panel) shell.host("statdesk.workbench.problems").component
                .getClientProperty(ProblemsView.Panel.class));
    }

    /** The flag ids in the order the table shows them. */
    private List<Long> shownIds() throws Exception {
        return onEdt(() -> {
            ProblemsView.Panel p = panel();
            List<Long> ids = new ArrayList<>();
            for (int v = 0; v < p.table.getRowCount(); v++) {
                ids.add(p.model.rows.get(p.table.convertRowIndexToModel(v)).id());
            }
            return ids;
        });
    }

    private void choose(JComboBox<?> box, String label) throws Exception {
        onEdt(() -> {
            for (int i = 0; i < box.getItemCount(); i++) {
                if (label.equals(box.getItemAt(i).toString())) {
                    box.setSelectedIndex(i);
                    return null;
                }
            }
            throw new AssertionError("no " + label + " in " + box.getName());
        });
    }

    private List<String> items(JComboBox<?> box) throws Exception {
        return onEdt(() -> {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < box.getItemCount(); i++) {
                out.add(box.getItemAt(i).toString());
            }
            return out;
        });
    }

    private void selectIds(long... ids) throws Exception {
        onEdt(() -> {
            ProblemsView.Panel p = panel();
            p.table.clearSelection();
            for (long id : ids) {
                int v = p.flags.viewRow(id);
                p.table.addRowSelectionInterval(v, v);
            }
            return null;
        });
    }

    @Test
    void finishedFlagsAreHiddenAtFirstAndTheFiltersUseTitles() throws Exception {
        ProblemsView.Panel p = panel();
        assertEquals(List.of(1L, 5L, 2L, 3L, 6L), shownIds(), "unfinished ones, highest score first");
        assertEquals("   5 条疑问 (共 6 条)", onEdt(() -> p.count.getText()));
        choose(p.status, "全部");
        assertEquals(6, shownIds().size());
        choose(p.status, "已办结");
        assertEquals(List.of(4L), shownIds());
        choose(p.status, "未办结");
        // rules by their titles, never their ids
        List<String> rules = items(p.rule);
        assertTrue(rules.containsAll(List.of("全部", "环比变化过大", "HB 离群值", "逻辑审核", "对比审核")), rules.toString());
        for (String id : List.of("mom", "hb", "IND-L03", "IND-HB", "IND-MOM")) {
            assertFalse(rules.contains(id), id + " in " + rules);
        }
        choose(p.rule, "HB 离群值");
        assertEquals(List.of(2L, 6L), shownIds(), "the review's hb rule and a form's HB flag: one title");
        assertEquals("HB 离群值", onEdt(() -> p.table.getValueAt(0, 2)));
        choose(p.rule, "全部");
        choose(p.county, "民勤县");
        assertEquals(List.of(2L, 3L, 6L), shownIds(), "units 5 and 9 are in 民勤县");
        choose(p.county, "全部");
        choose(p.severity, "错误");
        assertEquals(List.of(3L), shownIds());
    }

    @Test
    void aHeaderClickSortsAndGroupingKeepsAUnitsFlagsTogether() throws Exception {
        ProblemsView.Panel p = panel();
        JTableHeader header = onEdt(() -> p.table.getTableHeader());
        Rectangle value = onEdt(() -> header.getHeaderRect(FlagTable.VALUE));
        onEdt(() -> {
            int x = value.x + value.width / 2;
            int y = value.y + value.height / 2;
            long t = System.currentTimeMillis();
            for (int id : new int[] {MouseEvent.MOUSE_PRESSED, MouseEvent.MOUSE_RELEASED, MouseEvent.MOUSE_CLICKED}) {
                header.dispatchEvent(new MouseEvent(header, id, t, InputEvent.BUTTON1_DOWN_MASK, x, y, 1, false,
                        MouseEvent.BUTTON1));
            }
            return null;
        });
        List<Double> shown = onEdt(() -> {
            List<Double> v = new ArrayList<>();
            for (int r = 0; r < p.table.getRowCount(); r++) {
                v.add((Double) p.table.getValueAt(r, FlagTable.VALUE));
            }
            return v;
        });
        List<Double> sorted = new ArrayList<>(shown);
        sorted.sort(null);
        assertEquals(sorted, shown, "本期值 ascending, as numbers");
        assertEquals("450.3", onEdt(() -> p.flags.shown(0, FlagTable.VALUE)));

        JCheckBox group = onEdt(() -> find(p.root, JCheckBox.class, "problems.group"));
        onEdt(() -> {
            group.doClick();
            return null;
        });
        List<Long> ids = shownIds();
        assertEquals(5, ids.size());
        int a = ids.indexOf(1L);
        int b = ids.indexOf(5L);
        assertEquals(1, Math.abs(a - b), "unit 0's two flags next to each other: " + ids);
        String first = onEdt(() -> cellText(p, Math.min(a, b), FlagTable.UNIT));
        String second = onEdt(() -> cellText(p, Math.max(a, b), FlagTable.UNIT));
        assertEquals("（2 条）武威金源化工有限公司", first);
        assertEquals("", second, "the unit named once per group");
        // the full message in the tooltip of every cell
        String tip = onEdt(() -> ((JComponent) renderer(p, ids.indexOf(5L), 8)).getToolTipText());
        assertEquals("工业总产值环比增长 400%，超出同层次单位 2 倍四分位距", tip);
        screenshot("workbench-problems-grouped.png");
    }

    private static Component renderer(ProblemsView.Panel p, int row, int col) {
        return p.table.prepareRenderer(p.table.getCellRenderer(row, col), row, col);
    }

    private static String cellText(ProblemsView.Panel p, int row, int col) {
        return ((javax.swing.JLabel) renderer(p, row, col)).getText();
    }

    @Test
    void severalFlagsAreConfirmedAtOnceAndTheContextMenuOffersWhatFits() throws Exception {
        ProblemsView.Panel p = panel();
        selectIds(1, 5);
        JPopupMenu menu = onEdt(() -> p.actions.menu());
        Map<String, Boolean> enabled = onEdt(() -> {
            Map<String, Boolean> m = new HashMap<>();
            for (Component c : menu.getComponents()) {
                if (c instanceof JMenuItem i) {
                    m.put(i.getText(), i.isEnabled());
                }
            }
            return m;
        });
        assertEquals(Map.of("说明…", false, "更正…", false, "确认…", true, "关闭…", true, "打开单位走势", false, "复制", true),
                enabled);
        onEdt(() -> {
            for (Component c : menu.getComponents()) {
                if (c instanceof JMenuItem i && "复制".equals(i.getText())) {
                    i.doClick();
                }
            }
            return null;
        });
        String copied = (String) Toolkit.getDefaultToolkit().getSystemClipboard().getData(DataFlavor.stringFlavor);
        String[] lines = copied.split("\n");
        assertEquals(3, lines.length, copied);
        assertTrue(lines[0].startsWith("得分\t严重性\t规则\t单位"), lines[0]);
        assertTrue(lines[1].contains("环比变化过大") || lines[2].contains("环比变化过大"), copied);

        JButton confirm = onEdt(() -> find(p.root, JButton.class, "problems.confirmed"));
        SwingUtilities.invokeLater(confirm::doClick);
        JDialog d = dialog();
        assertTrue(String.join(" ", SignInDialogGuiTest.texts(d)).contains("选中的 2 条审核疑问"));
        press(d, "确定");
        JDialog warned = dialog();
        assertTrue(SignInDialogGuiTest.texts(warned).contains("请填写原因"), "a reason is required");
        press(warned, "确定");
        JDialog again = dialog();
        SwingUtilities.invokeAndWait(() -> find(again, JTextField.class, "problems.dialog.reason")
                .setText("专业科室核实：新投产生产线"));
        press(again, "确定");
        waitFor("both confirmed and hidden", () -> !shownIds().contains(1L) && !shownIds().contains(5L), 10_000);
        assertEquals(List.of("1 confirmed", "5 confirmed"),
                review.resolved.stream().map(r -> r[0] + " " + r[1]).sorted().toList());
        assertEquals(2, review.journal.size(), "each journaled");
    }

    @Test
    void aCorrectionIsCheckedAsTheCommandChecksItAndThenShown() throws Exception {
        ProblemsView.Panel p = panel();
        assertEquals("更正后的值应为数字: 1,5", onEdt(() -> p.check("corrected", "1,5", "台账")));
        assertEquals("更正后的值应为数字: NaN", onEdt(() -> p.check("corrected", "NaN", "台账")));
        assertEquals("更正后的值应为数字: 1e400", onEdt(() -> p.check("corrected", "1e400", "台账")));
        assertEquals(null, onEdt(() -> p.check("corrected", "2400.5", "台账")));
        selectIds(3);
        JButton correct = onEdt(() -> find(p.root, JButton.class, "problems.corrected"));
        SwingUtilities.invokeLater(correct::doClick);
        JDialog d = dialog();
        SwingUtilities.invokeAndWait(() -> {
            find(d, JTextField.class, "problems.dialog.value").setText("0x1p3");
            find(d, JTextField.class, "problems.dialog.reason").setText("企业重新报送");
        });
        press(d, "确定");
        JDialog warned = dialog();
        assertTrue(SignInDialogGuiTest.texts(warned).contains("更正后的值应为数字: 0x1p3"));
        press(warned, "确定");
        JDialog again = dialog();
        SwingUtilities.invokeAndWait(() -> find(again, JTextField.class, "problems.dialog.value").setText("2400.5"));
        press(again, "确定");
        waitFor("the corrected value in the table", () -> {
            int v = p.flags.viewRow(3);
            return v >= 0 && "2,400.5".equals(p.flags.shown(v, FlagTable.VALUE))
                    && "已更正".equals(p.table.getValueAt(v, FlagTable.STATUS));
        }, 10_000);
        assertEquals("corrected", review.resolved.get(0)[1]);
        assertEquals(null, showing());
    }

    @Test
    void theShownTableIsExportedToCsvOutsideTheDataFolder() throws Exception {
        ProblemsView.Panel p = panel();
        choose(p.status, "全部");
        Path csv = out.resolve("问题-2024-06.csv");
        assertEquals(null, onEdt(() -> p.actions.export(csv)));
        waitFor("the file", () -> Files.exists(csv), 10_000);
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF得分,严重性,规则,单位,县区,指标,本期值,预期值,说明,状态\r\n"), text);
        String[] lines = text.split("\r\n");
        assertEquals(7, lines.length, "header and six rows");
        assertTrue(lines[1].startsWith("0.310,警告,对比审核,武威金源化工有限公司,凉州区,工业总产值,\"5,000\""), lines[1]);
        assertTrue(text.contains(",\"'=HYPERLINK(\"\"x\"\") 出口交货值大于工业销售产值\",已确认"),
                "a formula is neutralised: " + text);
        String refused = onEdt(() -> p.actions.export(data.resolve("problems.csv")));
        assertNotNull(refused);
        assertTrue(refused.contains("inside the data folder"), refused);
        assertFalse(Files.exists(data.resolve("problems.csv")));
    }

    @Test
    void aMonthWithoutAReviewSaysSoInsteadOfAnEmptyTable() throws Exception {
        ProblemsView.Panel p = panel();
        assertFalse(onEdt(() -> p.hint.isShowing()));
        onEdt(() -> {
            shell.setPeriod("2024-05");
            return null;
        });
        waitFor("the hint", () -> p.hint.isShowing(), 10_000);
        assertEquals("2024-05 尚未审核：点击“运行审核”对本期报表进行审核", onEdt(() -> p.hint.getText()));
        screenshot("workbench-problems-no-review.png");
        onEdt(() -> {
            shell.setPeriod("2024-06");
            return null;
        });
        waitFor("the table again", () -> !p.hint.isShowing() && p.table.isShowing(), 10_000);
    }

    private void screenshot(String name) throws Exception {
        Gui.screenshot(shell, name);
    }
}
