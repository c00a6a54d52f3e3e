package org.statdesk.enforcement.internal;

import java.nio.file.Path;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.command.Args;
import org.statdesk.api.command.Command;
import org.statdesk.api.command.CommandResult;
import org.statdesk.api.command.CommandSpec;

/** {@code enforcement:import-inspectors FILE}: replaces the roster, all or nothing. */
@Component(service = Command.class)
@CommandSpec(name = "enforcement:import-inspectors", usage = "enforcement:import-inspectors FILE [--sheet NAME] [--json]",
        description = "imports the inspector roster (CSV, .xlsx or .xls: name,certificate_no,certificate_date,county_code,specialty"
                + "[,exam_required]), replacing the roster, all or nothing", permission = "enforcement.roster",
        bulk = true)
public final class ImportInspectorsCommand implements Command {
    private final Roster roster;

    @Activate
    public ImportInspectorsCommand(@Reference Roster roster) {
        this.roster = roster;
    }

    @Override
    public CommandResult execute(Args a) throws Exception {
        Roster.ImportResult r = roster.importCsv(Path.of(a.allow("sheet").positional(0, "roster file")),
                a.option("sheet", null));
        return CommandResult.ok(r, "导入执法人员 " + r.imported() + " 名（持证 " + r.certified() + " 名），"
                + Texts.passText(r.passRate()));
    }
}
