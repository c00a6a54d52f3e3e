package org.statdesk.review.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ExprTest {
    static Expr.Env env(Map<String, Double> now, Map<String, Double> prev, boolean first, int month) {
        return new Expr.Env() {
            public double value(String i) {
                return now.getOrDefault(i, Double.NaN);
            }

            public double prev(String i) {
                return prev.getOrDefault(i, Double.NaN);
            }

            public boolean firstMonth() {
                return first;
            }

            public int month() {
                return month;
            }
        };
    }

    @Test
    void arithmeticPrecedenceAndComparisons() {
        Expr.Env e = env(Map.of("a", 2.0, "b", 3.0), Map.of(), false, 5);
        assertEquals(14, Expr.parse("a + b * 4").eval(e));
        assertEquals(20, Expr.parse("(a + b) * 4").eval(e));
        assertEquals(-1, Expr.parse("a - b").eval(e));
        assertEquals(1, Expr.parse("a < b and not a == b or 0").eval(e));
        assertEquals(0, Expr.parse("a >= b").eval(e));
        assertEquals(1, Expr.parse("abs(a - b) == 1 && min(a, b) == 2 && max(a, b) == 3").eval(e));
        assertEquals(1, Expr.parse("between(b / a, 1.5, 1.5)").eval(e));
        assertEquals(1, Expr.parse("near(a, 2.9, 1) and !near(a, 3.1, 1)").eval(e));
        assertEquals(5, Expr.parse("month()").eval(e));
    }

    @Test
    void missingFiguresMakeARuleNotApplicable() {
        Expr.Env e = env(Map.of("a", 2.0), Map.of(), false, 3);
        assertTrue(Double.isNaN(Expr.parse("a <= b").eval(e)));
        assertTrue(Double.isNaN(Expr.parse("a == prev(a)").eval(e)));
        assertTrue(Double.isNaN(Expr.parse("a / 0 > 1").eval(e)), "division by zero is no verdict");
        // a false guard decides even when the rest cannot be computed
        assertEquals(0, Expr.parse("a > 5 and b > 1").eval(e));
        assertEquals(1, Expr.parse("a > 1 or b > 1").eval(e));
    }

    @Test
    void prevFirstMonthAndExplanation() {
        Expr ytd = Expr.parse("near(y, if(first_month(), m, prev(y) + m), 1)");
        Expr.Env jan = env(Map.of("y", 100.0, "m", 100.0), Map.of(), true, 1);
        assertEquals(1, ytd.eval(jan));
        Expr.Env mar = env(Map.of("y", 350.0, "m", 100.0), Map.of("y", 200.0), false, 3);
        assertEquals(0, ytd.eval(mar));
        Expr.Explained x = ytd.explain(mar, "y");
        assertEquals(350, x.value());
        assertEquals(300, x.expected());
        Expr cmp = Expr.parse("e <= s");
        Expr.Explained c = cmp.explain(env(Map.of("e", 12.0, "s", 10.0), Map.of(), false, 3), "e");
        assertEquals(12, c.value());
        assertEquals(10, c.expected());
    }

    @Test
    void badExpressionsAreRefusedWithPosition() {
        assertThrows(IllegalArgumentException.class, () -> Expr.parse("a +"));
        assertThrows(IllegalArgumentException.class, () -> Expr.parse("foo(a)"));
        assertThrows(IllegalArgumentException.class, () -> Expr.parse("prev(a + 1)"));
        assertThrows(IllegalArgumentException.class, () -> Expr.parse("abs(a, b)"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Expr.parse("(a > 1"));
        assertTrue(e.getMessage().contains("')' expected"), e.getMessage());
    }
}
