package org.statdesk.registry.internal.commands;

import java.util.LinkedHashMap;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.command.Args;
import org.statdesk.api.command.Command;
import org.statdesk.api.command.CommandResult;
import org.statdesk.api.command.CommandSpec;
import org.statdesk.registry.internal.Lifecycle;
import org.statdesk.registry.internal.Reads;

/**
 * One command for both checks, so no one permission fits it: the lifecycle requires {@code registry.check.county}
 * to pass an {@code applied} unit and {@code registry.check.specialty} to pass a {@code county_checked} one.
 */
@Component(service = Command.class)
@CommandSpec(name = "registry:approve", usage = "registry:approve CODE --reason WHY [--json]",
        description = "passes the next check of an application: county check, then specialty check"
                + " (into the register); exit 1 when error-level findings block it")
public final class ApproveCommand implements Command {
    private final Lifecycle lifecycle;
    private final Reads reads;

    @Activate
    public ApproveCommand(@Reference Lifecycle lifecycle, @Reference Reads reads) {
        this.lifecycle = lifecycle;
        this.reads = reads;
    }

    @Override
    public CommandResult execute(Args args) throws Exception {
        args.allow("reason");
        try {
            return UnitJson.step(reads, lifecycle.approve(args.positional(0, "credit code"),
                    args.option("reason").orElse(null)));
        } catch (Lifecycle.Blocked b) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("error", b.getMessage());
            doc.put("findings", b.findings());
            StringBuilder t = new StringBuilder(b.getMessage());
            b.findings().forEach(f -> t.append('\n').append(f.check()).append(": ").append(f.message()));
            return CommandResult.checkFailed(doc, t.toString());
        }
    }
}
