package org.statdesk.review.internal.flags;

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
import org.statdesk.api.review.Flag;
import org.statdesk.review.internal.Checks;

/**
 * {@code review:flags --period YYYY-MM [--specialty S] [--json]}: the stored flags of a period with their workflow
 * state, highest score first, within the reader's scope (a county user its county's); reading needs no permission.
 */
@Component(service = Command.class)
@CommandSpec(name = "review:flags", usage = "review:flags --period YYYY-MM [--specialty S] [--json]",
        description = "列出一个报告期已存的审核疑问及其处理状态（本人工作范围内）")
public final class FlagsCommand implements Command {
    private final FlagWorkflow flags;

    @Activate
    public FlagsCommand(@Reference FlagWorkflow flags) {
        this.flags = flags;
    }

    @Override
    public CommandResult execute(Args args) {
        args.allow("period", "specialty");
        String period = args.required("period");
        Checks.period(period);
        List<Flag> stored = flags.flags(period, args.option("specialty", null));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("period", period);
        out.put("flags", stored.stream().map(FlagOut::of).toList());
        StringBuilder text = new StringBuilder(period + "：" + stored.size() + " 条疑问\n");
        stored.forEach(f -> text.append(String.format("%6d %-8s %-18s %-12s %s%n", f.id(), f.status(), f.creditCode(),
                f.indicator(), f.message())));
        return CommandResult.ok(out, text.toString().stripTrailing());
    }
}
