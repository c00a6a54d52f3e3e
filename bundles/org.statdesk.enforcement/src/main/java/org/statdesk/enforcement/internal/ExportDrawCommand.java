package org.statdesk.enforcement.internal;

import java.nio.file.Path;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.command.Args;
import org.statdesk.api.command.Command;
import org.statdesk.api.command.CommandResult;
import org.statdesk.api.command.CommandSpec;

/** {@code enforcement:export-draw ID FILE.csv|FILE.xlsx|FILE.html}: the publication list (一公开). */
@Component(service = Command.class)
@CommandSpec(name = "enforcement:export-draw", usage = "enforcement:export-draw ID FILE.csv|FILE.xlsx|FILE.html [--json]",
        description = "publication list of a draw (一公开), CSV, .xlsx or HTML", permission = "enforcement.draw.publish")
public final class ExportDrawCommand implements Command {
    private final Publisher publisher;

    @Activate
    public ExportDrawCommand(@Reference Publisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public CommandResult execute(Args a) throws Exception {
        a.allow();
        long id = Inputs.id("id", a.positional(0, "draw id"));
        Path file = Path.of(a.positional(1, "output file"));
        int n = publisher.export(id, file);
        return CommandResult.ok(Map.of("file", file.toAbsolutePath().toString(), "targets", n),
                "公示名单已写入 " + file.toAbsolutePath() + "（" + n + " 个对象）");
    }
}
