package org.statdesk.documents.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How figures are printed: amounts as the register holds them, shares as percentages with one decimal. */
final class Figures {
    private Figures() {
    }

    /** 12345.6 → "12345.6"; whole amounts without decimals. */
    static String amount(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** 0.9876 → "98.8%". */
    static String percent(double share) {
        return BigDecimal.valueOf(share * 100).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }
}
