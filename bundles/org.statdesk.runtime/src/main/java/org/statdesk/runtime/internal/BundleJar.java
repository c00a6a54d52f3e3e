package org.statdesk.runtime.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.osgi.framework.Version;

/** A jar's bundle identity from its manifest: symbolic name (null when it is not a bundle) and version. */
record BundleJar(String symbolicName, Version version) {
    static BundleJar read(Path jar) {
        try (JarFile jf = new JarFile(jar.toFile())) {
            Manifest m = jf.getManifest();
            String bsn = m == null ? null : m.getMainAttributes().getValue("Bundle-SymbolicName");
            if (bsn == null) {
                return new BundleJar(null, Version.emptyVersion);
            }
            String v = m.getMainAttributes().getValue("Bundle-Version");
            Version version;
            try {
                version = v == null ? Version.emptyVersion : Version.parseVersion(v.trim());
            } catch (IllegalArgumentException e) {
                version = Version.emptyVersion; // the framework refuses it with its own words when it is installed
            }
            return new BundleJar(bsn.split(";")[0].trim(), version);
        } catch (IOException e) {
            return new BundleJar(null, Version.emptyVersion);
        }
    }

    boolean isBundle() {
        return symbolicName != null;
    }

    @Override
    public String toString() {
        return symbolicName + " " + version;
    }
}
