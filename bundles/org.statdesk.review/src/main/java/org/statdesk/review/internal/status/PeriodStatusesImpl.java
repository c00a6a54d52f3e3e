package org.statdesk.review.internal.status;

import java.sql.Connection;
import java.sql.SQLException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.audit.Journal;
import org.statdesk.api.command.BadInputException;
import org.statdesk.api.store.Store;
import org.statdesk.review.internal.Checks;
import org.statdesk.review.internal.flags.FlagWorkflow;
import org.statdesk.review.internal.forms.FormCatalogue;
import org.statdesk.review.internal.scope.ReviewScope;
import org.statdesk.review.internal.tables.PeriodTable;
import org.statdesk.review.internal.tables.ReviewSchema;

/** Keeps the period status; a step on is journaled with its note. */
@Component(service = PeriodStatuses.class)
public final class PeriodStatusesImpl implements PeriodStatuses {
    private final Store store;
    private final Journal journal;
    private final FormCatalogue forms;
    private final FlagWorkflow flags;
    private final ReviewScope scope;

    @Activate
    public PeriodStatusesImpl(@Reference ReviewSchema schema, @Reference Journal journal,
            @Reference FormCatalogue forms, @Reference FlagWorkflow flags, @Reference ReviewScope scope) {
        this.store = schema.store();
        this.journal = journal;
        this.forms = forms;
        this.flags = flags;
        this.scope = scope;
    }

    @Override
    public PeriodStatus status(String period, String specialty) {
        try (Connection c = store.connection()) {
            String[] s = PeriodTable.read(c, period, specialty);
            return s == null ? new PeriodStatus(period, specialty, "collecting", null)
                    : new PeriodStatus(period, specialty, s[0], s[1]);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public PeriodStatus advance(String period, String specialty, String to, String note, Also also)
            throws Exception {
        Checks.period(period);
        forms.selected(specialty);
        PeriodStatus now = status(period, specialty);
        int from = STEPS.indexOf(now.status());
        int target = STEPS.indexOf(to);
        if (target < 0) {
            throw new BadInputException("status must be one of " + STEPS + ", not '" + to + "'");
        }
        // each step its own permission (review.status.reviewed, .evaluated, .released), for a specialty within
        // one's own: a period of a specialty is every county's, so a county's scope never covers it
        scope.require("review.status." + to);
        scope.scope().require(null, specialty);
        if (to.equals("released")) {
            scope.requireNotBy(journal.history(PeriodTable.key(period, specialty), null), PeriodTable.NAME,
                    PeriodTable.key(period, specialty), "status", "evaluated", "review.status.released",
                    "evaluated " + period + " of " + specialty + "; its release must be another person's");
        }
        if (target != from + 1) {
            throw new BadInputException("period " + period + " of " + specialty + " is " + now.status()
                    + ": the next step is " + (from + 1 < STEPS.size() ? STEPS.get(from + 1) : "none"));
        }
        if (to.equals("reviewed")) {
            long openErrors = flags.flags(period, specialty).stream()
                    .filter(f -> f.status().equals("open") && f.severity().equals("error")).count();
            if (openErrors > 0) {
                throw new BadInputException(openErrors
                        + " open error flag(s): resolve them before the period is reviewed");
            }
        }
        if (to.equals("evaluated") && (note == null || note.isBlank())) {
            throw new BadInputException("an evaluation needs --note (the city's evaluation, 评估意见)");
        }
        String kept = note == null ? now.note() : note;
        return store.inTransaction(c -> {
            also.write(c);
            PeriodTable.write(c, period, specialty, to, kept);
            journal.recordRow(c, PeriodTable.NAME, PeriodTable.key(period, specialty), "status", now.status(), to,
                    note);
            return new PeriodStatus(period, specialty, to, kept);
        });
    }
}
