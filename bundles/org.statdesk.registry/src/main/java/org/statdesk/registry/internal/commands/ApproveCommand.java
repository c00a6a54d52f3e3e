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
 * One command for both checks, so one declared permission: the county check's ({@code applied} → county_checked).
 * The specialty check ({@code county_checked} → in_register) is {@code registry.check.specialty} in the matrix; telling
 * the two apart needs the unit's state, which only the lifecycle knows once it can ask who is signed in.
 */
@Component(service = Command.class)
@CommandSpec(name = "registry:approve", usage = "registry:approve CODE --reason WHY [--json]",
        description = "passes the next check of an application: county check, then specialty check"
                + " (into the register); exit 1 when error-level findings block it",
        permission = "registry.check.county")
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
