package org.statdesk.registry.internal.commands;

import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.command.Args;
import org.statdesk.api.command.Command;
import org.statdesk.api.command.CommandResult;
import org.statdesk.api.command.CommandSpec;
import org.statdesk.registry.internal.Lifecycle;
import org.statdesk.registry.internal.StoredFinding;

@Component(service = Command.class)
@CommandSpec(name = "registry:resolve", usage = "registry:resolve CODE --check ID --reason WHY [--json]",
        description = "marks a unit's open findings of one check as resolved, with the reason",
        permission = "registry.resolve")
public final class ResolveCommand implements Command {
    private final Lifecycle lifecycle;

    @Activate
    public ResolveCommand(@Reference Lifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public CommandResult execute(Args args) throws Exception {
        args.allow("check", "reason");
        List<StoredFinding> f = lifecycle.resolveFinding(args.positional(0, "credit code"), args.required("check"),
                args.option("reason").orElse(null));
        return CommandResult.ok(Map.of("findings", f), f.size() + " 条核查发现已解决");
    }
}
