package org.statdesk.enforcement.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.command.Args;
import org.statdesk.api.command.Command;
import org.statdesk.api.command.CommandResult;
import org.statdesk.api.command.CommandSpec;

/** {@code enforcement:coverage --year Y}: achieved coverage per stratum against the targets. */
@Component(service = Command.class)
@CommandSpec(name = "enforcement:coverage", usage = "enforcement:coverage --year Y [--json]",
        description = "achieved coverage (核查面) per stratum of the year's draw against the targets")
public final class CoverageCommand implements Command {
    private final Coverage coverage;

    @Activate
    public CoverageCommand(@Reference Coverage coverage) {
        this.coverage = coverage;
    }

    @Override
    public CommandResult execute(Args a) throws Exception {
        Coverage.Report c = coverage.of(Inputs.year(a.allow("year").required("year")));
        StringBuilder sb = new StringBuilder();
        c.strata().forEach((k, s) -> sb.append(k).append("：总体 ").append(s.population()).append("，抽取 ")
                .append(s.drawn()).append("，已检查 ").append(s.checked()).append("，核查面 ")
                .append(Texts.pct(s.achievedShare())).append("（目标 ").append(Texts.pct(s.target())).append("）")
                .append(s.population() == 0 ? "无对象，不适用" : s.met() ? "达标" : "未达标").append('\n'));
        return CommandResult.ok(c, sb.toString());
    }
}
