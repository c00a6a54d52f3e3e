package org.statdesk.api.command;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Parsed command arguments. Options may stand before or after positional arguments: {@code --name value},
 * {@code --name=value}, or a flag {@code --name} when the command declares it as one. {@code --} ends options.
 */
public final class Args {
    private final List<String> positional;
    private final Map<String, String> options;
    private final Set<String> flags;

    private Args(List<String> positional, Map<String, String> options, Set<String> flags) {
        this.positional = positional;
        this.options = options;
        this.flags = flags;
    }

    /** Parses {@code tokens}; names in {@code flags} (and {@code json}) take no value. */
    public static Args parse(List<String> tokens, Set<String> flags) {
        List<String> pos = new ArrayList<>();
        Map<String, String> opts = new LinkedHashMap<>();
        boolean optionsEnded = false;
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            if (!optionsEnded && t.equals("--")) {
                optionsEnded = true;
            } else if (!optionsEnded && t.startsWith("--") && t.length() > 2) {
                String name = t.substring(2);
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    opts.put(name.substring(0, eq), name.substring(eq + 1));
                } else if (name.equals("json") || flags.contains(name)) {
                    opts.put(name, "true");
                } else if (i + 1 < tokens.size()) {
                    opts.put(name, tokens.get(++i));
                } else {
                    throw new BadInputException("option --" + name + " needs a value");
                }
            } else {
                pos.add(t);
            }
        }
        return new Args(Collections.unmodifiableList(pos), Collections.unmodifiableMap(opts), Set.copyOf(flags));
    }

    public static Args of(String... tokens) {
        return parse(List.of(tokens), Set.of());
    }

    public List<String> positional() {
        return positional;
    }

    /** The positional argument at {@code index}, or bad input naming {@code what} when missing. */
    public String positional(int index, String what) {
        if (index >= positional.size()) {
            throw new BadInputException("missing argument: " + what);
        }
        return positional.get(index);
    }

    public Map<String, String> options() {
        return options;
    }

    public boolean json() {
        return flag("json");
    }

    public boolean flag(String name) {
        return "true".equals(options.get(name));
    }

    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    public String option(String name, String defaultValue) {
        return options.getOrDefault(name, defaultValue);
    }

    public String required(String name) {
        String v = options.get(name);
        if (v == null || v.isBlank()) {
            throw new BadInputException("missing option --" + name);
        }
        return v;
    }

    public double number(String name, double defaultValue) {
        String v = options.get(name);
        if (v == null) {
            return defaultValue;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new BadInputException("option --" + name + " must be a number, not '" + v + "'");
        }
    }

    public long integer(String name, long defaultValue) {
        String v = options.get(name);
        if (v == null) {
            return defaultValue;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new BadInputException("option --" + name + " must be a whole number, not '" + v + "'");
        }
    }

    /** Rejects options the command does not know, so that a typo is an error rather than silently ignored. */
    public Args allow(String... names) {
        Set<String> known = Set.of(names);
        for (String o : options.keySet()) {
            if (!o.equals("json") && !known.contains(o)) {
                throw new BadInputException("unknown option --" + o);
            }
        }
        return this;
    }
}
