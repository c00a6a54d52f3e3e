package org.statdesk.enforcement.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.command.Args;
import org.statdesk.api.command.Command;
import org.statdesk.api.command.CommandResult;
import org.statdesk.api.command.CommandSpec;

/**
 * {@code enforcement:verify-draw ID}: recomputes a draw; exit 1 when it does not match. Bulk work like the draw it
 * recomputes (the whole register is read), so it runs on the same JVM settings as before.
 */
@Component(service = Command.class)
@CommandSpec(name = "enforcement:verify-draw", usage = "enforcement:verify-draw ID [--json]",
        description = "recomputes a draw from its seed and the population; exit 1 when it does not match", bulk = true)
public final class VerifyDrawCommand implements Command {
    private final Verifier verifier;

    @Activate
    public VerifyDrawCommand(@Reference Verifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public CommandResult execute(Args a) throws Exception {
        Verifier.Verification v = verifier.verify(Inputs.id("id", a.allow().positional(0, "draw id")));
        String text = "抽取 " + v.id() + (v.matches() ? " 复核一致" : " 复核不一致：" + String.join("；", v.problems()));
        return v.matches() ? CommandResult.ok(v, text) : CommandResult.checkFailed(v, text);
    }
}
