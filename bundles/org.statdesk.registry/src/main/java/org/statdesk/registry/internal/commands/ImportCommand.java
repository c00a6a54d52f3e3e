package org.statdesk.registry.internal.commands;

import java.nio.file.Path;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.command.Args;
import org.statdesk.api.command.Command;
import org.statdesk.api.command.CommandResult;
import org.statdesk.api.command.CommandSpec;
import org.statdesk.registry.internal.Imports;

@Component(service = Command.class)
@CommandSpec(name = "registry:import", usage = "registry:import FILE [--sheet NAME] [--admit] [--json]", flags = "admit",
        description = "imports a register file (CSV, .xlsx or .xls), all or nothing; every row becomes an application,"
                + " --admit admits those without error-level findings",
        permission = "registry.import", bulk = true)
public final class ImportCommand implements Command {
    private final Imports imports;

    @Activate
    public ImportCommand(@Reference Imports imports) {
        this.imports = imports;
    }

    @Override
    public CommandResult execute(Args args) throws Exception {
        args.allow("admit", "sheet");
        Imports.ImportResult r = imports.importFile(Path.of(args.positional(0, "register CSV file")),
                args.flag("admit"), args.option("sheet", null));
        StringBuilder t = new StringBuilder("导入 " + r.imported() + " 个单位，入库 " + r.admitted() + "，待审核 "
                + r.applied() + "，核查发现 " + r.findings().size() + " 条（编码 " + r.encoding() + "）"
                + (r.ignoredColumns().isEmpty() ? "" : "；未用的列：" + String.join("、", r.ignoredColumns())));
        for (Imports.FindingView f : r.findings()) {
            t.append('\n').append(f.creditCode()).append(' ').append(f.check()).append(' ').append(f.severity())
                    .append(": ").append(f.message());
        }
        return CommandResult.ok(r, t.toString());
    }
}
