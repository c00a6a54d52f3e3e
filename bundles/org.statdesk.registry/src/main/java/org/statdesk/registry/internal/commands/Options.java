package org.statdesk.registry.internal.commands;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import org.statdesk.api.command.Args;
import org.statdesk.api.command.BadInputException;
import org.statdesk.api.command.InputError;
import org.statdesk.api.input.Inputs;

/** Numeric options of the registry:* commands, parsed strictly (no NaN, hex, suffixes, separators, overflow). */
final class Options {
    private static final Pattern SEED = Pattern.compile("[+-]?\\d{1,19}");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");

    private Options() {
    }

    /** A plain decimal option, or {@code null} when absent. */
    static Double decimal(Args args, String name) {
        String v = args.option(name).orElse(null);
        if (v == null) {
            return null;
        }
        try {
            return Inputs.decimal(v);
        } catch (Inputs.InvalidValueException e) {
            throw bad(name, v, e.getMessage());
        }
    }

    /** A seed as printed by an earlier draw: a whole number that fits 64 bits, or {@code null} when absent. */
    static Long seed(Args args) {
        String v = args.option("seed").orElse(null);
        if (v == null) {
            return null;
        }
        try {
            if (SEED.matcher(v.strip()).matches()) {
                return Long.parseLong(v.strip());
            }
        } catch (NumberFormatException tooLarge) {
            throw bad("seed", v, "does not fit a 64-bit seed");
        }
        throw bad("seed", v, "not a whole number: " + Inputs.shown(v));
    }

    /** A year from 2000 to next year; {@code fallback} when absent. */
    static int year(Args args, int fallback) {
        String v = args.option("year").orElse(null);
        if (v == null) {
            return fallback;
        }
        int next = LocalDate.now().getYear() + 1;
        if (!YEAR.matcher(v.strip()).matches() || Integer.parseInt(v.strip()) < 2000
                || Integer.parseInt(v.strip()) > next) {
            throw bad("year", v, "not a year from 2000 to " + next + ": " + Inputs.shown(v));
        }
        return Integer.parseInt(v.strip());
    }

    private static BadInputException bad(String name, String value, String why) {
        return new BadInputException("option --" + name + ": " + why, List.of(InputError.of(name, Inputs.shown(value),
                why)));
    }
}
