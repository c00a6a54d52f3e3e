package org.statdesk.review.internal.run;

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
import org.statdesk.review.internal.flags.FlagOut;
import org.statdesk.review.internal.rates.ReportingRates;

/** {@code review:run --period YYYY-MM [--specialty S] --json}: flags by score, highest first, and the rates. */
@Component(service = Command.class)
@CommandSpec(name = "review:run", usage = "review:run --period YYYY-MM [--specialty S] [--json]",
        description = "审核一个报告期：逻辑审核、对比审核、计量单位、HB 离群值、评分", permission = "review.run", bulk = true)
public final class RunCommand implements Command {
    private final ReviewRun review;
    private final ReportingRates rates;

    @Activate
    public RunCommand(@Reference ReviewRun review, @Reference ReportingRates rates) {
        this.review = review;
        this.rates = rates;
    }

    @Override
    public CommandResult execute(Args args) {
        args.allow("period", "specialty");
        String period = args.required("period");
        String specialty = args.option("specialty", null);
        List<Flag> flags = review.run(period, specialty);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("period", period);
        out.put("flags", flags.stream().map(FlagOut::of).toList());
        Map<String, Object> byArea = new LinkedHashMap<>();
        rates.rateRows(period, specialty).forEach(r -> byArea.put(r.county() + (r.specialty().equals("all") ? ""
                : "/" + r.specialty()), r.rates()));
        out.put("rates", byArea);
        long errors = flags.stream().filter(f -> f.severity().equals("error")).count();
        StringBuilder text = new StringBuilder(String.format("%s：%d 条疑问（错误 %d，提示 %d）%n", period, flags.size(),
                errors, flags.size() - errors));
        flags.stream().limit(50).forEach(f -> text.append(String.format("%6d %s %-18s %-12s %-10s %s%n", f.id(),
                f.severity().equals("error") ? "错误" : "提示", f.creditCode(), f.indicator(), f.rule(), f.message())));
        return CommandResult.ok(out, text.toString());
    }
}
