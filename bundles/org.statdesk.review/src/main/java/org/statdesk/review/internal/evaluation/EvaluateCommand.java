package org.statdesk.review.internal.evaluation;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.command.Args;
import org.statdesk.api.command.Command;
import org.statdesk.api.command.CommandResult;
import org.statdesk.api.command.CommandSpec;

/**
 * {@code review:evaluate --period P --specialty S --county C --result passed|returned --note TEXT}: the city
 * section's evaluation of one county (permission {@code review.status.evaluated}); the period is evaluated when every
 * county has passed.
 */
@Component(service = Command.class)
@CommandSpec(name = "review:evaluate", usage = "review:evaluate --period YYYY-MM --specialty S --county CODE "
        + "--result passed|returned [--note TEXT] [--json]", description = "评估（下管一级）：逐县区通过或退回")
public final class EvaluateCommand implements Command {
    private final Evaluations evaluations;

    @Activate
    public EvaluateCommand(@Reference Evaluations evaluations) {
        this.evaluations = evaluations;
    }

    @Override
    public CommandResult execute(Args args) throws Exception {
        args.allow("period", "specialty", "county", "result", "note");
        Evaluations.PeriodEvaluation e = evaluations.evaluate(args.required("period"), args.required("specialty"),
                args.required("county"), args.required("result"), args.option("note", null));
        return CommandResult.ok(e, EvaluationsCommand.text(e));
    }
}
