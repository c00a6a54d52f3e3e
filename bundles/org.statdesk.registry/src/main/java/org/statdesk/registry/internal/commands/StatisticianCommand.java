package org.statdesk.registry.internal.commands;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.command.Args;
import org.statdesk.api.command.Command;
import org.statdesk.api.command.CommandResult;
import org.statdesk.api.command.CommandSpec;
import org.statdesk.registry.internal.Staff;

@Component(service = Command.class)
@CommandSpec(name = "registry:statistician",
        usage = "registry:statistician CODE --name N [--phone P] --date D --handover H --reason WHY [--json]",
        description = "reports a change of a unit's statistician (变动报备) with the handover of records",
        permission = "registry.statistician")
public final class StatisticianCommand implements Command {
    private final Staff staff;

    @Activate
    public StatisticianCommand(@Reference Staff staff) {
        this.staff = staff;
    }

    @Override
    public CommandResult execute(Args args) throws Exception {
        args.allow("name", "phone", "date", "handover", "reason");
        Staff.StaffChange s = staff.changeStatistician(args.positional(0, "credit code"),
                args.option("name").orElse(null), args.option("phone").orElse(null),
                args.option("date").orElse(null), args.option("handover").orElse(null),
                args.option("reason").orElse(null));
        return CommandResult.ok(s, s.creditCode() + " 统计人员 " + s.oldName() + " → " + s.newName() + "（"
                + s.changeDate() + "）");
    }
}
