package org.statdesk.enforcement.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.command.Args;
import org.statdesk.api.command.Command;
import org.statdesk.api.command.CommandResult;
import org.statdesk.api.command.CommandSpec;

/** {@code enforcement:close-item ID --evidence TEXT}: closes a ledger item with its evidence (逐条销号). */
@Component(service = Command.class)
@CommandSpec(name = "enforcement:close-item", usage = "enforcement:close-item ID --evidence TEXT [--date D] [--json]",
        description = "closes a ledger item with its evidence (逐条销号)", permission = "enforcement.ledger")
public final class CloseItemCommand implements Command {
    private final Ledger ledger;
    private final Bureau bureau;

    @Activate
    public CloseItemCommand(@Reference Ledger ledger, @Reference Bureau bureau) {
        this.ledger = ledger;
        this.bureau = bureau;
    }

    @Override
    public CommandResult execute(Args a) throws Exception {
        a.allow("evidence", "date");
        Ledger.Item i = ledger.close(Inputs.id("id", a.positional(0, "item id")), a.option("evidence").orElse(null),
                Texts.dateOr(a, "date", bureau));
        return CommandResult.ok(i, "问题 " + i.id() + " 已销号" + (i.closedLate() ? "（超期整改）" : ""));
    }
}
