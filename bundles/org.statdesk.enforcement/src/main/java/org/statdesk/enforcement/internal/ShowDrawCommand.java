package org.statdesk.enforcement.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.command.Args;
import org.statdesk.api.command.Command;
import org.statdesk.api.command.CommandResult;
import org.statdesk.api.command.CommandSpec;

/** {@code enforcement:show-draw ID}: a stored draw with its targets. */
@Component(service = Command.class)
@CommandSpec(name = "enforcement:show-draw", usage = "enforcement:show-draw ID [--json]",
        description = "a stored draw with its targets")
public final class ShowDrawCommand implements Command {
    private final Draws draws;

    @Activate
    public ShowDrawCommand(@Reference Draws draws) {
        this.draws = draws;
    }

    @Override
    public CommandResult execute(Args a) throws Exception {
        Draws.DrawJson d = draws.load(Inputs.id("id", a.allow().positional(0, "draw id")));
        return CommandResult.ok(d, Texts.drawText(d));
    }
}
