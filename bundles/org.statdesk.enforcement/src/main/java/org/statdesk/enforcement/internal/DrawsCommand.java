package org.statdesk.enforcement.internal;

import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.command.Args;
import org.statdesk.api.command.Command;
import org.statdesk.api.command.CommandResult;
import org.statdesk.api.command.CommandSpec;

/** {@code enforcement:draws [--year Y]}: stored draws, newest first. */
@Component(service = Command.class)
@CommandSpec(name = "enforcement:draws", usage = "enforcement:draws [--year Y] [--json]",
        description = "draws, newest first")
public final class DrawsCommand implements Command {
    private final Draws draws;

    @Activate
    public DrawsCommand(@Reference Draws draws) {
        this.draws = draws;
    }

    @Override
    public CommandResult execute(Args a) throws Exception {
        a.allow("year");
        Integer year = a.option("year").map(Inputs::year).orElse(null);
        List<Draws.DrawSummary> list = draws.list(year);
        StringBuilder sb = new StringBuilder();
        for (Draws.DrawSummary d : list) {
            sb.append(d.id()).append('\t').append(d.year()).append('\t').append(d.status()).append('\t')
                    .append(d.targets()).append(" 个对象\t").append(d.drawnOn()).append('\n');
        }
        return CommandResult.ok(Map.of("draws", list), sb.toString());
    }
}
