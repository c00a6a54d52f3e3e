package org.statdesk.enforcement.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.command.Args;
import org.statdesk.api.command.Command;
import org.statdesk.api.command.CommandResult;
import org.statdesk.api.command.CommandSpec;

/** {@code enforcement:ledger ...}: the rectification ledger, overdue first, progress per county. */
@Component(service = Command.class)
@CommandSpec(name = "enforcement:ledger", usage = "enforcement:ledger [--county CODE] [--status open|closed|overdue] "
        + "[--as-of D] [--json]", description = "the rectification ledger: overdue items first, progress per county")
public final class LedgerCommand implements Command {
    private final Ledger ledger;
    private final Bureau bureau;

    @Activate
    public LedgerCommand(@Reference Ledger ledger, @Reference Bureau bureau) {
        this.ledger = ledger;
        this.bureau = bureau;
    }

    @Override
    public CommandResult execute(Args a) throws Exception {
        a.allow("county", "status", "as-of");
        Ledger.LedgerView v = ledger.view(a.option("county").orElse(null), a.option("status").orElse(null),
                Texts.dateOr(a, "as-of", bureau));
        StringBuilder sb = new StringBuilder();
        for (Ledger.Item i : v.items()) {
            sb.append(i.overdue() ? "逾期" + i.daysOverdue() + "天\t" : i.status().equals("closed")
                    ? "已销号\t" : "整改中\t").append(i.id()).append('\t').append(i.ownerCode())
                    .append('\t').append(i.deadline()).append('\t').append(i.problem()).append('\n');
        }
        v.counties().forEach((k, p) -> sb.append(bureau.countyName(k)).append("：共 ").append(p.total())
                .append(" 条，已销号 ").append(p.closed()).append("，逾期 ").append(p.overdue()).append('\n'));
        return CommandResult.ok(v, sb.toString());
    }
}
