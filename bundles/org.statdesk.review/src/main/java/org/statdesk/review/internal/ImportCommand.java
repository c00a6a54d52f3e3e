package org.statdesk.review.internal;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.command.Args;
import org.statdesk.api.command.BadInputException;
import org.statdesk.api.command.Command;
import org.statdesk.api.command.CommandResult;

/** {@code review:import FILE [--reason R] [--reported-on YYYY-MM-DD] --json}: monthly reports, all-or-nothing. */
@Component(property = {Command.NAME + "=review:import",
        Command.USAGE + "=review:import FILE [--reason TEXT] [--reported-on YYYY-MM-DD] [--json]",
        Command.DESCRIPTION + "=导入月报（CSV 长表/宽表，UTF-8/GBK，或 JSON）"})
public final class ImportCommand implements Command {
    private final ReviewServiceImpl review;

    @Activate
    public ImportCommand(@Reference ReviewServiceImpl review) {
        this.review = review;
    }

    @Override
    public CommandResult execute(Args args) throws Exception {
        args.allow("reason", "reported-on");
        Path file = Path.of(args.positional(0, "FILE"));
        byte[] data;
        try {
            data = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException("no such file: " + file);
        }
        LocalDate date = LocalDate.now();
        if (args.option("reported-on").isPresent()) {
            try {
                date = LocalDate.parse(args.required("reported-on"));
            } catch (DateTimeParseException e) {
                throw new BadInputException("--reported-on must be YYYY-MM-DD");
            }
        }
        ReviewServiceImpl.ImportSummary s = review.importReports(data, args.option("reason", null), date);
        return CommandResult.ok(s, String.format("导入 %d 个数值，%d 张报表：新增 %d，修改 %d（其中修正 %d），未变 %d",
                s.values(), s.reports(), s.added(), s.changed(), s.revisions(), s.unchanged()));
    }
}
