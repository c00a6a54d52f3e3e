package org.statdesk.review.internal.status;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.command.Args;
import org.statdesk.api.command.Command;
import org.statdesk.api.command.CommandResult;
import org.statdesk.api.command.CommandSpec;
import org.statdesk.review.internal.evaluation.Evaluations;

/**
 * {@code review:status --period P --specialty S [--set reviewed|evaluated|released] [--note N]}. Reading the status
 * needs no permission; a step needs {@code review.status.<step>}, which depends on {@code --set} and is checked by
 * {@link PeriodStatuses#advance} with the scope and the separation of evaluation and release.
 */
@Component(service = Command.class)
@CommandSpec(name = "review:status", usage = "review:status --period YYYY-MM --specialty S "
        + "[--set reviewed|evaluated|released] [--note TEXT] [--json]", description = "报告期状态：采集 → 已审核 → 已评估 → 已发布")
public final class StatusCommand implements Command {
    private final PeriodStatuses statuses;
    private final Evaluations evaluations;

    @Activate
    public StatusCommand(@Reference PeriodStatuses statuses, @Reference Evaluations evaluations) {
        this.statuses = statuses;
        this.evaluations = evaluations;
    }

    @Override
    public CommandResult execute(Args args) throws Exception {
        args.allow("period", "specialty", "set", "note");
        String period = args.required("period");
        String specialty = args.required("specialty");
        String to = args.option("set", null);
        if ("evaluated".equals(to)) {
            // a passed evaluation by the person working for every county not yet evaluated (review:evaluate is the
            // county by county way)
            evaluations.passRemaining(period, specialty, args.option("note", null));
        }
        PeriodStatuses.PeriodStatus s = to != null && !to.equals("evaluated")
                ? statuses.advance(period, specialty, to, args.option("note", null))
                : statuses.status(period, specialty);
        return CommandResult.ok(s, period + " " + specialty + "：" + s.status()
                + (s.note() == null ? "" : "（" + s.note() + "）"));
    }
}
