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
import org.statdesk.api.registry.Register;
import org.statdesk.api.registry.UnitQuery;

@Component(service = Command.class)
@CommandSpec(name = "registry:list",
        usage = "registry:list [--county C] [--specialty S] [--status S] [--scale S] [--name TEXT] [--json]",
        description = "lists units and applications of the register")
public final class ListCommand implements Command {
    private final Register register;

    @Activate
    public ListCommand(@Reference Register register) {
        this.register = register;
    }

    @Override
    public CommandResult execute(Args args) {
        args.allow("county", "specialty", "status", "scale", "name");
        List<UnitJson.UnitRow> units = register.list(new UnitQuery(args.option("county").orElse(null),
                args.option("specialty").orElse(null), args.option("status").orElse(null),
                args.option("scale").orElse(null), args.option("name").orElse(null))).stream()
                .map(UnitJson.UnitRow::of).toList();
        StringBuilder t = new StringBuilder();
        for (UnitJson.UnitRow u : units) {
            t.append(u.creditCode()).append(' ').append(u.name()).append(' ').append(u.divisionCode()).append(' ')
                    .append(u.industryCode()).append(' ').append(u.specialty()).append(' ').append(u.scale())
                    .append(' ').append(u.status()).append('\n');
        }
        t.append(units.size()).append(" 个单位");
        return CommandResult.ok(Map.of("units", units), t.toString());
    }
}
