package org.statdesk.registry.internal.commands;

import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.command.Args;
import org.statdesk.api.command.BadInputException;
import org.statdesk.api.command.Command;
import org.statdesk.api.command.CommandResult;
import org.statdesk.api.command.CommandSpec;
import org.statdesk.api.command.InputError;
import org.statdesk.registry.internal.Staff;

@Component(service = Command.class)
@CommandSpec(name = "registry:training",
        usage = "registry:training --name PERSON (--unit CODE | --county C) --date D --course TEXT [--hours H] [--json]",
        description = "records a statistician's training", permission = "registry.training")
public final class TrainingCommand implements Command {
    /** A training longer than a year of hours is a typing error. */
    static final double MAX_HOURS = 8784;
    private final Staff staff;

    @Activate
    public TrainingCommand(@Reference Staff staff) {
        this.staff = staff;
    }

    @Override
    public CommandResult execute(Args args) throws Exception {
        args.allow("name", "unit", "county", "date", "course", "hours");
        Double hours = Options.decimal(args, "hours");
        if (hours != null && (hours < 0 || hours > MAX_HOURS)) {
            throw new BadInputException("option --hours: out of range", List.of(InputError.of("hours",
                    args.option("hours").get(), "培训学时应在 0 到 " + (int) MAX_HOURS + " 之间")));
        }
        Staff.Training t = staff.addTraining(args.option("name").orElse(null), args.option("unit").orElse(null),
                args.option("county").orElse(null), args.option("date").orElse(null),
                args.option("course").orElse(null), hours);
        return CommandResult.ok(t, "培训记录 " + t.id() + "：" + t.personName() + " " + t.trainingDate() + " "
                + t.course());
    }
}
