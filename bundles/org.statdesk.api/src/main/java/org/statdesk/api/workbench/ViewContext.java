package org.statdesk.api.workbench;

import java.util.Locale;
import java.util.function.Consumer;
import org.osgi.annotation.versioning.ProviderType;

/** What the workbench offers a view: the current period, the selection, long-running work off the Swing thread. */
@ProviderType
public interface ViewContext {
    Locale locale();

    /** The period under review, {@code YYYY-MM}. */
    String period();

    /** Listens to changes of the period. */
    void onPeriodChange(Consumer<String> listener);

    /** Selects a unit (by credit code), e.g. to open its chart; every view may listen. */
    void selectUnit(String creditCode);

    void onUnitSelected(Consumer<String> listener);

    /** Runs long work off the Swing thread with a progress bar that can be cancelled. */
    void runInBackground(String title, BackgroundWork work);

    @FunctionalInterface
    interface BackgroundWork {
        void run(java.util.function.BooleanSupplier cancelled) throws Exception;
    }
}
