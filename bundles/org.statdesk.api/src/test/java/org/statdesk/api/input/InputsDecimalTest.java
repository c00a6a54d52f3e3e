package org.statdesk.api.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written scan of a plain decimal accepts exactly what its regular expression describes. */
class InputsDecimalTest {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,4})?");
    private static final String ALPHABET = "07.eE+-x,";

    private static boolean readsAsDecimal(String s) {
        try {
            Inputs.decimal(s);
            return true;
        } catch (Inputs.InvalidValueException e) {
            // a number out of range or too small is a decimal all the same: only the form is compared here
            return !e.getMessage().startsWith("not a plain decimal") && !e.getMessage().startsWith("empty");
        }
    }

    @Test
    void everyShortStringIsJudgedAsThePatternJudgesIt() {
        List<String> all = new ArrayList<>(List.of(""));
        for (int len = 1; len <= 5; len++) {
            List<String> next = new ArrayList<>();
            for (String s : all) {
                if (s.length() == len - 1) {
                    for (char c : ALPHABET.toCharArray()) {
                        next.add(s + c);
                    }
                }
            }
            all.addAll(next);
        }
        all.addAll(List.of("1e12345", "1e1234", "12.5e-3", " 12 ", "٣", "１２", "0x1p3", "12f", "7d", "NaN",
                "Infinity", "1_000"));
        for (String s : all) {
            assertEquals(DECIMAL.matcher(s.strip()).matches(), readsAsDecimal(s), "'" + s + "'");
        }
    }

    @Test
    void rangeAndUnderflowStillCount() {
        assertEquals(12.5, Inputs.decimal("12.5"));
        assertEquals(0.0, Inputs.decimal("-0"), "no negative zero (assertEquals tells 0.0 from -0.0)");
        assertThrows(Inputs.InvalidValueException.class, () -> Inputs.decimal("1e308"));
        assertThrows(Inputs.InvalidValueException.class, () -> Inputs.decimal("1e-400"));
    }
}
