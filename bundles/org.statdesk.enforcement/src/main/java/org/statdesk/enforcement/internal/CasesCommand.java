package org.statdesk.enforcement.internal;

import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.command.Args;
import org.statdesk.api.command.Command;
import org.statdesk.api.command.CommandResult;
import org.statdesk.api.command.CommandSpec;

/** {@code enforcement:cases [--status S]}: the violation cases. */
@Component(service = Command.class)
@CommandSpec(name = "enforcement:cases", usage = "enforcement:cases [--status filed|decided|closed] [--json]",
        description = "violation cases")
public final class CasesCommand implements Command {
    private final Cases cases;

    @Activate
    public CasesCommand(@Reference Cases cases) {
        this.cases = cases;
    }

    @Override
    public CommandResult execute(Args a) throws Exception {
        List<Cases.CaseJson> list = cases.list(a.allow("status").option("status").orElse(null));
        StringBuilder sb = new StringBuilder();
        for (Cases.CaseJson c : list) {
            sb.append(c.id()).append('\t').append(c.violationName()).append('\t').append(c.unitCode())
                    .append('\t').append(c.status()).append(c.overdue() ? "\t逾期" : "").append('\n');
        }
        return CommandResult.ok(Map.of("cases", list), sb.toString());
    }
}
