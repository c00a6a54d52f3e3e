package org.statdesk.workbench.internal;

import java.awt.EventQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.statdesk.api.workbench.ViewContext.BackgroundWork;

/**
 * Long work off the Swing thread (后台任务): a status line with a progress bar and a cancel button while it runs;
 * errors end up in the status line, never in a modal dialog.
 */
final class Background {
    /** What the status bar shows; always called on the Swing thread. */
    interface Progress {
        void started(String title, Runnable cancel);

        void finished(String title, String outcome);
    }

    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "statdesk-background");
        t.setDaemon(true);
        return t;
    });
    private final Progress progress;
    private final Texts texts;
    private final AtomicInteger running = new AtomicInteger();

    Background(Progress progress, Texts texts) {
        this.progress = progress;
        this.texts = texts;
    }

    int running() {
        return running.get();
    }

    /** A running piece of work: wait on {@code future}; {@code cancel} asks it to stop. */
    record Task(Future<?> future, Runnable cancel) {
    }

    Task run(String title, BackgroundWork work, Consumer<Throwable> onFailure) {
        AtomicBoolean cancelled = new AtomicBoolean();
        AtomicReference<Thread> worker = new AtomicReference<>();
        running.incrementAndGet();
        // Cancelling flags the work and interrupts its thread; it never drops a task unstarted, so the status
        // line always hears how the work ended.
        Runnable cancel = () -> {
            cancelled.set(true);
            Thread t = worker.get();
            if (t != null) {
                t.interrupt();
            }
        };
        EventQueue.invokeLater(() -> progress.started(title, cancel));
        Future<?> future = pool.submit(() -> {
            worker.set(Thread.currentThread());
            String outcome;
            try {
                if (cancelled.get()) {
                    throw new InterruptedException("cancelled before it started");
                }
                work.run(cancelled::get);
                outcome = cancelled.get() ? texts.get("status.cancelled", title) : texts.get("status.done", title);
            } catch (InterruptedException e) {
                outcome = texts.get("status.cancelled", title);
            } catch (Throwable e) {
                outcome = cancelled.get() ? texts.get("status.cancelled", title)
                        : texts.get("status.failed", title, String.valueOf(e.getMessage()));
                if (!cancelled.get() && onFailure != null) {
                    onFailure.accept(e);
                }
            } finally {
                worker.set(null);
                Thread.interrupted();
                running.decrementAndGet();
            }
            String o = outcome;
            EventQueue.invokeLater(() -> progress.finished(title, o));
        });
        return new Task(future, cancel);
    }

    void shutdown() {
        pool.shutdownNow();
    }
}
