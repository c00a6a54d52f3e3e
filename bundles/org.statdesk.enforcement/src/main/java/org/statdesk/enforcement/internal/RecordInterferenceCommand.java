package org.statdesk.enforcement.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.command.Args;
import org.statdesk.api.command.Command;
import org.statdesk.api.command.CommandResult;
import org.statdesk.api.command.CommandSpec;

/** {@code enforcement:record-interference ...}: an entry of the interference register. */
@Component(service = Command.class)
@CommandSpec(name = "enforcement:record-interference", usage = "enforcement:record-interference --quarter YYYYQn "
        + "--date D --official WHO --target UNIT_OR_FIGURE --request WHAT --action WHAT_WAS_DONE [--json]",
        description = "records an official's improper interference (领导干部违规干预统计工作记录)",
        permission = "enforcement.interference")
public final class RecordInterferenceCommand implements Command {
    private final Interference interference;

    @Activate
    public RecordInterferenceCommand(@Reference Interference interference) {
        this.interference = interference;
    }

    @Override
    public CommandResult execute(Args a) throws Exception {
        a.allow("quarter", "date", "official", "target", "request", "action");
        Interference.Entry e = interference.record(a.required("quarter"), Inputs.date("date", a.required("date")),
                a.option("official").orElse(null), a.option("target").orElse(null), a.option("request").orElse(null),
                a.option("action").orElse(null));
        return CommandResult.ok(e, "已记录 " + e.quarter() + " 干预情况（编号 " + e.id() + "）");
    }
}
