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

/** Either check may send an application back: its own permission in the matrix (permissions.csv). */
@Component(service = Command.class)
@CommandSpec(name = "registry:reject", usage = "registry:reject CODE --reason WHY [--json]",
        description = "rejects an application; it is kept with its reason", permission = "registry.reject")
public final class RejectCommand implements Command {
    private final Lifecycle lifecycle;
    private final Reads reads;

    @Activate
    public RejectCommand(@Reference Lifecycle lifecycle, @Reference Reads reads) {
        this.lifecycle = lifecycle;
        this.reads = reads;
    }

    @Override
    public CommandResult execute(Args args) throws Exception {
        args.allow("reason");
        return UnitJson.step(reads, lifecycle.reject(args.positional(0, "credit code"),
                args.option("reason").orElse(null)));
    }
}
