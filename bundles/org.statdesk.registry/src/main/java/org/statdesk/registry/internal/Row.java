package org.statdesk.registry.internal;

import java.math.BigDecimal;
import java.util.List;
import org.statdesk.api.command.InputError;

/** A valid unit row as entered (imported, applied for or changed); {@code line} 0 when typed. */
public record Row(int line, String creditCode, String name, String divisionCode, String industryCode,
        String specialty, String scale, Double revenue, String qualification, String address,
        String statistician, String phone) {

    public String countyCode() {
        return divisionCode.substring(0, 6);
    }

    /** A row's validation: the row, or the errors that keep it out (line, field, value as shown, why). */
    public record Parsed(Row row, List<InputError> errors) {
    }

    /** A figure as messages and the journal write it: plain decimal, no trailing zeros; "（空）" for none. */
    public static String plain(Double d) {
        if (d == null) {
            return "（空）";
        }
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
