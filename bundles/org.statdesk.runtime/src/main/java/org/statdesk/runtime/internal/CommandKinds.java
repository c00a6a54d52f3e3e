package org.statdesk.runtime.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The declared kind of every command known so far, {@code bulk} or {@code quick}, in a small file that
 * {@code bin/statdesk} reads before it starts Java: it must choose the JVM options of {@code statdesk run} before
 * any bundle runs, and it names no command. One line per command, {@code scope:name kind}; {@code #} lines are
 * comments. The file is {@code HOME/var/command-kinds}, or {@code DATA/command-kinds} when the distribution cannot be
 * written to (an installation owned by another account).
 *
 * <p>Commands are only ever added or updated, never dropped: a command of a feature disabled in this data folder
 * keeps its kind for a data folder where the feature is enabled. The file is rewritten (to a temporary name, then
 * renamed) only when its content changes.
 */
final class CommandKinds {
    static final String FILE = "command-kinds";
    private static final String HEADER = """
            # The kind of each command (bulk or quick) as its bundle declares it (statdesk.command.bulk), recorded by
            # the runtime for bin/statdesk, which gives bulk work the optimising compiler and a parallel collector.
            # Written by the workstation; changes here are overwritten.
            """;
    private final List<Path> places;

    CommandKinds(Path home, Path data) {
        this.places = List.of(home.resolve("var").resolve(FILE), data.resolve(FILE));
    }

    /** Adds or updates these commands' kinds (name to bulk) in the first place that can be written. */
    synchronized void record(Map<String, Boolean> kinds) {
        for (Path file : places) {
            try {
                write(file, kinds);
                return;
            } catch (IOException e) {
                // a read-only distribution: the data folder is the next place
            }
        }
        Log.error("cannot record the kinds of commands in " + places + ": bulk commands run with a quick command's "
                + "JVM options");
    }

    private static void write(Path file, Map<String, Boolean> kinds) throws IOException {
        Map<String, String> all = read(file);
        kinds.forEach((name, bulk) -> all.put(name, bulk ? "bulk" : "quick"));
        StringBuilder sb = new StringBuilder(HEADER);
        all.forEach((name, kind) -> sb.append(name).append(' ').append(kind).append('\n'));
        String text = sb.toString();
        if (Files.isRegularFile(file) && text.equals(Files.readString(file, StandardCharsets.UTF_8))) {
            return;
        }
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(FILE + ".tmp" + ProcessHandle.current().pid());
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static Map<String, String> read(Path file) throws IOException {
        Map<String, String> out = new TreeMap<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] w = line.trim().split("\\s+");
            if (w.length == 2 && !w[0].startsWith("#") && w[0].contains(":")
                    && (w[1].equals("bulk") || w[1].equals("quick"))) {
                out.put(w[0], w[1]);
            }
        }
        return out;
    }
}
