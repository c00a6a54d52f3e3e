package org.statdesk.enforcement.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Component;
import java.awt.Container;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JTable;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The interference and coverage views show what the services hold (no window needed: panels only). */
class ViewsTest {
    Fakes.World w;

    @BeforeEach
    void setUp() throws Exception {
        w = new Fakes.World(new Fakes.TestRegister().populate(20, 10));
    }

    @Test
    void quartersRunBackFromTodaysAcrossTheYear() {
        assertEquals(List.of("2021Q2", "2021Q1", "2020Q4", "2020Q3", "2020Q2", "2020Q1", "2019Q4", "2019Q3"),
                Views.recentQuarters(LocalDate.of(2021, 6, 15)));
    }

    @Test
    void interferenceViewListsTheQuarterAndSaysSoWhenNothingWasRecorded() throws Exception {
        JComponent empty = build(() -> Views.interferenceView(w.interference, w.bureau));
        assertTrue(waitFor(empty, v -> labels(v).stream().anyMatch(t -> t.contains("零报告"))), () -> labels(empty)
                .toString());
        assertEquals(0, table(empty).getRowCount());

        w.interference.record("2021Q2", LocalDate.of(2021, 5, 10), "某副县长", "凉州区某水泥厂 5 月产值",
                "要求上报数提高一成", "拒绝，按原始记录上报");
        JComponent one = build(() -> Views.interferenceView(w.interference, w.bureau));
        assertTrue(waitFor(one, v -> table(v).getRowCount() == 1), () -> labels(one).toString());
        assertEquals("某副县长", table(one).getValueAt(0, 2));
        assertTrue(labels(one).stream().anyMatch(t -> t.contains("1 起")), () -> labels(one).toString());
    }

    @Test
    void coverageViewShowsEveryStratumBeforeAnyDraw() throws Exception {
        JComponent v = build(() -> Views.coverageView(w.coverage, w.bureau));
        assertTrue(waitFor(v, x -> table(x).getRowCount() == 3), () -> labels(v).toString());
        assertTrue(labels(v).contains("本年度尚未抽取"), () -> labels(v).toString());
        List<Object> strata = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            strata.add(table(v).getValueAt(r, 0));
        }
        assertTrue(strata.contains("四上单位") && strata.contains("四下单位") && strata.contains("乡镇（街道）"),
                strata::toString);
    }

    interface Maker {
        JComponent make() throws Exception;
    }

    static JComponent build(Maker m) throws Exception {
        JComponent[] out = new JComponent[1];
        Exception[] err = new Exception[1];
        SwingUtilities.invokeAndWait(() -> {
            try {
                out[0] = m.make();
            } catch (Exception e) {
                err[0] = e;
            }
        });
        if (err[0] != null) {
            throw err[0];
        }
        return out[0];
    }

    /** Waits for the view's background load to land on the Swing thread. */
    static boolean waitFor(JComponent v, java.util.function.Predicate<JComponent> done) throws Exception {
        for (int i = 0; i < 100; i++) {
            boolean[] ok = new boolean[1];
            SwingUtilities.invokeAndWait(() -> ok[0] = done.test(v));
            if (ok[0]) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    static JTable table(Container c) {
        return all(c, JTable.class).get(0);
    }

    static List<String> labels(Container c) {
        return all(c, JLabel.class).stream().map(JLabel::getText).toList();
    }

    static <T> List<T> all(Container c, Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Component k : c.getComponents()) {
            if (type.isInstance(k)) {
                out.add(type.cast(k));
            }
            if (k instanceof Container sub) {
                out.addAll(all(sub, type));
            }
        }
        return out;
    }
}
