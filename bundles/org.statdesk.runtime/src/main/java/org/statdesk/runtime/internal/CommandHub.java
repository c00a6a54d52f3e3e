package org.statdesk.runtime.internal;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Function;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.ServiceTracker;
import org.statdesk.api.command.Args;
import org.statdesk.api.command.BadInputException;
import org.statdesk.api.command.Command;
import org.statdesk.api.command.CommandResult;
import org.statdesk.api.command.NotPermittedException;

/**
 * Tracks {@link Command} services (whiteboard) and offers each one to the Gogo console as a function and to
 * {@code statdesk run}. Commands are named {@code scope:function}; a bare function name works when unique.
 */
final class CommandHub extends ServiceTracker<Command, CommandHub.Entry> {
    private final Map<String, Entry> byName = new ConcurrentHashMap<>();

    /** A tracked command; the component behind it is created only when first run, not at every start. */
    record Entry(String name, Set<String> flags, String usage, String description, String permission, boolean bulk,
            boolean demo, ServiceReference<Command> ref, BundleContext context, ServiceRegistration<?> gogo) {
        Command command() {
            return context.getService(ref);
        }
    }

    /** What {@code help --json} says of a command beyond its usage line, as its bundle declared it. */
    record Spec(String usage, String description, List<String> flags, String permission, boolean bulk,
            boolean demo) {
    }

    /** Told when commands come or go, to record their kinds for the start script. */
    private final Runnable changed;
    private final SignIn signIn;

    CommandHub(BundleContext context, Runnable changed) {
        super(context, Command.class, null);
        this.changed = changed;
        this.signIn = new SignIn(context);
    }

    @Override
    public void close() {
        super.close();
        signIn.close();
    }

    @Override
    public Entry addingService(ServiceReference<Command> ref) {
        Object n = ref.getProperty(Command.NAME);
        if (!(n instanceof String) || !((String) n).contains(":")) {
            Log.error("a command service of bundle " + ref.getBundle().getSymbolicName() + " has no "
                    + Command.NAME + " of the form scope:name; ignored");
            return null;
        }
        String name = (String) n;
        Set<String> flags = Arrays.stream(String.valueOf(ref.getProperty(Command.FLAGS) == null ? ""
                : flagsOf(ref.getProperty(Command.FLAGS))).split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("osgi.command.scope", name.substring(0, name.indexOf(':')));
        props.put("osgi.command.function", name.substring(name.indexOf(':') + 1));
        Entry[] self = new Entry[1];
        ServiceRegistration<?> reg = context.registerService(Function.class.getName(),
                (Function) (session, arguments) -> console(self[0], session, arguments), props);
        Entry e = new Entry(name, flags, str(ref.getProperty(Command.USAGE)), str(ref.getProperty(Command.DESCRIPTION)),
                str(ref.getProperty(Command.PERMISSION)), yes(ref.getProperty(Command.BULK)),
                yes(ref.getProperty(Command.DEMO)), ref, context, reg);
        self[0] = e;
        byName.put(name, e);
        changed.run();
        return e;
    }

    private static String flagsOf(Object v) {
        if (v instanceof String[]) {
            return String.join(",", (String[]) v);
        }
        return String.valueOf(v);
    }

    private static String str(Object o) {
        return o == null ? "" : String.valueOf(o);
    }

    /** A boolean property as DS writes it (Boolean) or as a hand-registered service may give it ("true"). */
    static boolean yes(Object o) {
        return o != null && Boolean.parseBoolean(String.valueOf(o).trim());
    }

    @Override
    public void removedService(ServiceReference<Command> ref, Entry e) {
        byName.remove(e.name(), e);
        try {
            e.gogo().unregister();
        } catch (IllegalStateException alreadyGone) {
            // the framework is stopping
        }
        context.ungetService(ref);
        changed.run();
    }

    /** Finds a command by {@code scope:name}, or by a bare name when exactly one scope has it. */
    Entry find(String name) {
        Entry e = byName.get(name);
        if (e != null || name.contains(":")) {
            return e;
        }
        List<Entry> matches = byName.values().stream().filter(x -> x.name().endsWith(":" + name)).toList();
        return matches.size() == 1 ? matches.get(0) : null;
    }

    /** Every tracked command's declaration, by name, for {@code help --json}. */
    Map<String, Spec> specs() {
        Map<String, Spec> out = new TreeMap<>();
        byName.values().forEach(e -> out.put(e.name(), new Spec(e.usage(), e.description(),
                e.flags().stream().sorted().toList(), e.permission(), e.bulk(), e.demo())));
        return out;
    }

    /**
     * The kind (bulk or not) of every command declared now: those tracked, and those that the components of the
     * active bundles declare but that are not registered (yet), so that the record does not depend on timing.
     */
    Map<String, Boolean> kinds() {
        Map<String, Boolean> out = new TreeMap<>();
        Diagnosis.declared(context).forEach((name, props) -> out.put(name, yes(props.get(Command.BULK))));
        byName.values().forEach(e -> out.put(e.name(), e.bulk()));
        return out;
    }

    /** The demonstration commands the enabled features declare, in name order. */
    List<String> demos() {
        Set<String> out = new java.util.TreeSet<>();
        Diagnosis.declared(context).forEach((name, props) -> {
            if (yes(props.get(Command.DEMO))) {
                out.add(name);
            }
        });
        byName.values().stream().filter(Entry::demo).forEach(e -> out.add(e.name()));
        return new ArrayList<>(out);
    }

    Map<String, String> list() {
        Map<String, String> out = new TreeMap<>();
        byName.values().forEach(e -> out.put(e.name(), e.usage().isEmpty() ? e.description() : e.usage()));
        return out;
    }

    /** Executes a command; every outcome becomes a result with its exit code. */
    CommandResult execute(Entry e, List<String> tokens) {
        boolean json = tokens.contains("--json");
        try {
            Args args = Args.parse(tokens, e.flags());
            Command command = e.command();
            if (command == null) {
                String msg = "command " + e.name() + " could not start (see the messages above on stderr)";
                return new CommandResult(CommandResult.CHECK_FAILED, Map.of("error", msg), "error: " + msg);
            }
            CommandResult r = signIn.run(e.permission(), () -> command.execute(args));
            return r == null ? CommandResult.ok(Map.of(), "") : r;
        } catch (NotPermittedException ex) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("error", ex.getMessage());
            doc.put("permission", ex.permission());
            return new CommandResult(CommandResult.NOT_PERMITTED, doc, "error: " + ex.getMessage());
        } catch (BadInputException ex) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("errors", ex.errors());
            return CommandResult.badInput(doc, "error: " + ex.getMessage() + (ex.errors().size() > 1
                    ? "\n" + ex.errors().stream().map(Object::toString).collect(Collectors.joining("\n")) : ""));
        } catch (Exception | LinkageError ex) {
            Log.error(e.name() + " failed: " + ex);
            if (!json) {
                ex.printStackTrace(System.err);
            }
            String msg = ex.getMessage() == null ? ex.toString() : ex.getMessage();
            return new CommandResult(CommandResult.CHECK_FAILED, Map.of("error", msg), "error: " + msg);
        }
    }

    static String render(CommandResult r, boolean json) {
        return json ? Json.write(r.json()) : (r.text() == null ? "" : r.text());
    }

    private Object console(Entry e, CommandSession session, List<Object> arguments) {
        List<String> tokens = arguments.stream().map(String::valueOf).toList();
        CommandResult r = execute(e, tokens);
        return render(r, tokens.contains("--json"));
    }

    /** {@code statdesk run}: executes one command line, prints its result on the real stdout, exits. */
    void runAndExit(List<String> tokens, Exception startupError) {
        PrintStream out = new PrintStream(stdout(), true, StandardCharsets.UTF_8);
        boolean json = tokens.contains("--json");
        int code;
        try {
            if (startupError != null) {
                code = fail(out, json, startupError instanceof BadInputException ? 2 : 1, startupError.getMessage());
            } else if (tokens.isEmpty()) {
                code = fail(out, json, 2, "run needs a command, e.g. statdesk run feature:list --json; "
                        + "statdesk run help lists them");
            } else {
                code = runOne(out, json, tokens);
            }
        } catch (RuntimeException ex) {
            code = fail(out, json, 1, ex.toString());
        }
        out.flush();
        exit(code);
    }

    /**
     * {@code statdesk demo}: runs every demonstration command of the enabled features, then exits with 1 when one
     * failed, 2 when none loaded anything (none declared, or each refused a data folder that holds data), else 0.
     */
    void runDemosAndExit(Exception startupError) {
        PrintStream out = new PrintStream(stdout(), true, StandardCharsets.UTF_8);
        int code;
        try {
            if (startupError != null) {
                code = fail(out, false, startupError instanceof BadInputException ? 2 : 1, startupError.getMessage());
            } else {
                List<String> demos = demos();
                code = CommandResult.BAD_INPUT;
                if (demos.isEmpty()) {
                    Log.info("no enabled feature declares a demonstration (" + Command.DEMO + "=true)");
                }
                for (String name : demos) {
                    Log.info("demonstration data: " + name);
                    int c = runOne(out, false, List.of(name));
                    if (c == CommandResult.CHECK_FAILED) {
                        code = c;
                        break;
                    }
                    if (c == CommandResult.OK) {
                        code = c;
                    }
                }
            }
        } catch (RuntimeException ex) {
            code = fail(out, false, 1, ex.toString());
        }
        out.flush();
        exit(code);
    }

    /** Finds, runs and prints one command line; the exit code. */
    private int runOne(PrintStream out, boolean json, List<String> tokens) {
        Entry e = awaitCommand(tokens.get(0));
        String missing = e == null ? Diagnosis.whyUnavailable(context, tokens.get(0)) : null;
        if (missing != null) {
            return fail(out, json, 1, missing);
        }
        if (e == null) {
            return fail(out, json, 2, "unknown command '" + tokens.get(0) + "': statdesk run help lists the "
                    + "commands of the enabled features (is the feature that has it enabled?)", tokens.get(0));
        }
        CommandResult r = execute(e, tokens.subList(1, tokens.size()));
        String s = render(r, json);
        if (!s.isEmpty()) {
            if (r.exitCode() == CommandResult.OK || json) {
                out.println(s);
            } else {
                System.err.println(s);
            }
        }
        return r.exitCode();
    }

    private int fail(PrintStream out, boolean json, int code, String message) {
        return fail(out, json, code, message, null);
    }

    private int fail(PrintStream out, boolean json, int code, String message, String value) {
        if (json) {
            // the same shape as every command's bad input ("errors"), plus the one-line "error"
            Map<String, Object> doc = new java.util.LinkedHashMap<>();
            doc.put("error", message);
            if (code == CommandResult.BAD_INPUT) {
                Map<String, Object> e = new java.util.LinkedHashMap<>();
                e.put("line", 0);
                e.put("field", "command");
                e.put("value", value);
                e.put("message", message);
                doc.put("errors", List.of(e));
            }
            out.println(Json.write(doc));
        }
        System.err.println("statdesk: " + message);
        return code;
    }

    /** Components may still be activating right after the start: give a command a moment to appear. */
    private Entry awaitCommand(String name) {
        long deadline = System.currentTimeMillis() + 1500;
        Entry e;
        while ((e = find(name)) == null && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return e;
    }

    private OutputStream stdout() {
        try {
            var refs = context.getServiceReferences(OutputStream.class, "(statdesk.stdout=true)");
            if (!refs.isEmpty()) {
                return context.getService(refs.iterator().next());
            }
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        return System.out;
    }

    /** Passes the exit code to the launcher and stops the framework. */
    void exit(int code) {
        try {
            var refs = context.getServiceReferences(IntConsumer.class, "(statdesk.exit=true)");
            if (!refs.isEmpty()) {
                context.getService(refs.iterator().next()).accept(code);
            }
            context.getBundle(0).stop();
        } catch (Exception e) {
            Log.error("cannot stop the framework: " + e);
            Runtime.getRuntime().halt(code);
        }
    }

    List<String> names() {
        return new ArrayList<>(byName.keySet());
    }
}
