package org.statdesk.launcher.itest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds a small bundle at test time, in as many versions as a test needs: an activator that registers the command
 * {@code itest:hello} answering with a text given at build time, and migrations V1..Vn. A rebuilt version with the
 * same symbolic name and a higher version is what a developer drops into deploy/.
 */
final class TestBundle {
    static final String BSN = "org.statdesk.itest.hello";

    private TestBundle() {
    }

    /** Writes the jar for {@code version} whose command answers {@code answer}, with {@code migrations} V1..Vn. */
    static Path build(Path out, String version, String answer, int migrations, Path apiJar) throws IOException {
        return build(out, BSN, version, answer, migrations, apiJar, "", false);
    }

    /**
     * The same with another symbolic name, an extra {@code Import-Package} clause (e.g. a package nobody exports,
     * so that it cannot resolve) and an activator that throws when {@code failStart}.
     */
    static Path build(Path out, String bsn, String version, String answer, int migrations, Path apiJar,
            String extraImport, boolean failStart) throws IOException {
        Path work = Files.createTempDirectory("itest-bundle");
        Path src = work.resolve("src/org/statdesk/itest/hello/Activator.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, """
                package org.statdesk.itest.hello;

                import java.util.Hashtable;
                import org.osgi.framework.BundleActivator;
                import org.osgi.framework.BundleContext;
                import org.statdesk.api.command.Command;
                import org.statdesk.api.command.CommandResult;

                public final class Activator implements BundleActivator {
                    @Override
                    public void start(BundleContext ctx) {
                        if (%s) {
                            throw new IllegalStateException("this build cannot start");
                        }
                        Hashtable<String, Object> p = new Hashtable<>();
                        p.put(Command.NAME, "itest:hello");
                        ctx.registerService(Command.class, args -> CommandResult.ok("%s", "%s"), p);
                    }

                    @Override
                    public void stop(BundleContext ctx) {
                    }
                }
                """.formatted(failStart, answer, answer), StandardCharsets.UTF_8);
        Path classes = work.resolve("classes");
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        String cp = apiJar + java.io.File.pathSeparator + System.getProperty("java.class.path");
        int rc = javac.run(null, null, System.err, "-d", classes.toString(), "-cp", cp, "--release", "17",
                src.toString());
        if (rc != 0) {
            throw new IOException("the test bundle did not compile");
        }
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", bsn);
        a.putValue("Bundle-Version", version);
        a.putValue("Bundle-Activator", "org.statdesk.itest.hello.Activator");
        a.putValue("Import-Package", "org.osgi.framework,org.statdesk.api.command;version=\"[1.0,2)\"" + extraImport);
        Files.createDirectories(out.getParent());
        try (OutputStream os = Files.newOutputStream(out); JarOutputStream jar = new JarOutputStream(os, mf)) {
            Path cls = classes.resolve("org/statdesk/itest/hello/Activator.class");
            jar.putNextEntry(new JarEntry("org/statdesk/itest/hello/Activator.class"));
            jar.write(Files.readAllBytes(cls));
            jar.closeEntry();
            for (int v = 1; v <= migrations; v++) {
                jar.putNextEntry(new JarEntry("db/migration/V" + v + "__hello.sql"));
                String sql = v == 1
                        ? "CREATE TABLE itest_hello (id INTEGER PRIMARY KEY, note VARCHAR(40));\n"
                                + "INSERT INTO itest_hello (id, note) VALUES (1, 'from V1');\n"
                        : "INSERT INTO itest_hello (id, note) VALUES (" + v + ", 'from V" + v + "');\n";
                jar.write(sql.getBytes(StandardCharsets.UTF_8));
                jar.closeEntry();
            }
        }
        return out;
    }

    /** The feature file naming the test bundle, as a specialty feature would. */
    static void feature(Path featuresDir) throws IOException {
        Files.writeString(featuresDir.resolve("statdesk-itest.json"), """
                {
                  "feature-resource-version": "1.0",
                  "id": "org.statdesk:statdesk-itest:1.0.0",
                  "name": "Test feature",
                  "description": "A feature built by the in-container tests",
                  "bundles": [ { "id": "org.statdesk:%s:1.0.0" } ]
                }
                """.formatted(BSN));
    }

}
