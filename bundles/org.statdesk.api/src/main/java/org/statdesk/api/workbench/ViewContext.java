package org.statdesk.api.workbench;

import java.util.Locale;
import java.util.function.Consumer;
import org.osgi.annotation.versioning.ProviderType;
import org.statdesk.api.review.Flag;

/**
 * What the workbench offers a view (视图上下文): the current period and specialty, the selection, long-running work
 * off the Swing thread. Each view gets its own context: listeners it adds are dropped when the view closes, so a
 * view of an uninstalled bundle is never called again.
 */
@ProviderType
public interface ViewContext {
    Locale locale();

    /** The period under review, {@code YYYY-MM}. */
    String period();

    /** Listens to changes of the period. */
    void onPeriodChange(Consumer<String> listener);

    /**
     * The specialty of the current perspective (专业, e.g. {@code industrial}), or null for all specialties.
     * Section staff work in their specialty's perspective and see only its units.
     */
    String specialty();

    /** Listens to changes of the perspective's specialty (null for all). */
    void onSpecialtyChange(Consumer<String> listener);

    /** Selects a unit (by credit code), e.g. to open its chart; every view may listen. */
    void selectUnit(String creditCode);

    void onUnitSelected(Consumer<String> listener);

    /** Selects a review flag (审核疑问), e.g. in the Problems view: chart views show its unit and indicator. */
    void selectFlag(Flag flag);

    void onFlagSelected(Consumer<Flag> listener);

    /** Brings the view with this {@link View#ID} to the front, if it is open. */
    void showView(String viewId);

    /**
     * Whether the signed-in person's role has {@code permission} (the name a command declares, e.g.
     * {@code review.flag.confirm}): a view disables what the role cannot do. True in a data folder without users.
     *
     * @since 1.3
     */
    default boolean allows(String permission) {
        return true;
    }

    /** Runs long work off the Swing thread with a progress bar that can be cancelled. */
    void runInBackground(String title, BackgroundWork work);

    @FunctionalInterface
    interface BackgroundWork {
        void run(java.util.function.BooleanSupplier cancelled) throws Exception;
    }
}
