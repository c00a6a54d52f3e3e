package org.statdesk.enforcement.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.command.Args;
import org.statdesk.api.command.Command;
import org.statdesk.api.command.CommandResult;
import org.statdesk.api.command.CommandSpec;

/** {@code enforcement:interference-report --quarter YYYYQn}: the quarter's report, a zero report when empty. */
@Component(service = Command.class)
@CommandSpec(name = "enforcement:interference-report", usage = "enforcement:interference-report --quarter YYYYQn "
        + "[--json]", description = "quarterly report of the interference register, saying so when nothing was "
                + "recorded")
public final class InterferenceReportCommand implements Command {
    private final Interference interference;

    @Activate
    public InterferenceReportCommand(@Reference Interference interference) {
        this.interference = interference;
    }

    @Override
    public CommandResult execute(Args a) throws Exception {
        Interference.Report r = interference.report(a.allow("quarter").required("quarter"));
        StringBuilder sb = new StringBuilder(r.statement()).append('\n');
        for (Interference.Entry e : r.entries()) {
            sb.append(e.date()).append('\t').append(e.official()).append('\t').append(e.target())
                    .append('\t').append(e.request()).append('\t').append(e.actionTaken()).append('\n');
        }
        return CommandResult.ok(r, sb.toString());
    }
}
