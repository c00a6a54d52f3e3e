package org.statdesk.workbench.internal;

import java.awt.EventQueue;
import java.awt.GraphicsEnvironment;
import java.lang.management.ManagementFactory;
import java.net.URL;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.swing.ImageIcon;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleException;
import org.osgi.framework.BundleListener;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;
import org.statdesk.api.feature.FeatureManager;
import org.statdesk.api.people.People;
import org.statdesk.api.people.Person;
import org.statdesk.api.review.ReportForm;
import org.statdesk.api.workbench.View;

/**
 * Opens the workbench window when the workstation runs with a display ({@code statdesk.mode=gui}) and tracks the
 * {@link View} services of every bundle, moving each arrival and departure onto the Swing thread (as Felix's
 * servicebased.host example does). Closing the window stops the framework.
 */
@Component(immediate = true, service = {})
public class Workbench {
    private final BundleContext ctx;
    private volatile Shell shell;
    private volatile ServiceTracker<View, View> views;
    private volatile ServiceTracker<FeatureManager, FeatureManager> featureManagers;
    private volatile ServiceTracker<ReportForm, ReportForm> forms;
    /** Coalesces the report forms' comings and goings (a feature brings several at once) into one refresh. */
    private javax.swing.Timer formsChanged;
    private volatile BundleListener bundleListener;
    private volatile boolean closing;
    private Texts texts;

    @Activate
    public Workbench(BundleContext ctx) {
        this.ctx = ctx;
        if (!"gui".equals(ctx.getProperty("statdesk.mode")) || GraphicsEnvironment.isHeadless()) {
            return;
        }
        Startup.mark("workbench activated");
        texts = Texts.of(ctx.getProperty("statdesk.locale"));
        String data = String.valueOf(ctx.getProperty("statdesk.data"));
        String period = initialPeriod(ctx.getProperty("statdesk.period"));
        People people = people();
        if (people != null && people.hasUsers()) {
            // Asked after activation, not during it: the workstation finishes starting (and lets `statdesk run` in)
            // while the person types, and the window and views come once they signed in.
            EventQueue.invokeLater(() -> {
                Looks.install(flatLafLoader());
                Dialogs.localize(texts);
                Person person = new SignInDialog(texts).ask(people::signInForSession);
                if (person == null || closing) {
                    windowClosed();
                    return;
                }
                shell = new Shell(texts, data, period, this::windowClosed);
                shell.setPerson(person);
                // The same matrix as the command line's: the permission names the commands declare.
                shell.setAccess(permission -> people.allows(person.role(), permission));
                showWindow();
                openTrackers();
            });
            return;
        }
        try {
            EventQueue.invokeAndWait(() -> {
                Looks.install(flatLafLoader());
                Dialogs.localize(texts);
                Startup.mark("look installed");
                shell = new Shell(texts, data, period, this::windowClosed);
                if (people != null) {
                    people.current().ifPresent(shell::setPerson);
                }
                Startup.mark("shell built");
            });
        } catch (Exception e) {
            System.err.println("statdesk.workbench: cannot open the window: " + e);
            return;
        }
        // The window first, then the views as they are tracked: each fills its tab as it comes, instead of the
        // user looking at nothing until the last view of the last bundle is built.
        EventQueue.invokeLater(this::showWindow);
        openTrackers();
    }

    private void showWindow() {
        Shell s = shell;
        if (s != null) {
            s.show();
            long sinceStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            System.err.println("statdesk.workbench: window shown " + sinceStart + " ms after JVM start");
        }
    }

    /** Views, features and bundle events, tracked once the window exists (each view fills its tab as it comes). */
    private void openTrackers() {
        views = new ServiceTracker<>(ctx, View.class, new ViewCustomizer());
        views.open();
        featureManagers = new ServiceTracker<>(ctx, FeatureManager.class, null) {
            @Override
            public FeatureManager addingService(ServiceReference<FeatureManager> ref) {
                FeatureManager fm = super.addingService(ref);
                refreshFeatures(fm);
                return fm;
            }
        };
        featureManagers.open();
        // Features change by installing and uninstalling bundles: refresh the status bar and perspectives then.
        bundleListener = e -> {
            if (e.getType() == BundleEvent.STARTED || e.getType() == BundleEvent.UNINSTALLED
                    || e.getType() == BundleEvent.STOPPED) {
                refreshFeatures(featureManagers.getService());
            }
        };
        ctx.addBundleListener(bundleListener);
        // A specialty's report form comes or goes with its feature: the views refresh at once (its flags, indicators).
        EventQueue.invokeLater(() -> {
            formsChanged = new javax.swing.Timer(300, e -> {
                if (shell != null) {
                    shell.refreshViews();
                }
            });
            formsChanged.setRepeats(false);
        });
        forms = new ServiceTracker<>(ctx, ReportForm.class, null) {
            @Override
            public ReportForm addingService(ServiceReference<ReportForm> ref) {
                ReportForm f = super.addingService(ref);
                formsChangedLater();
                return f;
            }

            @Override
            public void removedService(ServiceReference<ReportForm> ref, ReportForm f) {
                super.removedService(ref, f);
                formsChangedLater();
            }
        };
        forms.open();
    }

    private void formsChangedLater() {
        EventQueue.invokeLater(() -> {
            if (formsChanged != null) {
                formsChanged.restart();
            }
        });
    }

    /** The people service when the people bundle runs (it may still be activating: wait a moment for it). */
    private People people() {
        ServiceTracker<People, People> t = new ServiceTracker<>(ctx, People.class, null);
        t.open();
        try {
            boolean installed = java.util.Arrays.stream(ctx.getBundles())
                    .anyMatch(b -> "org.statdesk.people".equals(b.getSymbolicName()));
            return installed ? t.waitForService(3000) : t.getService();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            t.close();
        }
    }

    /** The window, once open (null without a display); for tests. */
    Shell shell() {
        return shell;
    }

    /** The period under review: as configured, else last month (monthly reports arrive in the following month). */
    static String initialPeriod(String configured) {
        if (configured != null && configured.matches("\\d{4}-\\d{2}")) {
            return configured;
        }
        return YearMonth.now().minusMonths(1).toString();
    }

    /** FlatLaf's own class loader: under OSGi its bundle's; outside OSGi (tests) ours. */
    private ClassLoader flatLafLoader() {
        for (Bundle b : ctx.getBundles()) {
            if ("com.formdev.flatlaf".equals(b.getSymbolicName()) && b.getState() != Bundle.UNINSTALLED) {
                try {
                    return b.loadClass("com.formdev.flatlaf.FlatLightLaf").getClassLoader();
                } catch (ClassNotFoundException e) {
                    System.err.println("statdesk.workbench: FlatLaf bundle without FlatLightLaf: " + e);
                }
            }
        }
        return Workbench.class.getClassLoader();
    }

    private void refreshFeatures(FeatureManager fm) {
        if (fm == null || shell == null) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                List<FeatureManager.FeatureInfo> f = fm.features();
                java.util.Map<String, String> titles = new java.util.HashMap<>();
                f.forEach(i -> titles.put(i.name(), fm.title(i.name(), texts.language())));
                EventQueue.invokeLater(() -> {
                    if (shell != null) {
                        texts.learnTitles(titles);
                        shell.setFeatures(f);
                    }
                });
            } catch (RuntimeException e) {
                System.err.println("statdesk.workbench: features: " + e);
            }
        }, "statdesk-features");
        t.setDaemon(true);
        t.start();
    }

    private void windowClosed() {
        if (closing) {
            return;
        }
        closing = true;
        Thread t = new Thread(() -> {
            try {
                ctx.getBundle(Constants.SYSTEM_BUNDLE_ID).stop();
            } catch (BundleException | IllegalStateException e) {
                System.err.println("statdesk.workbench: cannot stop: " + e);
            }
        }, "statdesk-shutdown");
        t.start();
    }

    @Deactivate
    void deactivate() {
        closing = true;
        if (bundleListener != null) {
            try {
                ctx.removeBundleListener(bundleListener);
            } catch (IllegalStateException e) {
                // The framework is already stopping.
            }
        }
        if (views != null) {
            views.close();
        }
        if (featureManagers != null) {
            featureManagers.close();
        }
        if (forms != null) {
            forms.close();
        }
        Shell s = shell;
        shell = null;
        if (s != null) {
            try {
                EventQueue.invokeAndWait(s::dispose);
            } catch (Exception e) {
                System.err.println("statdesk.workbench: " + e);
            }
        }
    }

    /** Moves every add, modify and remove of a View service onto the Swing thread. */
    private final class ViewCustomizer implements ServiceTrackerCustomizer<View, View> {
        @Override
        public View addingService(ServiceReference<View> ref) {
            View v = ctx.getService(ref);
            if (v == null) {
                return null;
            }
            Map<String, Object> props = properties(ref);
            Object key = ref.getProperty(Constants.SERVICE_ID);
            EventQueue.invokeLater(() -> {
                if (shell != null) {
                    shell.addView(key, v, props);
                }
            });
            return v;
        }

        @Override
        public void modifiedService(ServiceReference<View> ref, View v) {
            Map<String, Object> props = properties(ref);
            Object key = ref.getProperty(Constants.SERVICE_ID);
            EventQueue.invokeLater(() -> {
                if (shell != null) {
                    shell.addView(key, v, props);
                }
            });
        }

        @Override
        public void removedService(ServiceReference<View> ref, View v) {
            Object key = ref.getProperty(Constants.SERVICE_ID);
            // The view's dispose runs on the Swing thread; ungetting after it keeps the service valid meanwhile.
            EventQueue.invokeLater(() -> {
                try {
                    if (shell != null) {
                        shell.removeView(key);
                    } else {
                        v.dispose();
                    }
                } finally {
                    try {
                        ctx.ungetService(ref);
                    } catch (IllegalStateException e) {
                        // Our own bundle is stopping.
                    }
                }
            });
        }

        private Map<String, Object> properties(ServiceReference<View> ref) {
            Map<String, Object> p = new HashMap<>();
            for (String k : ref.getPropertyKeys()) {
                p.put(k, ref.getProperty(k));
            }
            Object icon = ref.getProperty(View.ICON);
            if (icon != null) {
                URL url = ref.getBundle() == null ? null : ref.getBundle().getResource(icon.toString());
                if (url != null) {
                    p.put("statdesk.view.icon.image", new ImageIcon(url));
                }
            }
            return p;
        }
    }
}
