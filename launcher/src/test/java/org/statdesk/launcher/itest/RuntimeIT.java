package org.statdesk.launcher.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.inject.Inject;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.statdesk.api.command.Args;
import org.statdesk.api.command.Command;
import org.statdesk.api.command.CommandResult;
import org.statdesk.api.feature.FeatureManager;
import org.statdesk.api.feature.FeatureManager.BundleInfo;
import org.statdesk.api.feature.FeatureManager.FeatureInfo;
import org.statdesk.api.store.Store;

/**
 * The workstation in a Felix container, set up as the launcher does (target platform, API and runtime from a copy
 * of the built distribution): every feature resolves and reaches ACTIVE; a feature is disabled and enabled at run
 * time keeping its data; a rebuilt bundle dropped into deploy/ replaces the installed one in place; a migration runs
 * once only.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class RuntimeIT {
    private static final long TIMEOUT_MS = 20_000;

    @Inject
    private BundleContext ctx;

    @Configuration
    public Option[] config() throws IOException {
        Path dist = Path.of(System.getProperty("statdesk.dist")).toAbsolutePath().normalize();
        Path home = Files.createTempDirectory("statdesk-itest-home").toRealPath();
        Path data = Files.createTempDirectory("statdesk-itest-data").toRealPath();
        for (String dir : List.of("system", "bundles", "features", "etc", "deploy")) {
            copyTree(dist.resolve(dir), home.resolve(dir));
        }
        if (org.statdesk.launcher.e2e.TestDatabase.postgres()) {
            org.statdesk.launcher.e2e.TestDatabase.configure(home, org.statdesk.launcher.e2e.TestDatabase.schemaFor(data));
        }
        Path api = home.resolve("bundles/org.statdesk.api-1.0.0.jar");
        TestBundle.build(home.resolve("bundles/" + TestBundle.BSN + "-1.0.0.jar"), "1.0.0", "v1", 1, api);
        Path next = TestBundle.build(data.getParent().resolve(data.getFileName() + "-next/hello-rebuilt.jar"),
                "1.0.1", "v2", 2, api);
        TestBundle.feature(home.resolve("features"));
        // builds that hot deploy must not take: one that cannot resolve, one whose activator throws, an older one,
        // and a bundle that is neither StatDesk's nor a feature's
        Path bad = data.getParent().resolve(data.getFileName() + "-bad");
        TestBundle.build(bad.resolve("unresolvable.jar"), TestBundle.BSN, "1.0.2", "v3", 1, api,
                ",org.statdesk.itest.nosuch", false);
        TestBundle.build(bad.resolve("throwing.jar"), TestBundle.BSN, "1.0.3", "v4", 1, api, "", true);
        TestBundle.build(bad.resolve("older.jar"), TestBundle.BSN, "0.9.0", "v0", 1, api, "", false);
        TestBundle.build(bad.resolve("evil.jar"), "com.example.evil", "1.0.0", "evil", 0, api, "", false);

        List<Option> o = new ArrayList<>(List.of(
                junitBundles(),
                cleanCaches(true),
                systemProperty("java.awt.headless").value("true"),
                systemProperty("org.ops4j.pax.logging.DefaultServiceLog.level").value("WARN"),
                frameworkProperty("statdesk.home").value(home.toString()),
                frameworkProperty("statdesk.data").value(data.toString()),
                frameworkProperty("statdesk.mode").value("itest"),
                frameworkProperty("statdesk.itest.next").value(next.toString()),
                frameworkProperty("statdesk.itest.bad").value(bad.toString()),
                frameworkProperty("felix.fileinstall.dir").value(home.resolve("etc").toString()),
                frameworkProperty("felix.fileinstall.filter").value(".*\\.cfg"),
                frameworkProperty("felix.fileinstall.poll").value("500"),
                frameworkProperty("felix.fileinstall.noInitialDelay").value("true"),
                frameworkProperty("felix.fileinstall.enableConfigSave").value("false"),
                frameworkProperty("felix.fileinstall.log.level").value("1"),
                frameworkProperty("ds.loglevel").value("warn")));
        try (Stream<Path> s = Files.list(home.resolve("system"))) {
            s.filter(p -> p.toString().endsWith(".jar"))
                    .filter(p -> !p.getFileName().toString().startsWith("org.apache.felix.gogo.shell"))
                    .sorted().forEach(p -> o.add(bundle(location(p))));
        }
        // the same locations as the launcher, so that the runtime recognises the API as already installed
        o.add(bundle(location(api)));
        o.add(bundle(location(home.resolve("bundles/org.statdesk.runtime-1.0.0.jar"))));
        return o.toArray(new Option[0]);
    }

    private static String location(Path p) {
        return "reference:" + p.toAbsolutePath().normalize().toUri();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> s = Files.list(from)) {
            for (Path p : s.toList()) {
                Files.copy(p, to.resolve(p.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    @Test
    public void a_everyFeatureResolvesAndAllItsBundlesAreActive() throws Exception {
        FeatureManager fm = service(FeatureManager.class);
        List<String> names = fm.features().stream().map(FeatureInfo::name).toList();
        assertTrue(names.toString(), names.containsAll(List.of("core", "workbench", "industrial", "trade",
                "services", "enforcement", "itest")));
        for (FeatureInfo f : fm.features()) {
            assertTrue(f.name() + " is enabled on a fresh data folder", f.enabled());
            assertFalse(f.name() + " has bundles", f.bundles().isEmpty());
            for (BundleInfo b : f.bundles()) {
                assertEquals(f.name() + ": " + b.symbolicName(), "ACTIVE", b.state());
            }
        }
        for (Bundle b : ctx.getBundles()) {
            if (b.getHeaders().get("Fragment-Host") == null) {
                assertEquals(b.getSymbolicName() + " is active", Bundle.ACTIVE, b.getState());
            }
        }
        // the core services come up on the target platform (H2's DataSourceFactory, SCR, ConfigAdmin)
        for (String api : List.of("org.statdesk.api.store.Store", "org.statdesk.api.audit.Journal",
                "org.statdesk.api.registry.Register", "org.statdesk.api.review.ReviewService",
                "org.statdesk.api.charts.ChartService")) {
            assertNotNull(api, waitFor(api));
        }
        for (String command : List.of("registry:import", "review:run", "audit:verify", "chart:export",
                "enforcement:draw", "feature:list", "store:backup", "report:missing", "report:summary")) {
            assertNotNull(command, command(command));
        }
    }

    @Test
    public void b_disablingAFeatureUninstallsItsBundlesKeepsItsDataAndPersists() throws Exception {
        FeatureManager fm = service(FeatureManager.class);
        Path roster = Files.createTempFile("roster", ".csv");
        Files.writeString(roster, "name,certificate_no,certificate_date,county_code,specialty\n"
                + "王建国,甘统执字620600001,2020-05-01,620600,industrial\n"
                + "李秀兰,甘统执字620602001,2021-03-15,620602,trade\n", StandardCharsets.UTF_8);
        CommandResult r = command("enforcement:import-inspectors").execute(Args.of(roster.toString(), "--json"));
        assertEquals(String.valueOf(r.json()), 0, r.exitCode());
        assertEquals(2, count("SELECT COUNT(*) FROM enf_inspector"));

        FeatureInfo off = fm.disable("enforcement");
        assertFalse(off.enabled());
        assertNull("no enforcement bundle is left", installed("org.statdesk.enforcement"));
        assertNull("its commands are gone", ctx.getServiceReferences(Command.class,
                "(" + Command.NAME + "=enforcement:draw)").stream().findAny().orElse(null));
        assertEquals("its rows are kept", 2, count("SELECT COUNT(*) FROM enf_inspector"));
        String selection = Files.readString(Path.of(ctx.getProperty("statdesk.data")).resolve("features.json"));
        assertFalse(selection, selection.contains("\"enforcement\""));
        assertTrue("other features stay", installed("org.statdesk.industrial").getState() == Bundle.ACTIVE);

        FeatureInfo on = fm.enable("enforcement");
        assertTrue(on.enabled());
        assertEquals(Bundle.ACTIVE, installed("org.statdesk.enforcement").getState());
        CommandResult listed = command("enforcement:inspectors").execute(Args.of("--json"));
        assertTrue(String.valueOf(listed.json()), String.valueOf(listed.json()).contains("王建国"));
        selection = Files.readString(Path.of(ctx.getProperty("statdesk.data")).resolve("features.json"));
        assertTrue(selection, selection.contains("\"enforcement\""));
    }

    @Test
    public void c_aMigrationRunsOnceAndOnlyOnce() throws Exception {
        Store store = service(Store.class);
        Bundle hello = installed(TestBundle.BSN);
        assertEquals(1, store.migrate(hello));
        assertEquals(0, store.migrate(hello));
        hello.stop();
        hello.start();
        assertEquals(0, store.migrate(hello));
        assertEquals(1, count("SELECT COUNT(*) FROM itest_hello"));
        assertEquals(1, count("SELECT COUNT(*) FROM statdesk_schema_history WHERE owner = '" + TestBundle.BSN + "'"));
    }

    @Test
    public void d_aRebuiltBundleInDeployReplacesTheInstalledOneInPlace() throws Exception {
        Bundle before = installed(TestBundle.BSN);
        long id = before.getBundleId();
        assertEquals("v1", answer());
        Path deploy = Path.of(ctx.getProperty("statdesk.home")).resolve("deploy");
        Path dropped = deploy.resolve("org.statdesk.itest.hello-1.0.1.jar");
        long t0 = System.nanoTime();
        Files.copy(Path.of(ctx.getProperty("statdesk.itest.next")), dropped);
        awaitAnswer("v2");
        long millis = (System.nanoTime() - t0) / 1_000_000;
        System.err.println("hot deploy: jar in deploy/ to new service answering: " + millis + " ms");
        Bundle after = installed(TestBundle.BSN);
        assertEquals("updated in place", id, after.getBundleId());
        assertEquals("1.0.1", after.getVersion().toString());
        assertEquals("never two versions side by side", 1,
                Arrays.stream(ctx.getBundles()).filter(b -> TestBundle.BSN.equals(b.getSymbolicName())).count());
        // the new version's migration runs, the old one does not run again
        Store store = service(Store.class);
        assertEquals(1, store.migrate(after));
        assertEquals(2, count("SELECT COUNT(*) FROM itest_hello"));

        Files.delete(dropped);
        awaitAnswer("v1");
        assertEquals(id, installed(TestBundle.BSN).getBundleId());
        assertEquals("back to the shipped version", "1.0.0", installed(TestBundle.BSN).getVersion().toString());
        assertEquals("rows are kept", 2, count("SELECT COUNT(*) FROM itest_hello"));
    }

    @Test
    public void e_aBuildThatDoesNotResolveOrStartIsReportedAndTheShippedOneStays() throws Exception {
        long id = installed(TestBundle.BSN).getBundleId();
        for (String[] c : new String[][] {{"unresolvable.jar", "1.0.2"}, {"throwing.jar", "1.0.3"}}) {
            String said = dropAndAwait(c[0], "hot deploy failed: " + TestBundle.BSN + " " + c[1]);
            assertTrue(said, said.contains("the shipped version 1.0.0 runs again"));
            assertFalse("never reported as deployed: " + said, said.contains("-> " + c[1]));
            Bundle b = installed(TestBundle.BSN);
            assertEquals("in place", id, b.getBundleId());
            assertEquals("1.0.0", b.getVersion().toString());
            assertEquals(Bundle.ACTIVE, b.getState());
            awaitAnswer("v1");
            Files.delete(deploy().resolve(c[0]));
        }
    }

    @Test
    public void f_anOlderBuildIsRefusedUnlessAllowed() throws Exception {
        String said = dropAndAwait("older.jar", "is older than the shipped version 1.0.0");
        assertTrue(said, said.contains("deploy/older.jar (" + TestBundle.BSN + " 0.9.0)"));
        Thread.sleep(1000); // FileInstall polls every 250 ms: nothing more happens
        assertEquals("1.0.0", installed(TestBundle.BSN).getVersion().toString());
        assertEquals("v1", answer());
        Files.delete(deploy().resolve("older.jar"));

        System.setProperty("statdesk.hotdeploy.allowDowngrade", "true");
        try {
            said = dropAndAwait("older.jar", "hot deploy: " + TestBundle.BSN + " 1.0.0 -> 0.9.0");
            awaitAnswer("v0");
            Files.delete(deploy().resolve("older.jar"));
            awaitAnswer("v1");
            assertEquals("1.0.0", installed(TestBundle.BSN).getVersion().toString());
        } finally {
            System.clearProperty("statdesk.hotdeploy.allowDowngrade");
        }
    }

    @Test
    public void g_aJarThatIsNoBundleOfStatDeskOrAFeatureIsNotInstalled() throws Exception {
        String said = dropAndAwait("evil.jar", "deploy/evil.jar (com.example.evil 1.0.0) is neither");
        Thread.sleep(1500); // several polls of FileInstall, which would have installed and started it
        assertNull("not installed", installed("com.example.evil"));
        assertEquals("v1", answer());
        Files.delete(deploy().resolve("evil.jar"));
        assertTrue(said, said.contains("refused"));
    }

    private Path deploy() {
        return Path.of(ctx.getProperty("statdesk.home")).resolve("deploy");
    }

    /** Drops a prepared jar into deploy/ and returns what the runtime said on stderr once it says {@code line}. */
    private String dropAndAwait(String jar, String line) throws Exception {
        java.io.ByteArrayOutputStream said = new java.io.ByteArrayOutputStream();
        java.io.PrintStream err = System.err;
        java.io.PrintStream tee = new java.io.PrintStream(new java.io.OutputStream() {
            @Override
            public synchronized void write(int b) {
                err.write(b);
                said.write(b);
            }

            @Override
            public synchronized void write(byte[] b, int off, int len) {
                err.write(b, off, len);
                said.write(b, off, len);
            }
        }, true, StandardCharsets.UTF_8);
        System.setErr(tee);
        try {
            Files.copy(Path.of(ctx.getProperty("statdesk.itest.bad")).resolve(jar), deploy().resolve(jar),
                    StandardCopyOption.REPLACE_EXISTING);
            long end = System.currentTimeMillis() + TIMEOUT_MS;
            while (System.currentTimeMillis() < end) {
                String text;
                synchronized (tee) {
                    text = said.toString(StandardCharsets.UTF_8);
                }
                if (text.contains(line)) {
                    return text;
                }
                Thread.sleep(20);
            }
            throw new AssertionError("the runtime did not say '" + line + "' within " + TIMEOUT_MS + " ms; it said: "
                    + said.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(err);
        }
    }

    private String answer() throws Exception {
        Command c = command("itest:hello");
        return c == null ? null : String.valueOf(c.execute(Args.of()).json());
    }

    private void awaitAnswer(String want) throws Exception {
        long end = System.currentTimeMillis() + TIMEOUT_MS;
        String got = null;
        while (System.currentTimeMillis() < end) {
            got = answer();
            if (want.equals(got)) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the service answered " + got + ", not " + want + ", within " + TIMEOUT_MS + " ms");
    }

    private Bundle installed(String bsn) {
        return Arrays.stream(ctx.getBundles()).filter(b -> bsn.equals(b.getSymbolicName())).findFirst().orElse(null);
    }

    private long count(String sql) throws Exception {
        try (Connection c = service(Store.class).connection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Command command(String name) throws Exception {
        long end = System.currentTimeMillis() + TIMEOUT_MS;
        while (System.currentTimeMillis() < end) {
            var refs = ctx.getServiceReferences(Command.class, "(" + Command.NAME + "=" + name + ")");
            if (!refs.isEmpty()) {
                Command c = ctx.getService(refs.iterator().next());
                if (c != null) {
                    return c;
                }
            }
            Thread.sleep(20);
        }
        return null;
    }

    private <T> T service(Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> t = new ServiceTracker<>(ctx, type, null);
        t.open();
        T s = t.waitForService(TIMEOUT_MS);
        assertNotNull(type.getName(), s);
        return s;
    }

    private Object waitFor(String className) throws InterruptedException {
        long end = System.currentTimeMillis() + TIMEOUT_MS;
        while (System.currentTimeMillis() < end) {
            ServiceReference<?> ref = ctx.getServiceReference(className);
            if (ref != null) {
                return ref;
            }
            Thread.sleep(20);
        }
        return null;
    }
}
