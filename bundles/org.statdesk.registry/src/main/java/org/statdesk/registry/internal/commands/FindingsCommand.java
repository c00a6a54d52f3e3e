package org.statdesk.registry.internal.commands;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.command.Args;
import org.statdesk.api.command.Command;
import org.statdesk.api.command.CommandResult;
import org.statdesk.api.command.CommandSpec;
import org.statdesk.registry.internal.Reads;
import org.statdesk.registry.internal.StoredFinding;

@Component(service = Command.class)
@CommandSpec(name = "registry:findings", flags = "open",
        usage = "registry:findings [--check ID] [--severity S] [--county C] [--open] [--json]",
        description = "findings of the register's checks")
public final class FindingsCommand implements Command {
    private final Reads reads;

    @Activate
    public FindingsCommand(@Reference Reads reads) {
        this.reads = reads;
    }

    @Override
    public CommandResult execute(Args args) throws Exception {
        args.allow("check", "severity", "county", "open");
        String severity = args.option("severity").orElse(null);
        String county = args.option("county").orElse(null);
        List<StoredFinding> all = reads.findings(null, args.option("check").orElse(null), args.flag("open"));
        List<Map<String, Object>> out = new ArrayList<>();
        StringBuilder t = new StringBuilder();
        for (StoredFinding f : all) {
            if (severity != null && !severity.equals(f.severity())) {
                continue;
            }
            if (county != null && reads.applications(f.appId()).stream()
                    .noneMatch(a -> a.unit().countyCode().equals(county))) {
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("credit_code", f.creditCode());
            m.put("app_id", f.appId());
            m.put("check", f.check());
            m.put("severity", f.severity());
            m.put("message", f.message());
            m.put("other", f.otherCode());
            m.put("score", f.score());
            m.put("resolved", f.resolved());
            m.put("resolved_by", f.resolvedBy());
            m.put("resolved_reason", f.resolvedReason());
            out.add(m);
            t.append(f.appId()).append(' ').append(f.check()).append(' ').append(f.severity())
                    .append(f.resolved() ? "（已解决）" : "").append(": ").append(f.message()).append('\n');
        }
        t.append(out.size()).append(" 条核查发现");
        return CommandResult.ok(Map.of("findings", out), t.toString());
    }
}
