package org.statdesk.enforcement.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.command.Args;
import org.statdesk.api.command.Command;
import org.statdesk.api.command.CommandResult;
import org.statdesk.api.command.CommandSpec;

/** {@code enforcement:draw --year Y [--seed N] [--replace --reason TEXT]}: the year's double-random draw. */
@Component(service = Command.class)
@CommandSpec(name = "enforcement:draw", usage = "enforcement:draw --year Y [--seed N] [--replace --reason TEXT] "
        + "[--json]", description = "double-random draw of targets and inspectors for a year (双随机抽取)",
        flags = "replace", permission = "enforcement.draw", bulk = true)
public final class DrawCommand implements Command {
    private final Drawer drawer;

    @Activate
    public DrawCommand(@Reference Drawer drawer) {
        this.drawer = drawer;
    }

    @Override
    public CommandResult execute(Args a) throws Exception {
        a.allow("year", "seed", "replace", "reason");
        int year = Inputs.year(a.required("year"));
        Long seed = a.option("seed").isPresent() ? Inputs.seed(a.option("seed").get()) : null;
        Draws.DrawJson d = drawer.draw(year, seed, a.flag("replace"), a.option("reason").orElse(null));
        return CommandResult.ok(d, Texts.drawText(d));
    }
}
