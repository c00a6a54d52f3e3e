package org.statdesk.workbench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.statdesk.workbench.internal.WorkbenchGuiTest.onEdt;
import static org.statdesk.workbench.internal.WorkbenchGuiTest.waitFor;

import java.awt.GraphicsEnvironment;
import java.awt.Window;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JLabel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.statdesk.api.workbench.View;
import org.statdesk.api.workbench.ViewContext;

/**
 * The workbench in a real Felix framework under a display: an "industrial" bundle registers its views as
 * services; disabling the feature uninstalls that bundle; its View services go, the workbench's tracker moves the
 * removal onto the Swing thread and the open window loses the views: no restart, no dialog, no error.
 */
class FeatureRemovalGuiTest {
    @TempDir
    Path dir;
    private Framework framework;
    private Workbench workbench;
    private final AtomicInteger disposed = new AtomicInteger();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldErr;

    @BeforeEach
    void start() throws Exception {
        assertTrue(!GraphicsEnvironment.isHeadless() && System.getenv("DISPLAY") != null
                && !System.getenv("DISPLAY").isBlank(),
                "no display: the GUI tests open real windows; run .ci/run (it starts Xvfb), or Xvfb :99 & and DISPLAY=:99");
        framework = ServiceLoader.load(FrameworkFactory.class).iterator().next().newFramework(Map.of(
                Constants.FRAMEWORK_STORAGE, dir.resolve("felix").toString(),
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT,
                "statdesk.mode", "gui", "statdesk.locale", "zh", "statdesk.period", "2024-06",
                "statdesk.data", dir.toString()));
        framework.start();
        oldErr = System.err;
        System.setErr(new PrintStream(new TeeStream(oldErr, err), true, "UTF-8"));
    }

    @AfterEach
    void stop() throws Exception {
        if (oldErr != null) {
            System.setErr(oldErr);
        }
        if (workbench != null) {
            workbench.deactivate();
        }
        if (framework != null) {
            framework.stop();
            framework.waitForStop(10_000);
        }
    }

    /** A bundle with nothing but a manifest: its context registers the services as a specialty bundle would. */
    private Bundle install(String symbolicName) throws IOException, org.osgi.framework.BundleException {
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue(Constants.BUNDLE_MANIFESTVERSION, "2");
        a.putValue(Constants.BUNDLE_SYMBOLICNAME, symbolicName);
        a.putValue(Constants.BUNDLE_VERSION, "1.0.0");
        Path jar = dir.resolve(symbolicName + ".jar");
        try (OutputStream os = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(os, mf)) {
            j.flush();
        }
        Bundle b = framework.getBundleContext().installBundle(jar.toUri().toString());
        b.start();
        return b;
    }

    private View view(String text) {
        return new View() {
            @Override
            public JComponent create(ViewContext ctx) {
                JLabel l = new JLabel(text);
                l.setName(text);
                return l;
            }

            @Override
            public void dispose() {
                disposed.incrementAndGet();
            }
        };
    }

    private static Hashtable<String, Object> props(String id, String title, String specialty, String area) {
        Hashtable<String, Object> p = new Hashtable<>();
        p.put(View.ID, id);
        p.put(View.TITLE, title);
        p.put(View.SPECIALTY, specialty);
        p.put(View.AREA, area);
        return p;
    }

    private List<String> titles() throws Exception {
        return onEdt(() -> workbench.shell().openTitles());
    }

    private boolean inWindow(String name) throws Exception {
        return onEdt(() -> WorkbenchGuiTest.find(workbench.shell().frame().getContentPane(), JLabel.class,
                name) != null);
    }

    private static List<Window> dialogs() throws Exception {
        return onEdt(() -> {
            List<Window> out = new ArrayList<>();
            for (Window w : Window.getWindows()) {
                if (w.isShowing() && (w instanceof JDialog || w instanceof java.awt.Dialog)) {
                    out.add(w);
                }
            }
            return out;
        });
    }

    @Test
    void disablingTheIndustrialFeatureRemovesItsViewsLive() throws Exception {
        BundleContext core = install("org.statdesk.core.fake").getBundleContext();
        Bundle industrial = install("org.statdesk.industrial.fake");
        BundleContext ind = industrial.getBundleContext();
        core.registerService(View.class, view("核心视图"), props("statdesk.core.view", "核心", "core", "editor"));
        ind.registerService(View.class, view("工业产品产量"), props("statdesk.industrial.products", "工业产品产量",
                "industrial", "editor"));
        ind.registerService(View.class, view("工业审核"), props("statdesk.industrial.review", "工业审核",
                "industrial", "bottom"));

        workbench = new Workbench(framework.getBundleContext());
        assertNotNull(workbench.shell(), "the window opens under a display");
        waitFor("the three views in the window", () -> workbench.shell().openTitles().containsAll(
                List.of("核心", "工业产品产量", "工业审核")), 5_000);
        waitFor("the window showing", () -> workbench.shell().frame().isShowing(), 5_000);
        assertTrue(inWindow("工业产品产量") && inWindow("工业审核"));
        assertTrue(onEdt(() -> workbench.shell().perspectives()).contains("industrial"));

        // A view arriving while the window is open appears in it, from any thread.
        ind.registerService(View.class, view("工业后到"), props("statdesk.industrial.late", "工业后到", "industrial",
                "editor"));
        waitFor("the late view", () -> workbench.shell().openTitles().contains("工业后到"), 5_000);

        // Disable the feature: its bundle is uninstalled, as FeatureManager.disable does.
        industrial.uninstall();
        waitFor("the industrial views gone", () -> {
            List<String> t = workbench.shell().openTitles();
            return !t.contains("工业产品产量") && !t.contains("工业审核") && !t.contains("工业后到");
        }, 5_000);
        assertEquals(List.of("核心"), titles(), "the core view stays, nothing else");
        assertFalse(inWindow("工业产品产量") || inWindow("工业审核") || inWindow("工业后到"), "no dead panel left");
        assertEquals(3, disposed.get(), "each industrial view was told to let go");
        assertFalse(onEdt(() -> workbench.shell().perspectives()).contains("industrial"),
                "no perspective for a specialty with no views and no feature");
        assertTrue(onEdt(() -> workbench.shell().host("statdesk.industrial.products") == null), "host forgotten");
        assertTrue(dialogs().isEmpty(), "no dialog: " + dialogs());
        String log = err.toString("UTF-8");
        assertFalse(log.contains("failed") || log.contains("Exception"), log);
        // The window is still alive and responsive.
        assertTrue(onEdt(() -> workbench.shell().frame().isShowing()));
        onEdt(() -> {
            workbench.shell().setPeriod("2024-05");
            return null;
        });
        assertTrue(onEdt(() -> workbench.shell().statusText()).contains("2024-05"));
    }

    private int problemRows() throws Exception {
        return onEdt(() -> {
            Host h = workbench.shell().host("statdesk.workbench.problems");
            return h == null || h.component == null ? -1
                    : ((ProblemsView.Panel) h.component.getClientProperty(ProblemsView.Panel.class)).model.getRowCount();
        });
    }

    @Test
    void aSpecialtysFlagsLeaveWithItsReportFormAndComeBackWithoutAPeriodSwitch() throws Exception {
        Object[] demo = Fakes.demo(40);
        org.statdesk.testing.FakeReview review = (org.statdesk.testing.FakeReview) demo[0];
        org.statdesk.api.review.ReportForm form = review.forms.get(0);
        BundleContext core = install("org.statdesk.core.fake").getBundleContext();
        core.registerService(View.class, new ProblemsView(review, (org.statdesk.testing.ListRegister) demo[1],
                Texts.of("zh")), props("statdesk.workbench.problems", "问题", "core", "bottom"));
        Bundle industrial = install("org.statdesk.industrial.fake");
        industrial.getBundleContext().registerService(org.statdesk.api.review.ReportForm.class, form, null);
        workbench = new Workbench(framework.getBundleContext());
        waitFor("the industrial flags", () -> problemRows() == 3, 10_000);

        // disabled: the review no longer has the form (as its tracker drops it) and the form's service goes
        review.forms.clear();
        industrial.uninstall();
        waitFor("the flags gone at once", () -> problemRows() == 0, 5_000);
        assertEquals("2024-06", onEdt(() -> workbench.shell().period()), "no period switch");

        // enabled again: the form is back, and so are its flags
        review.forms.add(form);
        install("org.statdesk.industrial.again").getBundleContext()
                .registerService(org.statdesk.api.review.ReportForm.class, form, null);
        waitFor("the flags back", () -> problemRows() == 3, 5_000);
        assertEquals("2024-06", onEdt(() -> workbench.shell().period()));
    }

    /** Copies System.err to the console and keeps it, to check that nothing failed on the way. */
    static final class TeeStream extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        TeeStream(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) throws IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public void write(byte[] buf, int off, int len) throws IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }
    }
}
