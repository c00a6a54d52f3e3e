package org.statdesk.review.internal.imports;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.command.Args;
import org.statdesk.api.command.BadInputException;
import org.statdesk.api.command.Command;
import org.statdesk.api.command.CommandResult;
import org.statdesk.api.command.CommandSpec;
import org.statdesk.api.input.Inputs;

/** {@code review:import FILE [--reason R] [--reported-on YYYY-MM-DD] --json}: monthly reports, all-or-nothing. */
@Component(service = Command.class)
@CommandSpec(name = "review:import",
        usage = "review:import FILE [--sheet NAME] [--reason TEXT] [--reported-on YYYY-MM-DD] [--json]",
        description = "导入月报（CSV 长表/宽表，UTF-8/GBK；.xlsx/.xls；或 JSON）", permission = "review.import", bulk = true)
public final class ImportCommand implements Command {
    private final ReportImport reports;

    @Activate
    public ImportCommand(@Reference ReportImport reports) {
        this.reports = reports;
    }

    @Override
    public CommandResult execute(Args args) throws Exception {
        args.allow("reason", "reported-on", "sheet");
        Path file = Path.of(args.positional(0, "FILE"));
        if (!Files.isRegularFile(file)) {
            throw new BadInputException("no such file: " + file);
        }
        LocalDate date = LocalDate.now();
        if (args.option("reported-on").isPresent()) {
            try {
                date = Inputs.pastDate(args.required("reported-on"), LocalDate.now());
            } catch (Inputs.InvalidValueException e) {
                throw new BadInputException(e.getMessage().startsWith("not a date")
                        ? "--reported-on must be YYYY-MM-DD" : "--reported-on: " + e.getMessage());
            }
        }
        ReportImport.ImportSummary s;
        try {
            s = reports.importFile(file, args.option("sheet", null), args.option("reason", null), date);
        } catch (NoSuchFileException e) {
            throw new BadInputException("no such file: " + file);
        }
        return CommandResult.ok(s, String.format("导入 %d 个数值，%d 张报表：新增 %d，修改 %d（其中修正 %d），未变 %d",
                s.values(), s.reports(), s.added(), s.changed(), s.revisions(), s.unchanged())
                + (s.ignoredColumns().isEmpty() ? "" : "；未用的列：" + String.join("、", s.ignoredColumns())));
    }
}
