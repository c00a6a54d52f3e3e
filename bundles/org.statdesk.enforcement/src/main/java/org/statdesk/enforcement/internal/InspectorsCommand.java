package org.statdesk.enforcement.internal;

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

/** {@code enforcement:inspectors [--county C]}: the roster and the certificate exam pass rate. */
@Component(service = Command.class)
@CommandSpec(name = "enforcement:inspectors", usage = "enforcement:inspectors [--county CODE] [--json]",
        description = "the inspector roster and the certificate exam pass rate")
public final class InspectorsCommand implements Command {
    private final Roster roster;

    @Activate
    public InspectorsCommand(@Reference Roster roster) {
        this.roster = roster;
    }

    @Override
    public CommandResult execute(Args a) throws Exception {
        String county = a.allow("county").option("county").orElse(null);
        List<Roster.Inspector> list = roster.list(county);
        Roster.PassRate rate = roster.passRate(list);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("inspectors", list.stream().map(Roster.InspectorJson::of).toList());
        doc.put("pass_rate", rate);
        StringBuilder sb = new StringBuilder();
        for (Roster.Inspector i : list) {
            sb.append(i.countyCode()).append('\t').append(i.name()).append('\t')
                    .append(i.certificateNo() == null ? "（无执法证）" : i.certificateNo()).append('\n');
        }
        return CommandResult.ok(doc, sb + Texts.passText(rate));
    }
}
