package org.statdesk.registry.internal.commands;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.command.Args;
import org.statdesk.api.command.Command;
import org.statdesk.api.command.CommandResult;
import org.statdesk.api.command.CommandSpec;
import org.statdesk.api.registry.UnitQuery;
import org.statdesk.registry.internal.SpotChecks;

@Component(service = Command.class)
@CommandSpec(name = "registry:spotcheck",
        usage = "registry:spotcheck --share 0.2 [--seed N] [--county C] [--specialty S] [--scale S]"
                + " [--reason WHY] [--json]",
        description = "a random, reproducible and recorded list of in-register units for field checks",
        permission = "registry.spotcheck")
public final class SpotCheckCommand implements Command {
    private final SpotChecks spotChecks;

    @Activate
    public SpotCheckCommand(@Reference SpotChecks spotChecks) {
        this.spotChecks = spotChecks;
    }

    @Override
    public CommandResult execute(Args args) throws Exception {
        args.allow("share", "seed", "county", "specialty", "scale", "reason");
        Double share = Options.decimal(args, "share");
        SpotChecks.SpotCheck s = spotChecks.spotcheck(share == null ? 0.2 : share, Options.seed(args),
                new UnitQuery(args.option("county").orElse(null), args.option("specialty").orElse(null), null,
                        args.option("scale").orElse(null), null), args.option("reason").orElse(null));
        return CommandResult.ok(s, "抽查 " + s.drawId() + "：从 " + s.populationSize() + " 个在库单位中抽取 "
                + s.sampleSize() + " 个（种子 " + s.seed() + "）\n" + String.join("\n", s.units()));
    }
}
