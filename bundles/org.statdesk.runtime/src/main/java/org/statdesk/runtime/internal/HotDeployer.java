package org.statdesk.runtime.internal;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.felix.fileinstall.ArtifactInstaller;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.Version;

/**
 * The part of hot deploy that FileInstall lacks. FileInstall watches {@code deploy/} and would install any jar
 * dropped there as a new bundle and start it. This installer claims every jar of deploy/, so that nothing is installed
 * from there but what it allows: an update of a bundle StatDesk ships (bundles/ or system/) or that a feature names,
 * not older than the shipped version (unless {@value #ALLOW_DOWNGRADE} is true). Such a jar updates the installed
 * bundle in place (never two versions side by side); one that does not resolve or start is reported as failed and the
 * shipped version is put back at once. Removing the jar from deploy/ goes back to the shipped version. Every other
 * jar is refused with a line naming it.
 */
final class HotDeployer implements ArtifactInstaller {
    /** Framework or system property: {@code true} lets deploy/ hold an older version than the shipped one. */
    static final String ALLOW_DOWNGRADE = "statdesk.hotdeploy.allowDowngrade";
    private final FeatureManagerImpl features;
    private final BundleContext context;
    private final Map<Path, String> deployed = new ConcurrentHashMap<>();
    /** When each jar was last looked at, so that FileInstall's first scan does not do again what the start did. */
    private final Map<Path, Long> applied = new ConcurrentHashMap<>();

    HotDeployer(FeatureManagerImpl features, BundleContext context) {
        this.features = features;
        this.context = context;
    }

    /** Read at each jar (a framework property, else a system property), so that it needs no restart to change. */
    private boolean allowDowngrade() {
        String v = context.getProperty(ALLOW_DOWNGRADE);
        return v != null && Boolean.parseBoolean(v.trim());
    }

    /** Why a jar of deploy/ must not be used, or null when it may. */
    String refusal(BundleJar jar) {
        if (!jar.isBundle()) {
            return "is not an OSGi bundle (no Bundle-SymbolicName in its manifest): nothing was installed; remove it "
                    + "from deploy/ or replace it with a bundle built by the project";
        }
        Path shipped = features.shippedJar(jar.symbolicName());
        if (shipped == null) {
            return "(" + jar + ") is neither a bundle of StatDesk nor a bundle of one of its features: refused, "
                    + "nothing was installed; deploy/ only takes updated builds of the workstation's own bundles";
        }
        Version was = BundleJar.read(shipped).version();
        if (jar.version().compareTo(was) < 0 && !allowDowngrade()) {
            return "(" + jar + ") is older than the shipped version " + was + ": refused, nothing was installed; "
                    + "to go back to an older build on purpose start with -D" + ALLOW_DOWNGRADE + "=true";
        }
        return null;
    }

    /** Every jar: what this installer does not take is not installed by FileInstall either. */
    @Override
    public boolean canHandle(File artifact) {
        return artifact.getName().endsWith(".jar");
    }

    @Override
    public void install(File artifact) throws Exception {
        Path jar = artifact.toPath();
        long stamp = Files.getLastModifiedTime(jar).toMillis();
        if (Long.valueOf(stamp).equals(applied.put(jar, stamp))) {
            return;
        }
        BundleJar id = BundleJar.read(jar);
        String refused = refusal(id);
        if (refused != null) {
            Log.error("deploy/" + artifact.getName() + " " + refused);
            if (deployed.containsKey(jar)) {
                revert(jar); // the jar that was in use under this file name is gone
            }
            return;
        }
        String bsn = id.symbolicName();
        String previous = deployed.put(jar, bsn);
        if (previous != null && !previous.equals(bsn)) {
            features.overrides().remove(previous, jar);
            back(previous);
        }
        features.overrides().put(bsn, jar);
        Bundle b = features.shipped(bsn);
        if (b == null) {
            Log.info("deploy/" + artifact.getName() + " (" + bsn + ") will be used when its feature is enabled");
            return;
        }
        String before = b.getVersion().toString();
        String failure;
        try (InputStream in = Files.newInputStream(jar)) {
            b.update(in);
            features.refresh(List.of(b));
            failure = startFailure(b);
        } catch (BundleException e) {
            failure = reason(e);
        }
        if (failure != null) {
            deployed.remove(jar);
            features.overrides().remove(bsn, jar);
            String shipped = back(bsn);
            Log.error(failed(bsn, id.version().toString(), jar, failure, shipped));
            return;
        }
        Log.info("hot deploy: " + bsn + " " + before + " -> " + b.getVersion() + " from deploy/" + artifact.getName());
    }

    @Override
    public void update(File artifact) throws Exception {
        install(artifact);
    }

    @Override
    public void uninstall(File artifact) throws Exception {
        applied.remove(artifact.toPath());
        if (deployed.containsKey(artifact.toPath())) {
            revert(artifact.toPath());
        }
    }

    private void revert(Path jar) throws BundleException, InterruptedException {
        String bsn = deployed.remove(jar);
        features.overrides().remove(bsn, jar);
        String version = back(bsn);
        if (version != null) {
            Log.info("hot deploy: " + bsn + " back to the shipped version " + version);
        }
    }

    /** Puts the shipped jar of an installed bundle back in place and starts it; its version, or null. */
    private String back(String bsn) throws BundleException, InterruptedException {
        Bundle b = features.shipped(bsn);
        if (b == null) {
            return null;
        }
        b.update(); // re-reads the shipped jar at the bundle's location
        features.refresh(List.of(b));
        if (b.getHeaders().get(Constants.FRAGMENT_HOST) == null && b.getState() != Bundle.ACTIVE
                && b.getState() != Bundle.STARTING) {
            b.start();
        }
        return b.getVersion().toString();
    }

    /** Why an updated bundle is not running, in the framework's words; null when it runs (or, a fragment, resolves). */
    static String startFailure(Bundle b) {
        int state = b.getState();
        if (b.getHeaders().get(Constants.FRAGMENT_HOST) != null) {
            return state == Bundle.INSTALLED ? "the fragment does not resolve" : null;
        }
        if (state == Bundle.ACTIVE || state == Bundle.STARTING) {
            return null;
        }
        try {
            b.start(); // gives the reason: a missing requirement, or the activator's exception
            return b.getState() == Bundle.ACTIVE || b.getState() == Bundle.STARTING ? null
                    : "it stays " + FeatureManagerImpl.state(b.getState());
        } catch (BundleException | IllegalStateException e) {
            return reason(e);
        }
    }

    static String reason(Exception e) {
        String s = e.getMessage() == null ? e.toString() : e.getMessage();
        return e.getCause() == null ? s : s + " (" + e.getCause() + ")";
    }

    /** The log line of a failed deploy: never "hot deploy: A -> B", so that nobody takes it for a success. */
    static String failed(String bsn, String version, Path jar, String reason, String shipped) {
        return "hot deploy failed: " + bsn + " " + version + " from deploy/" + jar.getFileName() + " "
                + "did not resolve or start: " + reason + (shipped == null ? ""
                        : "; the shipped version " + shipped + " runs again");
    }

    /** Jars already in deploy/ at start are used right away, so a start never runs stale code for a moment. */
    void scanAtStart(Path deployDir) {
        if (!Files.isDirectory(deployDir)) {
            return;
        }
        try (var files = Files.list(deployDir)) {
            files.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(p -> {
                BundleJar id = BundleJar.read(p);
                if (!id.isBundle()) {
                    Log.error("deploy/" + p.getFileName() + " is not an OSGi bundle: ignored; remove it from deploy/");
                } else if (refusal(id) == null) {
                    features.overrides().put(id.symbolicName(), p);
                    deployed.put(p, id.symbolicName());
                    try {
                        applied.put(p, Files.getLastModifiedTime(p).toMillis());
                    } catch (IOException e) {
                        // FileInstall will apply it again: harmless
                    }
                }
                // a refused jar is named when FileInstall offers it to install(), once the workstation runs
            });
        } catch (IOException e) {
            Log.error("cannot read " + deployDir + ": " + e.getMessage());
        }
    }
}
