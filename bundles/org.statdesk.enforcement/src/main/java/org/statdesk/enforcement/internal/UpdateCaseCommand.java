package org.statdesk.enforcement.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.command.Args;
import org.statdesk.api.command.Command;
import org.statdesk.api.command.CommandResult;
import org.statdesk.api.command.CommandSpec;

/** {@code enforcement:update-case ID ...}: a case's decision, penalty, deadline, status. */
@Component(service = Command.class)
@CommandSpec(name = "enforcement:update-case", usage = "enforcement:update-case ID [--decision TEXT] "
        + "[--penalty TEXT] [--deadline D] [--status filed|decided|closed] [--date D] [--reason TEXT] [--json]",
        description = "records a case's decision, penalty, deadline, status", permission = "enforcement.case")
public final class UpdateCaseCommand implements Command {
    private final Cases cases;
    private final Bureau bureau;

    @Activate
    public UpdateCaseCommand(@Reference Cases cases, @Reference Bureau bureau) {
        this.cases = cases;
        this.bureau = bureau;
    }

    @Override
    public CommandResult execute(Args a) throws Exception {
        a.allow("decision", "penalty", "deadline", "status", "date", "reason");
        Cases.CaseJson c = cases.update(Inputs.id("id", a.positional(0, "case id")),
                a.option("decision").orElse(null), a.option("penalty").orElse(null),
                Texts.dateOrNull(a, "deadline"), a.option("status").orElse(null), Texts.dateOr(a, "date", bureau),
                a.option("reason").orElse(null));
        return CommandResult.ok(c, "案件 " + c.id() + " 状态 " + c.status());
    }
}
