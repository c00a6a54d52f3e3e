package org.statdesk.registry.internal.commands;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.command.Args;
import org.statdesk.api.command.Command;
import org.statdesk.api.command.CommandResult;
import org.statdesk.api.command.CommandSpec;
import org.statdesk.registry.internal.Staff;

@Component(service = Command.class)
@CommandSpec(name = "registry:coverage", usage = "registry:coverage [--year Y] [--city 620600] [--json]",
        description = "training coverage of statisticians per county; new statisticians trained before taking"
                + " their post")
public final class CoverageCommand implements Command {
    private final Staff staff;

    @Activate
    public CoverageCommand(@Reference Staff staff) {
        this.staff = staff;
    }

    @Override
    public CommandResult execute(Args args) throws Exception {
        args.allow("year", "city");
        int year = Options.year(args, LocalDate.now().getYear());
        List<Staff.Coverage> rows = staff.coverage(year, args.option("city").orElse(null));
        StringBuilder t = new StringBuilder(year + " 年统计人员培训覆盖率");
        for (Staff.Coverage c : rows) {
            t.append('\n').append(c.countyCode()).append(' ').append(c.countyName()).append(": ")
                    .append(c.trained()).append('/').append(c.statisticians()).append("，新任 ")
                    .append(c.newTrainedBeforePost()).append('/').append(c.newStatisticians());
        }
        return CommandResult.ok(Map.of("year", year, "counties", rows), t.toString());
    }
}
