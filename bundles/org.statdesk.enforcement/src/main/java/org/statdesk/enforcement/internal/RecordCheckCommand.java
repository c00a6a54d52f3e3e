package org.statdesk.enforcement.internal;

import java.util.Arrays;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.command.Args;
import org.statdesk.api.command.Command;
import org.statdesk.api.command.CommandResult;
import org.statdesk.api.command.CommandSpec;

/** {@code enforcement:record-check DRAW_ID CODE ...}: a check of a drawn target; failed items go to the ledger. */
@Component(service = Command.class)
@CommandSpec(name = "enforcement:record-check", usage = "enforcement:record-check DRAW_ID CODE [--date D] "
        + "[--fail item,item] [--note TEXT] [--deadline D] [--json]",
        description = "records the check of a drawn target; failed checklist items (lawful_reporting, records_agree, "
                + "ledger_kept, statistician, size_true, no_interference) go to the rectification ledger",
        permission = "enforcement.check")
public final class RecordCheckCommand implements Command {
    private final Cases cases;
    private final Bureau bureau;

    @Activate
    public RecordCheckCommand(@Reference Cases cases, @Reference Bureau bureau) {
        this.cases = cases;
        this.bureau = bureau;
    }

    @Override
    public CommandResult execute(Args a) throws Exception {
        a.allow("date", "fail", "note", "deadline");
        long drawId = Inputs.id("draw", a.positional(0, "draw id"));
        List<String> failed = a.option("fail").map(s -> Arrays.stream(s.split(",")).map(String::strip)
                .filter(x -> !x.isEmpty()).distinct().toList()).orElse(List.of());
        Cases.CheckJson r = cases.recordCheck(drawId, a.positional(1, "target code"), Texts.dateOr(a, "date", bureau),
                failed, a.option("note").orElse(null), Texts.dateOrNull(a, "deadline"));
        return CommandResult.ok(r, "检查已登记（编号 " + r.id() + "），不合格项 " + failed.size() + " 个"
                + (failed.isEmpty() ? "" : "，已列入问题台账 " + r.ledgerItems()));
    }
}
