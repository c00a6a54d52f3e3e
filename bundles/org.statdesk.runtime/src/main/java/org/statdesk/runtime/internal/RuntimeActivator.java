package org.statdesk.runtime.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.statdesk.api.feature.FeatureManager;

/**
 * Starts the workstation's runtime: applies the feature selection (installing the bundles of enabled features),
 * offers commands to Gogo and to {@code statdesk run}, and plugs hot deploy into FileInstall. A bundle activator
 * rather than a component because the selection must be applied while the framework starts, before `run` looks for
 * its command.
 */
public final class RuntimeActivator implements BundleActivator {
    private CommandHub hub;

    @Override
    public void start(BundleContext ctx) throws Exception {
        Path home = Path.of(prop(ctx, "statdesk.home", "."));
        Path data = Path.of(prop(ctx, "statdesk.data", System.getProperty("user.home") + "/.statdesk"));
        FeatureManagerImpl fm = new FeatureManagerImpl(ctx, home, data);
        HotDeployer deployer = new HotDeployer(fm);
        Exception startupError = null;
        try {
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
        hub = new CommandHub(ctx);
        hub.open();
        FeatureCommands.register(ctx, fm, hub);
        try {
            ctx.registerService("org.apache.felix.fileinstall.ArtifactInstaller", deployer, null);
        } catch (NoClassDefFoundError noFileInstall) {
            Log.info("FileInstall is not installed: hot deploy from deploy/ is off");
        }
        if ("run".equals(ctx.getProperty("statdesk.mode"))) {
            List<String> tokens = runTokens(ctx);
            Exception err = startupError;
            ctx.addFrameworkListener(new FrameworkListener() {
                @Override
                public void frameworkEvent(FrameworkEvent event) {
                    if (event.getType() == FrameworkEvent.STARTED) {
                        ctx.removeFrameworkListener(this);
                        Thread t = new Thread(() -> hub.runAndExit(tokens, err), "statdesk-run");
                        t.start();
                    }
                }
            });
        } else if (startupError != null) {
            Log.error("the workstation cannot start as selected; fix the problem above and start again");
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
        if (hub != null) {
            hub.close();
        }
    }
}
