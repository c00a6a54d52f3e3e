package org.statdesk.enforcement.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.statdesk.api.command.BadInputException;
import org.statdesk.api.command.InputError;
import org.statdesk.api.registry.Divisions;
import org.statdesk.api.registry.Register;
import org.statdesk.api.registry.Unit;

/**
 * The city bureau this workstation serves (本级统计局): its settings, its counties and townships in the register,
 * and its today (a fixed day in tests). Every room asks here rather than reading configuration itself.
 */
interface Bureau {
    Settings settings();

    LocalDate today();

    Register register();

    default String cityCode() {
        return settings().cityCode();
    }

    default String countyName(String code) {
        return register().divisions().find(code).map(Divisions.Division::name).orElse(code);
    }

    default boolean isCityOrCounty(String code) {
        return code.equals(cityCode())
                || register().divisions().counties(cityCode()).stream().anyMatch(d -> d.code().equals(code));
    }

    /**
     * The county an owner or target code belongs to: a county of the city (6 digits), a township (9 digits) of the
     * city, or a unit of the register (credit code). Unknown codes are bad input naming the field.
     */
    default String countyOf(String field, String code) {
        String c = code == null ? "" : code.strip();
        if (c.matches("\\d{6}") && isCityOrCounty(c)) {
            return c;
        }
        if (c.matches("\\d{9}") && c.startsWith(cityCode().substring(0, 4))
                && register().divisions().find(c).isPresent()) {
            return c.substring(0, 6);
        }
        Optional<Unit> u = c.length() == 18 ? register().find(c) : Optional.empty();
        if (u.isPresent()) {
            return u.get().countyCode();
        }
        InputError e = InputError.of(field, Inputs.shownOrNull(code),
                "未知的单位或区划代码：应为名录库中的统一社会信用代码，或本市的县区（6 位）、乡镇（9 位）代码");
        throw new BadInputException(e.toString(), List.of(e));
    }

    default Unit unit(String field, String creditCode) {
        InputError e = InputError.of(field, Inputs.shownOrNull(creditCode), "名录库中没有此单位");
        return register().find(creditCode == null ? "" : creditCode.strip()).orElseThrow(() -> new BadInputException(
                e.toString(), List.of(e)));
    }
}
