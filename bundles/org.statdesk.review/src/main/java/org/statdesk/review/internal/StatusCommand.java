package org.statdesk.review.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.command.Args;
import org.statdesk.api.command.Command;
import org.statdesk.api.command.CommandResult;

/** {@code review:status --period P --specialty S [--set reviewed|evaluated|released] [--note N]}. */
@Component(property = {Command.NAME + "=review:status",
        Command.USAGE + "=review:status --period YYYY-MM --specialty S [--set reviewed|evaluated|released] "
                + "[--note TEXT] [--json]",
        Command.DESCRIPTION + "=报告期状态：采集 → 已审核 → 已评估 → 已发布"})
public final class StatusCommand implements Command {
    private final ReviewServiceImpl review;

    @Activate
    public StatusCommand(@Reference ReviewServiceImpl review) {
        this.review = review;
    }

    @Override
    public CommandResult execute(Args args) throws Exception {
        args.allow("period", "specialty", "set", "note");
        String period = args.required("period");
        String specialty = args.required("specialty");
        ReviewServiceImpl.PeriodStatus s = args.option("set").isPresent()
                ? review.advance(period, specialty, args.required("set"), args.option("note", null))
                : review.status(period, specialty);
        return CommandResult.ok(s, period + " " + specialty + "：" + s.status()
                + (s.note() == null ? "" : "（" + s.note() + "）"));
    }
}
