package org.statdesk.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line: {@code statdesk [--user NAME] [--data DIR] [--features a,b] [--locale zh|en] [--demo] [demo | run CMD...]}.
 * Everything after {@code run} belongs to the command.
 */
record Options(Path data, String features, String locale, String user, boolean demo, boolean run,
        List<String> command) {

    static final String USAGE = "usage: statdesk [--user NAME] [--data DIR] [--features a,b] [--locale zh|en] "
            + "[demo | run <command>]";

    static Options parse(String[] given) {
        String[] argv = splitEquals(given);
        Path data = Path.of(System.getProperty("user.home"), ".statdesk");
        String features = null;
        String locale = "zh";
        String user = null;
        boolean demo = false;
        boolean run = false;
        List<String> command = new ArrayList<>();
        for (int i = 0; i < argv.length; i++) {
            String a = argv[i];
            switch (a) {
                case "--data" -> data = Path.of(value(argv, ++i, a));
                case "--features" -> features = value(argv, ++i, a);
                case "--user" -> user = value(argv, ++i, a);
                case "--locale" -> {
                    locale = value(argv, ++i, a);
                    if (!locale.equals("zh") && !locale.equals("en")) {
                        throw new UsageException("--locale must be zh or en, not '" + locale + "'");
                    }
                }
                case "--demo", "demo" -> demo = true;
                case "run" -> {
                    run = true;
                    for (int j = i + 1; j < argv.length; j++) {
                        command.add(argv[j]);
                    }
                    i = argv.length;
                }
                case "-h", "--help" -> throw new UsageException(null);
                default -> {
                    if (a.startsWith("--data=")) {
                        data = Path.of(a.substring(7));
                    } else if (a.startsWith("--features=")) {
                        features = a.substring(11);

                    } else {
                        throw new UsageException("unknown argument '" + a + "'");
                    }
                }
            }
        }
        if (run && command.isEmpty()) {
            throw new UsageException("run needs a command, e.g. statdesk run feature:list --json");
        }
        return new Options(data.toAbsolutePath().normalize(), features, locale, user, demo, run,
                List.copyOf(command));
    }

    /** {@code --data=D} is {@code --data D}; only before {@code run}, whose arguments belong to the command. */
    private static String[] splitEquals(String[] argv) {
        List<String> out = new ArrayList<>();
        boolean command = false;
        for (String a : argv) {
            command |= a.equals("run");
            int eq = a.indexOf('=');
            if (!command && a.startsWith("--") && eq > 2) {
                out.add(a.substring(0, eq));
                out.add(a.substring(eq + 1));
            } else {
                out.add(a);
            }
        }
        return out.toArray(new String[0]);
    }

    private static String value(String[] argv, int i, String option) {
        if (i >= argv.length || argv[i].startsWith("--")) {
            throw new UsageException(option + " needs a value");
        }
        return argv[i];
    }

    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
