package org.statdesk.registry.internal.commands;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.command.Args;
import org.statdesk.api.command.Command;
import org.statdesk.api.command.CommandResult;
import org.statdesk.api.command.CommandSpec;
import org.statdesk.registry.internal.Lifecycle;
import org.statdesk.registry.internal.Reads;

@Component(service = Command.class)
@CommandSpec(name = "registry:exit",
        usage = "registry:exit CODE --kind closed|cancelled|below_threshold|merged [--date D] --reason WHY [--json]",
        description = "takes a unit out of the register (it stays on file with kind, date, reason)",
        permission = "registry.exit")
public final class ExitCommand implements Command {
    private final Lifecycle lifecycle;
    private final Reads reads;

    @Activate
    public ExitCommand(@Reference Lifecycle lifecycle, @Reference Reads reads) {
        this.lifecycle = lifecycle;
        this.reads = reads;
    }

    @Override
    public CommandResult execute(Args args) throws Exception {
        args.allow("kind", "date", "reason");
        return UnitJson.step(reads, lifecycle.exit(args.positional(0, "credit code"), args.option("kind").orElse(null),
                args.option("date").orElse(null), args.option("reason").orElse(null)));
    }
}
