package org.statdesk.registry.internal;

import java.time.LocalDate;
import java.util.List;
import org.statdesk.api.command.BadInputException;
import org.statdesk.api.command.InputError;
import org.statdesk.api.input.Inputs;

/** How the register judges typed values that are not a unit row: reasons, dates, names of people, free text. */
public final class FieldRules {
    /** Longest reason kept (status_reason). */
    static final int MAX_REASON = 1000;

    private FieldRules() {
    }

    /** Every step names its reason: blank is refused, as are control characters and a reason too long to keep. */
    public static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new BadInputException("每一步都要写明理由：--reason", List.of(InputError.of("reason", "",
                    "理由为空：名录库的每次变更都要说明理由")));
        }
        return text("reason", reason, MAX_REASON, "理由");
    }

    /** Free text of at most {@code max} characters, stripped; bad input naming the field when refused. */
    public static String text(String field, String value, int max, String what) {
        try {
            return Inputs.text(value.strip(), max);
        } catch (Inputs.InvalidValueException e) {
            throw new BadInputException(what + "不符合要求", List.of(InputError.of(field, Inputs.shown(value),
                    what + "：" + e.getMessage())));
        }
    }

    /** A date YYYY-MM-DD not in the future (today when none is given). */
    public static String date(String s, String field) {
        LocalDate today = LocalDate.now();
        if (s == null || s.isBlank()) {
            return today.toString();
        }
        try {
            return Inputs.pastDate(s, today).toString();
        } catch (Inputs.InvalidValueException e) {
            throw new BadInputException("日期不对", List.of(InputError.of(field, Inputs.shown(s),
                    "日期应为 YYYY-MM-DD，不晚于今天，不早于2000年：" + e.getMessage())));
        }
    }
}
