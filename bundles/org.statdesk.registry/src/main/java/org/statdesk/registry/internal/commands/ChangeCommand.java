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
import org.statdesk.registry.internal.FieldRules;
import org.statdesk.registry.internal.Lifecycle;
import org.statdesk.registry.internal.Reads;
import org.statdesk.registry.internal.Staff;

@Component(service = Command.class)
@CommandSpec(name = "registry:change",
        usage = "registry:change CODE [--name N] [--address A] [--industry I] [--scale S] [--revenue R]"
                + " [--qualification Q] [--division D] [--phone P] [--statistician S --handover H [--date D]]"
                + " --reason WHY [--json]",
        description = "changes a unit; it is checked again; a statistician change is reported with"
                + " its date and the handover of records",
        permission = "registry.change")
public final class ChangeCommand implements Command {
    private final Lifecycle lifecycle;
    private final Staff staff;
    private final Reads reads;

    @Activate
    public ChangeCommand(@Reference Lifecycle lifecycle, @Reference Staff staff, @Reference Reads reads) {
        this.lifecycle = lifecycle;
        this.staff = staff;
        this.reads = reads;
    }

    @Override
    public CommandResult execute(Args args) throws Exception {
        List<String> allowed = new ArrayList<>(Lifecycle.CHANGEABLE);
        allowed.addAll(List.of("statistician", "handover", "date", "reason"));
        args.allow(allowed.toArray(String[]::new));
        String code = args.positional(0, "credit code");
        String reason = args.option("reason").orElse(null);
        Map<String, String> changes = new LinkedHashMap<>();
        for (String f : Lifecycle.CHANGEABLE) {
            args.option(f).ifPresent(v -> changes.put(f, v));
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        if (args.option("statistician").isPresent()) {
            FieldRules.reason(reason);
            doc.put("statistician_change", staff.changeStatistician(code, args.option("statistician").get(),
                    changes.remove("phone"), args.option("date").orElse(null),
                    args.option("handover").orElse(null), reason));
        }
        CommandResult r = UnitJson.step(reads, changes.isEmpty() ? reads.target(code)
                : lifecycle.change(code, changes, reason));
        ((Map<?, ?>) r.json()).forEach((k, v) -> doc.put(String.valueOf(k), v));
        return CommandResult.ok(doc, r.text());
    }
}
