package org.statdesk.registry.internal.commands;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.audit.Journal;
import org.statdesk.api.command.Args;
import org.statdesk.api.command.BadInputException;
import org.statdesk.api.command.Command;
import org.statdesk.api.command.CommandResult;
import org.statdesk.api.command.CommandSpec;
import org.statdesk.api.command.InputError;
import org.statdesk.api.input.Inputs;
import org.statdesk.registry.internal.Application;
import org.statdesk.registry.internal.Reads;
import org.statdesk.registry.internal.StoredFinding;

@Component(service = Command.class)
@CommandSpec(name = "registry:show", usage = "registry:show CODE [--json]",
        description = "a unit with its applications, findings, statistician changes and history")
public final class ShowCommand implements Command {
    private final Reads reads;

    @Activate
    public ShowCommand(@Reference Reads reads) {
        this.reads = reads;
    }

    @Override
    public CommandResult execute(Args args) throws Exception {
        args.allow();
        String code = args.positional(0, "credit code");
        List<Application> apps = reads.applications(code);
        if (apps.isEmpty()) {
            throw new BadInputException("名录库中没有 " + Inputs.shown(code), List.of(InputError.of("credit_code",
                    Inputs.shown(code), "名录库中没有这个单位或申请")));
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("unit", UnitJson.of(apps.get(0)));
        doc.put("applications", UnitJson.all(apps));
        List<StoredFinding> findings = new ArrayList<>();
        for (Application a : apps) {
            findings.addAll(reads.findings(a.appId(), null, false));
        }
        doc.put("findings", findings);
        List<Journal.Entry> history = reads.history(apps.get(0).unit().creditCode());
        doc.put("history", history);
        StringBuilder t = new StringBuilder();
        apps.forEach(a -> t.append(UnitJson.line(a)).append('\n'));
        findings.forEach(f -> t.append("  ").append(f.check()).append(' ').append(f.severity())
                .append(f.resolved() ? "（已解决）" : "").append(": ").append(f.message()).append('\n'));
        history.forEach(e -> t.append("  ").append(e.time()).append(' ').append(e.user()).append(' ')
                .append(e.field()).append(": ").append(e.oldValue()).append(" -> ").append(e.newValue())
                .append(" （").append(e.reason()).append("）\n"));
        return CommandResult.ok(doc, t.toString().stripTrailing());
    }
}
