package org.statdesk.review.internal.evaluation;

import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.command.Args;
import org.statdesk.api.command.Command;
import org.statdesk.api.command.CommandResult;
import org.statdesk.api.command.CommandSpec;

/** {@code review:ledgers --period P --specialty S}: 台账规范达标率 by county, the share of 四上 units whose ledger is complete. */
@Component(service = Command.class)
@CommandSpec(name = "review:ledgers", usage = "review:ledgers --period YYYY-MM --specialty S [--json]",
        description = "台账规范达标率：近三年报送月份均有台账的四上单位占比（目标100%）")
public final class LedgersCommand implements Command {
    private final Evaluations evaluations;

    @Activate
    public LedgersCommand(@Reference Evaluations evaluations) {
        this.evaluations = evaluations;
    }

    /** JSON of one command's answer. */
    public record Answer(String period, String specialty, int months, Map<String, LedgerCoverage.Coverage> counties) {
    }

    @Override
    public CommandResult execute(Args args) {
        args.allow("period", "specialty");
        String period = args.required("period");
        String specialty = args.required("specialty");
        Map<String, LedgerCoverage.Coverage> c = evaluations.ledgers(period, specialty);
        StringBuilder s = new StringBuilder(String.format("%s %s 台账规范达标率（近%d个月）%n", period, specialty,
                LedgerCoverage.MONTHS));
        if (c.isEmpty()) {
            s.append("  没有导入本专业单位的台账 (no ledger of these units imported: records:import FILE --source ledger)\n");
        }
        c.forEach((area, v) -> s.append(String.format("  %-8s %d/%d  %s%n", area, v.covered(), v.units(),
                v.rate() == null ? "-" : String.format("%.1f%%", v.rate() * 100))));
        return CommandResult.ok(new Answer(period, specialty, LedgerCoverage.MONTHS, c), s.toString());
    }
}
