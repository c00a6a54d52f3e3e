package org.statdesk.review.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Component;
import java.awt.Container;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JTable;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;
import org.statdesk.api.review.Flag;
import org.statdesk.api.workbench.ViewContext;
import org.statdesk.review.internal.evaluation.EvaluationView;
import org.statdesk.testing.ListRegister;
import org.statdesk.testing.MemoryStore;
import org.statdesk.testing.RecordingJournal;

/**
 * The evaluation view (its components, no window: they are made headless as the review's other tests run) shows each
 * county with its checks and follows a decision taken (the workbench's 评估); looked at in the workbench itself.
 */
class EvaluationViewTest {
    private static final String P = "2024-06";

    @Test
    void eachCountyWithItsChecksAndItsResult() throws Exception {
        Synth synth = new Synth(60, P, 14, 7, 3);
        ListRegister register = new ListRegister(synth.units);
        Rooms rooms = new Rooms(MemoryStore.withOwnMigrations(), RecordingJournal.inMemory(), register,
                Settings.defaults()).with(TestForms.industrial());
        StringWriter w = new StringWriter();
        synth.writeLong(w, synth.periods);
        rooms.imports.importReports(w.toString().getBytes(StandardCharsets.UTF_8), null, LocalDate.of(2024, 7, 3));
        rooms.service.run(P, "industrial");
        for (Flag f : rooms.service.flags(P, "industrial")) {
            if (f.status().equals("open") && f.severity().equals("error")) {
                rooms.service.resolve(f.id(), "confirm", null, null, null);
            }
        }
        EvaluationView view = new EvaluationView(rooms.evaluations, rooms.forms, register, rooms.statuses);
        AtomicReference<JComponent> made = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> made.set(view.create(context())));
        JTable table = find(made.get(), JTable.class).get(0);
        waitFor(() -> table.getRowCount() == 3);
        assertTrue(texts(made.get()).contains("采集中"), texts(made.get()));
        // 审核完成 moves the month on as review:status --set reviewed does
        SwingUtilities.invokeAndWait(() -> button(made.get(), "审核完成").doClick());
        waitFor(() -> texts(made.get()).contains("已审核，待评估"));
        assertEquals("reviewed", rooms.statuses.status(P, "industrial").status());
        assertEquals("待评估", table.getValueAt(0, 1));
        assertTrue(texts(made.get()).contains("已审核，待评估"), texts(made.get()));
        String first = rooms.evaluations.evaluations(P, "industrial").counties().get(0).county();
        assertTrue(String.valueOf(table.getValueAt(0, 0)).endsWith(first));

        rooms.evaluations.evaluate(P, "industrial", first, "returned", "增速与用电量不符");
        SwingUtilities.invokeAndWait(() -> button(made.get(), "刷新").doClick());
        waitFor(() -> "退回".equals(table.getValueAt(0, 1)));
        assertEquals("增速与用电量不符", table.getValueAt(0, table.getColumnCount() - 1));
    }

    private static JButton button(Container c, String text) {
        return find(c, JButton.class).stream().filter(b -> b.getText().equals(text)).findFirst().orElseThrow();
    }

    private static ViewContext context() {
        return new ViewContext() {
            public Locale locale() {
                return Locale.CHINA;
            }

            public String period() {
                return P;
            }

            public void onPeriodChange(Consumer<String> l) {
            }

            public String specialty() {
                return "industrial";
            }

            public void onSpecialtyChange(Consumer<String> l) {
            }

            public void selectUnit(String code) {
            }

            public void onUnitSelected(Consumer<String> l) {
            }

            public void selectFlag(Flag f) {
            }

            public void onFlagSelected(Consumer<Flag> l) {
            }

            public void showView(String id) {
            }

            public void runInBackground(String title, BackgroundWork work) {
            }
        };
    }

    private static void waitFor(java.util.function.BooleanSupplier done) throws Exception {
        for (int i = 0; i < 100 && !onEdt(done); i++) {
            Thread.sleep(50);
        }
        assertTrue(onEdt(done), "the view did not fill in 5 s");
    }

    private static boolean onEdt(java.util.function.BooleanSupplier s) throws Exception {
        boolean[] out = new boolean[1];
        SwingUtilities.invokeAndWait(() -> out[0] = s.getAsBoolean());
        return out[0];
    }

    private static String texts(Container c) {
        StringBuilder s = new StringBuilder();
        for (JLabel l : find(c, JLabel.class)) {
            s.append(l.getText()).append('|');
        }
        return s.toString();
    }

    private static <T> List<T> find(Container root, Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Component c : root.getComponents()) {
            if (type.isInstance(c)) {
                out.add(type.cast(c));
            }
            if (c instanceof Container k) {
                out.addAll(find(k, type));
            }
        }
        return out;
    }
}
