package org.statdesk.review.internal.aggregates;

import java.util.LinkedHashMap;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.command.Args;
import org.statdesk.api.command.Command;
import org.statdesk.api.command.CommandResult;
import org.statdesk.api.command.CommandSpec;

/** {@code review:aggregate --period P --json}: county and city totals with growth, marked unless released. */
@Component(service = Command.class)
@CommandSpec(name = "review:aggregate", usage = "review:aggregate --period YYYY-MM [--specialty S] [--json]",
        description = "县区和全市汇总（环比、同比），未发布的期别标明不得公布")
public final class AggregateCommand implements Command {
    private final Aggregates aggregates;

    @Activate
    public AggregateCommand(@Reference Aggregates aggregates) {
        this.aggregates = aggregates;
    }

    @Override
    public CommandResult execute(Args args) {
        args.allow("period", "specialty");
        String period = args.required("period");
        var aggs = aggregates.aggregate(period, args.option("specialty", null));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("period", period);
        json.put("forms", aggs);
        StringBuilder text = new StringBuilder();
        for (var a : aggs) {
            text.append(String.format("%s %s（%s）：%s%n", period, a.specialty(), a.status(), a.notice()));
            a.totals().stream().filter(t -> t.area().equals("city")).forEach(t -> text.append(String.format(
                    "  %-20s %16.1f %s  环比 %s  同比 %s%n", t.name(), t.value(), t.unit(), pct(t.mom()), pct(t.yoy()))));
        }
        return CommandResult.ok(json, text.toString());
    }

    private static String pct(Double d) {
        return d == null ? "-" : String.format("%+.1f%%", d * 100);
    }
}
