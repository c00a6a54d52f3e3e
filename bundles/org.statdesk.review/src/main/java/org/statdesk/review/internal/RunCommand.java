package org.statdesk.review.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.command.Args;
import org.statdesk.api.command.Command;
import org.statdesk.api.command.CommandResult;
import org.statdesk.api.review.Flag;

/** {@code review:run --period YYYY-MM [--specialty S] --json}: flags by score, highest first, and the rates. */
@Component(property = {Command.NAME + "=review:run",
        Command.USAGE + "=review:run --period YYYY-MM [--specialty S] [--json]",
        Command.DESCRIPTION + "=审核一个报告期：逻辑审核、对比审核、计量单位、HB 离群值、评分"})
public final class RunCommand implements Command {
    private final ReviewServiceImpl review;

    @Activate
    public RunCommand(@Reference ReviewServiceImpl review) {
        this.review = review;
    }

    /** One flag as the contract writes it. */
    public record FlagOut(long id, String creditCode, String indicator, String rule, String kind, String severity,
            double value, Double expected, double score, String message, String status) {
        static FlagOut of(Flag f) {
            return new FlagOut(f.id(), f.creditCode(), f.indicator(), f.rule(), f.kind(), f.severity(), f.value(),
                    f.expected() == null ? null : Math.round(f.expected() * 1000) / 1000.0,
                    Math.round(f.score() * 1e8) / 1e8, f.message(), f.status());
        }
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
        Map<String, Object> rates = new LinkedHashMap<>();
        review.rateRows(period, specialty).forEach(r -> rates.put(r.county() + (r.specialty().equals("all") ? ""
                : "/" + r.specialty()), r.rates()));
        out.put("rates", rates);
        long errors = flags.stream().filter(f -> f.severity().equals("error")).count();
        StringBuilder text = new StringBuilder(String.format("%s：%d 条疑问（错误 %d，提示 %d）%n", period, flags.size(),
                errors, flags.size() - errors));
        flags.stream().limit(50).forEach(f -> text.append(String.format("%6d %s %-18s %-12s %-10s %s%n", f.id(),
                f.severity().equals("error") ? "错误" : "提示", f.creditCode(), f.indicator(), f.rule(), f.message())));
        return CommandResult.ok(out, text.toString());
    }
}
