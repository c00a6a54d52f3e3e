package org.statdesk.registry.internal.commands;

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
import org.statdesk.registry.internal.Application;
import org.statdesk.registry.internal.Lifecycle;
import org.statdesk.registry.internal.Reads;
import org.statdesk.registry.internal.RegisterCsv;

@Component(service = Command.class)
@CommandSpec(name = "registry:apply",
        usage = "registry:apply --credit_code C --name N --division_code D --industry_code I"
                + " --revenue R [--scale above|below] [--qualification Q] [--address A] [--statistician S]"
                + " [--phone P] --reason WHY [--json]",
        description = "a new application for the register, checked like an imported row",
        permission = "registry.apply")
public final class ApplyCommand implements Command {
    /** The fields of an application: the register file's columns. */
    private static final List<String> FIELDS = java.util.stream.Stream.concat(RegisterCsv.REQUIRED.stream(),
            RegisterCsv.OPTIONAL.stream()).toList();
    private final Lifecycle lifecycle;
    private final Reads reads;

    @Activate
    public ApplyCommand(@Reference Lifecycle lifecycle, @Reference Reads reads) {
        this.lifecycle = lifecycle;
        this.reads = reads;
    }

    @Override
    public CommandResult execute(Args args) throws Exception {
        String[] allowed = new String[FIELDS.size() + 1];
        FIELDS.toArray(allowed);
        allowed[FIELDS.size()] = "reason";
        args.allow(allowed);
        Map<String, String> values = new LinkedHashMap<>();
        for (String f : FIELDS) {
            values.put(f, args.option(f).orElse(null));
        }
        Application a = lifecycle.apply(values, args.option("reason").orElse(null));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("unit", UnitJson.of(a));
        doc.put("findings", reads.findings(a.appId(), null, false));
        return CommandResult.ok(doc, "已申请入库：" + UnitJson.line(a));
    }
}
