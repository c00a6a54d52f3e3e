package org.statdesk.documents.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Component;
import java.awt.Container;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import javax.swing.AbstractButton;
import javax.swing.ImageIcon;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statdesk.api.command.Command;
import org.statdesk.api.people.Person;
import org.statdesk.api.registry.Unit;

/**
 * The workbench's 打印/导出 view (its components, no window) makes a document with the same command and arguments as
 * {@code statdesk run report:missing ...}, previews every page, exports the previewed file itself, and keeps a
 * county user to their county.
 */
class DocumentsViewTest {
    @TempDir
    Path tmp;
    Bench bench;
    final List<String> printed = new ArrayList<>();
    Path chosen;

    @BeforeEach
    void data() throws Exception {
        bench = new Bench(tmp);
        for (int i = 0; i < 90; i++) {
            String township = i % 3 == 0 ? "620621100" : "620602001";
            Unit u = bench.unit(String.format("916206%s0000%06d", township.substring(3, 6), i), "企业" + i, township,
                    Unit.IN_REGISTER);
            bench.filing(u, i % 4 == 0 ? null : "2026-11-06", i % 4 != 0);
        }
        bench.ratesFromFilings();
    }

    private DocumentsView view() {
        DocumentsView v = new DocumentsView(bench.register, bench.scope(), "620600", (name, ext) -> chosen,
                (pdf, title) -> {
                    printed.add(title + " " + Bench.pages(pdf));
                    return "已送打印";
                });
        Map<String, Object> props = new HashMap<>();
        props.put(Command.NAME, "report:missing");
        v.add(bench.missing(), props);
        return v;
    }

    @Test
    void theMissingListIsMadeByItsCommandPreviewedPageByPageAndExportedAsPreviewed() throws Exception {
        DocumentsView v = view();
        AtomicReference<JComponent> made = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> made.set(v.create(null)));
        JComponent c = made.get();
        SwingUtilities.invokeAndWait(() -> {
            combo(c, 0).setSelectedItem(DocumentsView.Kind.MISSING);
            combo(c, 1).setSelectedIndex(1); // last month
        });
        String period = (String) combo(c, 1).getSelectedItem();
        SwingUtilities.invokeAndWait(() -> button(c, "生成预览").doClick());
        waitFor(() -> texts(c).stream().anyMatch(t -> t.contains("共 ")), c);
        String status = texts(c).stream().filter(t -> t.contains("共 ")).findFirst().orElseThrow();
        assertTrue(status.contains("审计日志头 " + Bench.HEAD), status);

        // the same document the command makes from the same arguments
        Path direct = bench.outFolder.resolve("direct.pdf");
        bench.missing().execute(org.statdesk.api.command.Args.parse(List.of("--period", period, "--out",
                direct.toString()), java.util.Set.of()));
        int pages = Bench.pages(direct);
        assertEquals(pages, previews(c), "one preview image per page");
        assertTrue(status.contains("共 " + pages + " 页"), status);

        chosen = bench.outFolder.resolve("导出.pdf");
        SwingUtilities.invokeAndWait(() -> button(c, "导出 PDF…").doClick());
        assertTrue(Files.exists(chosen));
        assertEquals(Bench.text(direct), Bench.text(chosen), "the export is the previewed document");
        SwingUtilities.invokeAndWait(() -> button(c, "打印…").doClick());
        assertEquals(List.of("未报、迟报单位名单 " + pages), printed);
        assertTrue(texts(c).contains("已送打印"));

        // another choice takes the preview away: nothing to export or print that was not made from what is shown
        SwingUtilities.invokeAndWait(() -> combo(c, 1).setSelectedIndex(2));
        assertEquals(0, previews(c));
        assertFalse(button(c, "导出 PDF…").isEnabled());
        assertFalse(button(c, "打印…").isEnabled());

        // a file the command refuses: its message in the view, nothing written
        chosen = bench.dataFolder.resolve("inside.xlsx");
        SwingUtilities.invokeAndWait(() -> button(c, "导出 Excel…").doClick());
        waitFor(() -> texts(c).stream().anyMatch(t -> t.startsWith("未能生成")), c);
        assertFalse(Files.exists(chosen));
    }

    @Test
    void aCountyUserIsOfferedTheirCountyOnly() throws Exception {
        bench.person = new Person("liangzhou", "凉州区李伟", Person.COUNTY, Bench.LIANGZHOU, null);
        DocumentsView v = view();
        AtomicReference<JComponent> made = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> made.set(v.create(null)));
        SwingUtilities.invokeAndWait(() -> combo(made.get(), 0).setSelectedItem(DocumentsView.Kind.MISSING));
        JComboBox<?> county = combo(made.get(), 2);
        assertEquals(1, county.getItemCount());
        assertEquals(Bench.LIANGZHOU, ((DocumentsView.County) county.getItemAt(0)).code());
    }

    @Test
    void eachDocumentsCommandLineIsTheOneItsContractGives() {
        Path out = Path.of("/tmp/x.pdf");
        assertEquals(List.of("--year", "2026", "--out", "/tmp/x.pdf", "--json"),
                DocumentsView.tokens(DocumentsView.Kind.SUMMARY, "2026", "2026Q3", "2026-10", null, "", out));
        assertEquals(List.of("--quarter", "2026Q3", "--out", "/tmp/x.pdf", "--json"),
                DocumentsView.tokens(DocumentsView.Kind.BULLETIN, "2026", "2026Q3", "2026-10", null, "", out));
        assertEquals(List.of("--period", "2026-10", "--county", "620602", "--out", "/tmp/x.pdf", "--json"),
                DocumentsView.tokens(DocumentsView.Kind.MISSING, "2026", "2026Q3", "2026-10", "620602", "", out));
        assertEquals(List.of("91620602MA0000000X", "--out", "/tmp/x.pdf", "--json"),
                DocumentsView.tokens(DocumentsView.Kind.FIELD_CHECK, "2026", "2026Q3", "2026-10", "620602",
                        " 91620602MA0000000X ", out));
        assertEquals(List.of("--county", "620602", "--out", "/tmp/x.pdf", "--json"),
                DocumentsView.tokens(DocumentsView.Kind.FIELD_CHECK, "2026", "2026Q3", "2026-10", "620602", "", out));
    }

    private static int previews(Container c) {
        int n = 0;
        for (Component k : c.getComponents()) {
            if (k instanceof JLabel l && l.getIcon() instanceof ImageIcon) {
                n++;
            }
            if (k instanceof Container inner) {
                n += previews(inner);
            }
        }
        return n;
    }

    private static JComboBox<?> combo(Container c, int index) {
        List<JComboBox<?>> found = new ArrayList<>();
        collect(c, JComboBox.class, found);
        return found.stream().filter(Component::isVisible).toList().get(index);
    }

    private static AbstractButton button(Container c, String text) {
        List<AbstractButton> found = new ArrayList<>();
        collect(c, AbstractButton.class, found);
        return found.stream().filter(b -> text.equals(b.getText())).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static <T> void collect(Container c, Class<?> type, List<T> out) {
        for (Component k : c.getComponents()) {
            if (type.isInstance(k)) {
                out.add((T) k);
            }
            if (k instanceof Container inner) {
                collect(inner, type, out);
            }
        }
    }

    private static List<String> texts(Container c) {
        List<JLabel> labels = new ArrayList<>();
        collect(c, JLabel.class, labels);
        return labels.stream().map(JLabel::getText).filter(t -> t != null).toList();
    }

    private static void waitFor(BooleanSupplier done, Container c) throws Exception {
        long end = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < end) {
            AtomicReference<Boolean> ok = new AtomicReference<>(false);
            SwingUtilities.invokeAndWait(() -> ok.set(done.getAsBoolean()));
            if (ok.get()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("not reached in 30 s; the view shows " + texts(c));
    }
}
