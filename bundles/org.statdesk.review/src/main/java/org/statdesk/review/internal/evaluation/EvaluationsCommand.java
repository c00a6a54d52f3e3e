package org.statdesk.review.internal.evaluation;

import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.command.Args;
import org.statdesk.api.command.Command;
import org.statdesk.api.command.CommandResult;
import org.statdesk.api.command.CommandSpec;

/** {@code review:evaluations --period P --specialty S}: each county's evaluation, its checks and the period's status. */
@Component(service = Command.class)
@CommandSpec(name = "review:evaluations", usage = "review:evaluations --period YYYY-MM --specialty S [--json]",
        description = "评估情况：各县区的评估结果与核查内容")
public final class EvaluationsCommand implements Command {
    private final Evaluations evaluations;

    @Activate
    public EvaluationsCommand(@Reference Evaluations evaluations) {
        this.evaluations = evaluations;
    }

    @Override
    public CommandResult execute(Args args) {
        args.allow("period", "specialty");
        Evaluations.PeriodEvaluation e = evaluations.evaluations(args.required("period"), args.required("specialty"));
        return CommandResult.ok(e, text(e));
    }

    static String text(Evaluations.PeriodEvaluation e) {
        StringBuilder s = new StringBuilder(String.format("%s %s：%s%n", e.period(), e.specialty(), e.status()));
        for (Evaluations.CountyEvaluation c : e.counties()) {
            Map<String, Object> checks = c.checks();
            Object rates = checks == null ? null : checks.get("rates");
            Object ledger = checks == null ? null : checks.get("ledger");
            s.append(String.format("  %s  %-9s %s  rates %s  open errors %s  ledger %s%s%n", c.county(), c.result(),
                    c.evaluator() == null ? "" : c.evaluator(), rates instanceof Map<?, ?> r ? r.get("all_100") : "-",
                    checks == null ? "-" : checks.get("open_errors"), ledger instanceof Map<?, ?> l ? l.get("rate")
                            : "-", c.note() == null ? "" : "  " + c.note()));
        }
        return s.toString();
    }
}
