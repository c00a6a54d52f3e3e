package org.statdesk.runtime.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.SynchronousBundleListener;
import org.statdesk.api.feature.FeatureManager;

/**
 * Starts the workstation's runtime: takes the data folder's lock ({@link DataFolderLock}), applies the feature
 * selection (installing the bundles of enabled features), offers commands to Gogo and to {@code statdesk run} (or
 * runs the demonstration commands for {@code statdesk demo}), records the commands' kinds for the start script
 * ({@link CommandKinds}), and plugs hot deploy into FileInstall. A bundle activator rather than a component because
 * the lock must be held and the selection applied while the framework starts, before the store opens the database
 * and before `run` looks for its command.
 */
public final class RuntimeActivator implements BundleActivator {
    /** How long a process waits by default for another one to finish with the data folder (a province's import). */
    private static final long DEFAULT_WAIT_S = 600;
    /** How long the workbench or console waits for the database to open before it lets runs in. */
    private static final long OPEN_WAIT_MS = 20_000;
    private CommandHub hub;
    private DataFolderLock lock;
    private ScheduledExecutorService recorder;
    private ScheduledFuture<?> pending;
    /** Set once the framework stops: the lock taken to close is kept until the end. */
    private boolean closing;

    @Override
    public void start(BundleContext ctx) throws Exception {
        Path home = Path.of(prop(ctx, "statdesk.home", "."));
        Path data = Path.of(prop(ctx, "statdesk.data", System.getProperty("user.home") + "/.statdesk"));
        boolean run = "run".equals(ctx.getProperty("statdesk.mode"));
        boolean demo = run && "true".equals(ctx.getProperty("statdesk.run.demo"));
        List<String> tokens = run ? runTokens(ctx) : List.of();
        FeatureManagerImpl fm = new FeatureManagerImpl(ctx, home, data);
        HotDeployer deployer = new HotDeployer(fm, ctx);
        lock = DataFolderLock.forDatabaseOf(home, data);
        long waitS = waitSeconds(ctx);
        Exception startupError = null;
        try {
            String what = demo ? "demo" : run ? "run " + String.join(" ", tokens) : "the workstation";
            if (!lock.acquire(what, waitS * 1000)) {
                throw new IllegalStateException("the data folder " + data + " is busy: another StatDesk process ("
                        + lock.holder() + ") has used it for more than " + waitS + " s; nothing was changed. Run "
                        + "this again when it has finished (or wait longer: STATDESK_JAVA_OPTS=-Dstatdesk.lock.wait="
                        + "SECONDS)");
            }
            fm.load();
            deployer.scanAtStart(home.resolve("deploy"));
            String chosen = ctx.getProperty("statdesk.features");
            if (chosen != null) {
                Set<String> names = new LinkedHashSet<>();
                Arrays.stream(chosen.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(names::add);
                fm.select(names);
            }
            fm.apply();
        } catch (Exception e) {
            startupError = e;
            Log.error(e.getMessage());
        }
        ctx.registerService(FeatureManager.class, fm, null);
        CommandKinds kinds = new CommandKinds(home, data);
        recorder = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "statdesk-command-kinds");
            t.setDaemon(true);
            return t;
        });
        hub = new CommandHub(ctx, () -> recordLater(kinds));
        hub.open();
        FeatureCommands.register(ctx, fm, hub);
        try {
            ctx.registerService("org.apache.felix.fileinstall.ArtifactInstaller", deployer, null);
        } catch (NoClassDefFoundError noFileInstall) {
            Log.info("FileInstall is not installed: hot deploy from deploy/ is off");
        }
        if (run) {
            Exception err = startupError;
            ctx.addFrameworkListener(new FrameworkListener() {
                @Override
                public void frameworkEvent(FrameworkEvent event) {
                    if (event.getType() == FrameworkEvent.STARTED) {
                        ctx.removeFrameworkListener(this);
                        new Thread(() -> {
                            if (err == null) {
                                kinds.record(hub.kinds());
                            }
                            if (demo) {
                                hub.runDemosAndExit(err);
                            } else {
                                hub.runAndExit(tokens, err);
                            }
                        }, "statdesk-run").start();
                    }
                }
            });
            return;
        }
        if (!lock.held()) {
            // the data folder is busy (said above): stop rather than open half a workstation
            new Thread(() -> hub.exit(1), "statdesk-busy").start();
            return;
        }
        if (startupError != null) {
            Log.error("the workstation cannot start as selected; fix the problem above and start again");
        }
        // Not on FrameworkEvent.STARTED: with the console's shell, Felix may report STARTED only as it stops.
        Thread opened = new Thread(() -> {
            awaitStore(ctx);
            synchronized (this) {
                if (!closing) {
                    lock.release();
                }
            }
            CommandHub h = hub;
            if (h != null) {
                kinds.record(h.kinds());
            }
        }, "statdesk-opened");
        opened.setDaemon(true);
        opened.start();
        ctx.addBundleListener((SynchronousBundleListener) event -> {
            if (event.getType() == BundleEvent.STOPPING && (event.getBundle().getBundleId() == 0
                    || ctx.getBundle(0).getState() == Bundle.STOPPING)) {
                closing(waitS);
            }
        });
    }

    /**
     * The workstation closes: before the database goes, wait for runs of other processes that use it through this
     * one's server (their connections would break in mid-work).
     */
    private void closing(long waitS) {
        synchronized (this) {
            closing = true;
            if (lock.held()) {
                return;
            }
        }
        try {
            if (!lock.acquire("closing the workstation", waitS * 1000)) {
                Log.error("closing although another process still uses the data folder " + lock.dataFolder());
            }
        } catch (IOException | InterruptedException e) {
            Log.error("cannot take the lock of the data folder " + lock.dataFolder() + " to close: " + e);
        }
    }

    /** The database is open (or could not be) once the store offers its service or says why not. */
    private static void awaitStore(BundleContext ctx) {
        long end = System.currentTimeMillis() + OPEN_WAIT_MS;
        while (ctx.getServiceReference("org.statdesk.api.store.Store") == null && System.currentTimeMillis() < end) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Commands come and go in bursts (a feature enabled, a hot deploy): record their kinds once it settles. */
    private synchronized void recordLater(CommandKinds kinds) {
        if (recorder == null || recorder.isShutdown() || hub == null) {
            return;
        }
        if (pending != null && !pending.isDone()) {
            return;
        }
        pending = recorder.schedule(() -> {
            CommandHub h = hub;
            if (h != null && !lock.held()) { // a run records at its start; a closing workstation need not
                kinds.record(h.kinds());
            }
        }, 1, TimeUnit.SECONDS);
    }

    private static long waitSeconds(BundleContext ctx) {
        String v = ctx.getProperty("statdesk.lock.wait");
        try {
            return v == null || v.isBlank() ? DEFAULT_WAIT_S : Math.max(0, Long.parseLong(v.trim()));
        } catch (NumberFormatException e) {
            Log.error("statdesk.lock.wait must be a whole number of seconds, not '" + v + "': waiting "
                    + DEFAULT_WAIT_S + " s");
            return DEFAULT_WAIT_S;
        }
    }

    /** The command line of {@code run}, passed by the launcher as a JSON array so that no quoting is lost. */
    private static List<String> runTokens(BundleContext ctx) throws Exception {
        String raw = ctx.getProperty("statdesk.run.args");
        List<String> tokens = new ArrayList<>();
        if (raw != null) {
            for (var n : Json.MAPPER.readTree(raw)) {
                tokens.add(n.asText());
            }
        }
        return tokens;
    }

    private static String prop(BundleContext ctx, String name, String def) {
        String v = ctx.getProperty(name);
        return v == null || v.isBlank() ? def : v;
    }

    @Override
    public void stop(BundleContext ctx) {
        synchronized (this) {
            if (recorder != null) {
                recorder.shutdownNow();
            }
            closing = true;
        }
        if (hub != null) {
            hub.close();
            hub = null;
        }
        if (lock != null) {
            lock.release(); // the store has closed the database: the bundles started after the runtime stop first
        }
    }
}
