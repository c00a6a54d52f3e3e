package org.statdesk.enforcement.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.command.Args;
import org.statdesk.api.command.Command;
import org.statdesk.api.command.CommandResult;
import org.statdesk.api.command.CommandSpec;

/** {@code enforcement:add-item ...}: a problem put on the rectification ledger (问题台账). */
@Component(service = Command.class)
@CommandSpec(name = "enforcement:add-item", usage = "enforcement:add-item --source self_check|spot_check|draw|case "
        + "--owner CODE --problem TEXT [--deadline D] [--evidence TEXT] [--ref TEXT] [--date D] [--json]",
        description = "adds a problem to the rectification ledger (问题台账)", permission = "enforcement.ledger")
public final class AddItemCommand implements Command {
    private final Ledger ledger;
    private final Bureau bureau;

    @Activate
    public AddItemCommand(@Reference Ledger ledger, @Reference Bureau bureau) {
        this.ledger = ledger;
        this.bureau = bureau;
    }

    @Override
    public CommandResult execute(Args a) throws Exception {
        a.allow("source", "owner", "problem", "deadline", "evidence", "ref", "date");
        Ledger.Item i = ledger.add(new Ledger.NewItem(a.required("source"), a.option("ref").orElse(null),
                a.required("owner"), a.option("problem").orElse(null), a.option("evidence").orElse(null),
                Texts.dateOr(a, "date", bureau), Texts.dateOrNull(a, "deadline")));
        return CommandResult.ok(i, "问题已列入台账（编号 " + i.id() + "），整改期限 " + i.deadline());
    }
}
