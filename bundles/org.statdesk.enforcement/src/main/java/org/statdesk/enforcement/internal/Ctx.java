package org.statdesk.enforcement.internal;

import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Supplier;
import org.statdesk.api.audit.Journal;
import org.statdesk.api.command.BadInputException;
import org.statdesk.api.command.InputError;
import org.statdesk.api.registry.Divisions;
import org.statdesk.api.registry.Register;
import org.statdesk.api.registry.Sampler;
import org.statdesk.api.registry.Unit;
import org.statdesk.api.store.Store;

/** What the enforcement services work with; the clock is a supplier so that tests can fix "today". */
record Ctx(Store store, Journal journal, Register register, Sampler sampler, Supplier<Settings> settings,
        Supplier<LocalDate> today) {
    static final String BUNDLE = "org.statdesk.enforcement";

    String cityCode() {
        return settings.get().cityCode();
    }

    String countyName(String code) {
        return register.divisions().find(code).map(Divisions.Division::name).orElse(code);
    }

    boolean isCityOrCounty(String code) {
        return code.equals(cityCode())
                || register.divisions().counties(cityCode()).stream().anyMatch(d -> d.code().equals(code));
    }

    /**
     * The county an owner or target code belongs to: a county of the city (6 digits), a township (9 digits) of the
     * city, or a unit of the register (credit code). Unknown codes are bad input naming the field.
     */
    String countyOf(String field, String code) {
        String c = code == null ? "" : code.strip();
        if (c.matches("\\d{6}") && isCityOrCounty(c)) {
            return c;
        }
        if (c.matches("\\d{9}") && c.startsWith(cityCode().substring(0, 4))
                && register.divisions().find(c).isPresent()) {
            return c.substring(0, 6);
        }
        Optional<Unit> u = c.length() == 18 ? register.find(c) : Optional.empty();
        if (u.isPresent()) {
            return u.get().countyCode();
        }
        InputError e = InputError.of(field, code,
                "未知的单位或区划代码：应为名录库中的统一社会信用代码，或本市的县区（6 位）、乡镇（9 位）代码");
        throw new BadInputException(e.toString(), java.util.List.of(e));
    }

    Unit unit(String field, String creditCode) {
        InputError e = InputError.of(field, creditCode, "名录库中没有此单位");
        return register.find(creditCode == null ? "" : creditCode.strip()).orElseThrow(() -> new BadInputException(
                e.toString(), java.util.List.of(e)));
    }
}
