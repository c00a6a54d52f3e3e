package org.statdesk.launcher;

import java.awt.GraphicsEnvironment;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * Embeds Felix: installs the target platform ({@code system/}) and the runtime bundle, which installs the bundles
 * of the selected features. Exit codes: 0 done, 1 failure or a check that does not hold, 2 bad input.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] argv) {
        System.exit(run(argv));
    }

    static int run(String[] argv) {
        Options o;
        try {
            o = Options.parse(argv);
        } catch (Options.UsageException e) {
            if (e.getMessage() != null) {
                System.err.println("statdesk: " + e.getMessage());
            }
            System.err.println(Options.USAGE);
            return e.getMessage() == null ? 0 : 2;
        }
        Path home = Path.of(System.getProperty("statdesk.home", ".")).toAbsolutePath().normalize();
        try {
            checkFeatures(home, o.features());
            prepareData(o.data());
        } catch (Options.UsageException e) {
            System.err.println("statdesk: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            System.err.println("statdesk: cannot use the data folder " + o.data() + ": " + e.getMessage());
            return 1;
        }
        PrintStream stdout = System.out;
        // Only the command's JSON may reach stdout in `run`: Felix's logger and libraries print to System.out.
        if (o.run() || o.demo()) {
            System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
        }
        String mode = o.run() ? "run" : GraphicsEnvironment.isHeadless() ? "console" : "gui";
        try {
            if (o.demo()) {
                // The runtime runs the demonstration commands the enabled features declare; each refuses (exit 2) a
                // data folder that already holds data: then just open it.
                int code = startFramework(home, o, "run", List.of(), System.out, true);
                if (code == 1) {
                    return code;
                }
                if (code == 2) {
                    System.err.println("statdesk: no demonstration data was loaded (see above: the data folder already"
                            + " holds a register, or no enabled feature brings a demonstration); opening the"
                            + " workstation as it is");
                }
                System.setOut(stdout);
            }
            return startFramework(home, o, mode, o.command(), stdout, false);
        } catch (Exception e) {
            System.err.println("statdesk: cannot start: " + e);
            return 1;
        }
    }

    /** Feature names are checked before anything starts, so a typo changes nothing. */
    static void checkFeatures(Path home, String features) {
        if (features == null) {
            return;
        }
        TreeSet<String> known = new TreeSet<>();
        try (Stream<Path> s = Files.list(home.resolve("features"))) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("statdesk-") && n.endsWith(".json"))
                    .forEach(n -> known.add(n.substring(9, n.length() - 5)));
        } catch (IOException e) {
            throw new Options.UsageException("no features folder in " + home + ": rebuild the distribution");
        }
        for (String f : features.split(",")) {
            String name = f.trim();
            if (!name.isEmpty() && !known.contains(name)) {
                throw new Options.UsageException("unknown feature '" + name + "': known features are "
                        + String.join(", ", known));
            }
        }
    }

    /** The data folder and what it holds are readable by their owner only. */
    static void prepareData(Path data) throws IOException {
        boolean posix = data.getFileSystem().supportedFileAttributeViews().contains("posix");
        for (Path p : List.of(data, data.resolve("db"))) {
            if (!Files.isDirectory(p)) {
                Files.createDirectories(p);
                if (posix) {
                    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
                }
            }
        }
    }

    /** Runs the framework once; {@code demo}: in run mode, the demonstration commands instead of {@code command}. */
    static int startFramework(Path home, Options o, String mode, List<String> command, PrintStream stdout,
            boolean demo) throws Exception {
        Path cache = Files.createTempDirectory("statdesk-felix");
        Map<String, String> cfg = new HashMap<>();
        cfg.put(Constants.FRAMEWORK_STORAGE, cache.toString());
        cfg.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        cfg.put("felix.log.level", "1");
        cfg.put("statdesk.home", home.toString());
        cfg.put("statdesk.data", o.data().toString());
        cfg.put("statdesk.mode", mode);
        cfg.put("statdesk.locale", o.locale());
        if (o.user() != null) {
            cfg.put("statdesk.user", o.user()); // the password never: the runtime reads it from the environment
        }
        if (o.features() != null) {
            cfg.put("statdesk.features", o.features());
        }
        if ("run".equals(mode)) {
            if (!o.demo()) {
                System.setProperty("java.awt.headless", "true"); // charts render without a display
            }
            cfg.put("statdesk.run.args", toJsonArray(command));
            if (demo) {
                cfg.put("statdesk.run.demo", "true");
            }
        }
        // The console only where no window is shown; a closed stdin must not stop the framework.
        cfg.put("gosh.args", "console".equals(mode) ? "" : "--nointeractive");
        cfg.put("felix.fileinstall.dir", home.resolve("etc").toString());
        cfg.put("felix.fileinstall.filter", ".*\\.cfg");
        cfg.put("felix.fileinstall.poll", "500");
        cfg.put("felix.fileinstall.noInitialDelay", "true");
        cfg.put("felix.fileinstall.log.level", "2");
        cfg.put("felix.fileinstall.enableConfigSave", "false");
        cfg.put("felix.cm.loglevel", "1");
        cfg.put("ds.loglevel", "warn");
        // Apache POI logs through the Log4j API, which without a provider warns on stderr at its first use (a batch
        // command's stderr stays clean): its own simple logger, errors only, unless the user chose a provider.
        if (System.getProperty("log4j2.loggerContextFactory") == null) {
            System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        }
        // PDFBox logs through commons-logging, which picks the Log4j API exported by the POI bundle; embedded without
        // its activator, that API finds no provider in OSGi and says so on stderr (then uses its simple logger)
        if (System.getProperty("log4j2.statusLoggerLevel") == null) {
            System.setProperty("log4j2.statusLoggerLevel", "OFF");
        }
        System.setProperty("statdesk.home", home.toString());
        System.setProperty("statdesk.data", o.data().toString());

        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).iterator().next();
        Framework fw = factory.newFramework(cfg);
        fw.init();
        AtomicInteger exit = new AtomicInteger(0);
        BundleContext sys = fw.getBundleContext();
        Hashtable<String, Object> outProps = new Hashtable<>();
        outProps.put("statdesk.stdout", "true");
        sys.registerService(OutputStream.class, stdout, outProps);
        Hashtable<String, Object> exitProps = new Hashtable<>();
        exitProps.put("statdesk.exit", "true");
        sys.registerService(IntConsumer.class, exit::set, exitProps);

        List<Bundle> bundles = new ArrayList<>();
        for (Path jar : jars(home.resolve("system"))) {
            // The interactive shell only where it is wanted: elsewhere it would read stdin and print to stdout.
            if (!"console".equals(mode) && jar.getFileName().toString().startsWith("org.apache.felix.gogo.shell")) {
                continue;
            }
            bundles.add(sys.installBundle(location(jar)));
        }
        // The runtime needs the API to resolve; it installs every other bundle of the selected features itself.
        for (String bsn : List.of("org.statdesk.api-", "org.statdesk.runtime-")) {
            Path jar = jars(home.resolve("bundles")).stream()
                    .filter(p -> p.getFileName().toString().startsWith(bsn)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no " + bsn + "*.jar in " + home.resolve("bundles")
                            + ": rebuild the distribution (mvn install)"));
            bundles.add(sys.installBundle(location(jar)));
        }
        for (Bundle b : bundles) {
            if (b.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                try {
                    b.start();
                } catch (BundleException e) {
                    System.err.println("statdesk: bundle " + b.getSymbolicName() + " did not start: " + e.getMessage());
                }
            }
        }
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        sys.addFrameworkListener(e -> {
            if (e.getType() == FrameworkEvent.STARTED) {
                started.countDown();
            }
        });
        fw.start();
        // Without the runtime nothing answers: say so and stop rather than wait for ever (a missing jar in system/).
        Bundle runtime = bundles.get(bundles.size() - 1);
        if (awaitStarted(fw, started) && runtime.getState() != Bundle.ACTIVE) {
            System.err.println("statdesk: the runtime bundle " + runtime.getSymbolicName()
                    + " could not start, so the workstation cannot run: " + unresolved(fw, runtime)
                    + "; the distribution in " + home + " is incomplete: rebuild it (mvn install)");
            fw.stop();
            fw.waitForStop(30_000);
            deleteTree(cache);
            return 1;
        }
        FrameworkEvent stopped;
        do {
            stopped = fw.waitForStop(0);
        } while (stopped.getType() == FrameworkEvent.STOPPED_UPDATE);
        deleteTree(cache);
        if (stopped.getType() == FrameworkEvent.ERROR) {
            System.err.println("statdesk: the framework stopped on an error: " + stopped.getThrowable());
            return 1;
        }
        return exit.get();
    }

    /**
     * Whether the framework reported STARTED within 5 minutes. A framework stopped while it starts (the console's
     * shell stops it at once when stdin is closed) never reports STARTED: that ends the wait too.
     */
    private static boolean awaitStarted(Framework fw, java.util.concurrent.CountDownLatch started)
            throws InterruptedException {
        long end = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(5);
        while (!started.await(100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            int state = fw.getState();
            if ((state != Bundle.STARTING && state != Bundle.ACTIVE) || System.nanoTime() > end) {
                return false;
            }
        }
        return true;
    }

    /** What keeps a bundle from resolving, in the framework's words. */
    private static String unresolved(Framework fw, Bundle b) {
        try {
            b.start();
            return "state " + b.getState();
        } catch (BundleException e) {
            return e.getMessage();
        }
    }

    /** The same location string the runtime uses, so that both name a bundle alike. */
    static String location(Path p) {
        return "reference:" + p.toAbsolutePath().normalize().toUri();
    }

    private static List<Path> jars(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
    }

    static String toJsonArray(List<String> items) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append('"');
            for (char c : items.get(i).toCharArray()) {
                switch (c) {
                    case '"' -> sb.append("\\\"");
                    case '\\' -> sb.append("\\\\");
                    case '\n' -> sb.append("\\n");
                    case '\r' -> sb.append("\\r");
                    case '\t' -> sb.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            sb.append(String.format("\\u%04x", (int) c));
                        } else {
                            sb.append(c);
                        }
                    }
                }
            }
            sb.append('"');
        }
        return sb.append(']').toString();
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }
}
