package org.statdesk.runtime.internal;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.apache.felix.fileinstall.ArtifactInstaller;
import org.osgi.framework.Bundle;

/**
 * The part of hot deploy that FileInstall lacks. FileInstall watches {@code deploy/} and would install a dropped jar
 * as a second bundle beside the shipped one; this installer claims jars whose symbolic name is a shipped bundle and
 * updates that bundle in place instead (never two versions side by side). Removing the jar from deploy/ goes back to
 * the shipped version. A jar that is not a bundle is claimed too, only to say so clearly.
 */
final class HotDeployer implements ArtifactInstaller {
    private final FeatureManagerImpl features;
    private final Map<Path, String> deployed = new ConcurrentHashMap<>();
    /** When each jar was last applied, so that FileInstall's first scan does not apply again what the start did. */
    private final Map<Path, Long> applied = new ConcurrentHashMap<>();

    HotDeployer(FeatureManagerImpl features) {
        this.features = features;
    }

    static String symbolicName(Path jar) {
        try (JarFile jf = new JarFile(jar.toFile())) {
            Manifest m = jf.getManifest();
            String bsn = m == null ? null : m.getMainAttributes().getValue("Bundle-SymbolicName");
            return bsn == null ? null : bsn.split(";")[0].trim();
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public boolean canHandle(File artifact) {
        if (!artifact.getName().endsWith(".jar")) {
            return false;
        }
        String bsn = symbolicName(artifact.toPath());
        return bsn == null || features.shipped(bsn) != null || features.isFeatureBundle(bsn);
    }

    @Override
    public void install(File artifact) throws Exception {
        Path jar = artifact.toPath();
        String bsn = symbolicName(jar);
        if (bsn == null) {
            Log.error("deploy/" + artifact.getName() + " is not an OSGi bundle (no Bundle-SymbolicName in its manifest)"
                    + ": nothing was installed; remove it from deploy/ or replace it with a bundle built by the project");
            return;
        }
        long stamp = Files.getLastModifiedTime(jar).toMillis();
        if (Long.valueOf(stamp).equals(applied.get(jar))) {
            return;
        }
        deployed.put(jar, bsn);
        applied.put(jar, stamp);
        features.overrides().put(bsn, jar);
        Bundle b = features.shipped(bsn);
        if (b == null) {
            Log.info("deploy/" + artifact.getName() + " (" + bsn + ") will be used when its feature is enabled");
            return;
        }
        String before = b.getVersion().toString();
        try (InputStream in = Files.newInputStream(jar)) {
            b.update(in);
        }
        features.refresh(List.of(b));
        Log.info("hot deploy: " + bsn + " " + before + " -> " + b.getVersion() + " from deploy/" + artifact.getName());
    }

    @Override
    public void update(File artifact) throws Exception {
        install(artifact);
    }

    @Override
    public void uninstall(File artifact) throws Exception {
        applied.remove(artifact.toPath());
        String bsn = deployed.remove(artifact.toPath());
        if (bsn == null) {
            return;
        }
        features.overrides().remove(bsn);
        Bundle b = features.shipped(bsn);
        if (b != null) {
            b.update(); // re-reads the shipped jar at the bundle's location
            features.refresh(List.of(b));
            Log.info("hot deploy: " + bsn + " back to the shipped version " + b.getVersion());
        }
    }

    /** Jars already in deploy/ at start are used right away, so a start never runs stale code for a moment. */
    void scanAtStart(Path deployDir) {
        if (!Files.isDirectory(deployDir)) {
            return;
        }
        try (var files = Files.list(deployDir)) {
            files.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(p -> {
                String bsn = symbolicName(p);
                if (bsn == null) {
                    Log.error("deploy/" + p.getFileName() + " is not an OSGi bundle: ignored; remove it from deploy/");
                } else if (features.isFeatureBundle(bsn)) {
                    features.overrides().put(bsn, p);
                    deployed.put(p, bsn);
                    try {
                        applied.put(p, Files.getLastModifiedTime(p).toMillis());
                    } catch (IOException e) {
                        // FileInstall will apply it again: harmless
                    }
                }
            });
        } catch (IOException e) {
            Log.error("cannot read " + deployDir + ": " + e.getMessage());
        }
    }
}
