package org.statdesk.review.internal.queries;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.command.Args;
import org.statdesk.api.command.Command;
import org.statdesk.api.command.CommandResult;
import org.statdesk.api.command.CommandSpec;

/** {@code review:queries --period P --out FILE}: the query list (查询单) of open flags, CSV with BOM. */
@Component(service = Command.class)
@CommandSpec(name = "review:queries", usage = "review:queries --period YYYY-MM [--specialty S] --out FILE [--json]",
        description = "导出查询单（未处理的审核疑问，发给调查单位核实）", permission = "review.queries")
public final class QueriesCommand implements Command {
    private final QueryList queries;

    @Activate
    public QueriesCommand(@Reference QueryList queries) {
        this.queries = queries;
    }

    @Override
    public CommandResult execute(Args args) throws Exception {
        args.allow("period", "specialty", "out");
        String period = args.required("period");
        Path out = Path.of(args.required("out"));
        int n = queries.writeQueries(period, args.option("specialty", null), out);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("period", period);
        json.put("queries", n);
        json.put("file", out.toAbsolutePath().toString());
        return CommandResult.ok(json, "查询单 " + n + " 条：" + out.toAbsolutePath());
    }
}
