package org.statdesk.workbench.internal;

import java.awt.EventQueue;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.statdesk.api.review.Flag;
import org.statdesk.api.workbench.ViewContext;

/**
 * One view's window on the workbench. Its listeners live and die with the view: when the view's service goes away,
 * the context is closed and nothing calls into the departed bundle again.
 */
final class ContextImpl implements ViewContext {
    private final Shell shell;
    final List<Consumer<String>> periodListeners = new CopyOnWriteArrayList<>();
    final List<Consumer<String>> specialtyListeners = new CopyOnWriteArrayList<>();
    final List<Consumer<String>> unitListeners = new CopyOnWriteArrayList<>();
    final List<Consumer<Flag>> flagListeners = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    ContextImpl(Shell shell) {
        this.shell = shell;
    }

    void close() {
        closed = true;
        periodListeners.clear();
        specialtyListeners.clear();
        unitListeners.clear();
        flagListeners.clear();
    }

    boolean closed() {
        return closed;
    }

    @Override
    public Locale locale() {
        return shell.texts().locale();
    }

    @Override
    public String period() {
        return shell.period();
    }

    @Override
    public void onPeriodChange(Consumer<String> l) {
        if (!closed) {
            periodListeners.add(l);
        }
    }

    @Override
    public String specialty() {
        return shell.perspective();
    }

    @Override
    public void onSpecialtyChange(Consumer<String> l) {
        if (!closed) {
            specialtyListeners.add(l);
        }
    }

    @Override
    public void selectUnit(String creditCode) {
        onEdt(() -> shell.selectUnit(creditCode));
    }

    @Override
    public void onUnitSelected(Consumer<String> l) {
        if (!closed) {
            unitListeners.add(l);
        }
    }

    @Override
    public void selectFlag(Flag flag) {
        onEdt(() -> shell.selectFlag(flag));
    }

    @Override
    public void onFlagSelected(Consumer<Flag> l) {
        if (!closed) {
            flagListeners.add(l);
        }
    }

    @Override
    public void showView(String viewId) {
        onEdt(() -> shell.showView(viewId));
    }

    @Override
    public boolean allows(String permission) {
        return shell.allows(permission);
    }

    @Override
    public void runInBackground(String title, BackgroundWork work) {
        shell.background().run(title, work, null);
    }

    private static void onEdt(Runnable r) {
        if (EventQueue.isDispatchThread()) {
            r.run();
        } else {
            EventQueue.invokeLater(r);
        }
    }
}
