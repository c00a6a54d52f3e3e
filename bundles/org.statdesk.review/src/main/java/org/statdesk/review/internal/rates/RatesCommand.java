package org.statdesk.review.internal.rates;

import java.util.LinkedHashMap;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.command.Args;
import org.statdesk.api.command.Command;
import org.statdesk.api.command.CommandResult;
import org.statdesk.api.command.CommandSpec;
import org.statdesk.review.internal.run.ReviewRun;

/**
 * {@code review:rates --period P --json}: 上报率, 及时率, 准确率 per county and specialty, and how many reporting units
 * had records to confront per source ({@code records}: {@code tax}, {@code power}, {@code ledger}; null without
 * the records bundle).
 */
@Component(service = Command.class)
@CommandSpec(name = "review:rates", usage = "review:rates --period YYYY-MM [--specialty S] [--json]",
        description = "上报率、及时率、准确率（分县区、专业）")
public final class RatesCommand implements Command {
    private final ReportingRates rates;
    private final ReviewRun run;

    @Activate
    public RatesCommand(@Reference ReportingRates rates, @Reference ReviewRun run) {
        this.rates = rates;
        this.run = run;
    }

    @Override
    public CommandResult execute(Args args) {
        args.allow("period", "specialty");
        String period = args.required("period");
        var rows = rates.rateRows(period, args.option("specialty", null));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("period", period);
        json.put("rates", rows.stream().map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("county", r.county());
            m.put("specialty", r.specialty());
            m.put("due", r.rates().due());
            m.put("reported", r.rates().reported());
            m.put("timely", r.rates().timely());
            m.put("accurate", r.rates().accurate());
            m.put("reporting_rate", r.rates().reportingRate());
            m.put("timeliness_rate", r.rates().timelinessRate());
            m.put("accuracy_rate", r.rates().accuracyRate());
            return m;
        }).toList());
        Map<String, Integer> confronted = run.confronted(period, args.option("specialty", null));
        json.put("records", confronted);
        StringBuilder text = new StringBuilder("县区     专业         应报  上报率   及时率   准确率\n");
        rows.forEach(r -> text.append(String.format("%-8s %-12s %4d  %6.1f%%  %6.1f%%  %6.1f%%%n", r.county(),
                r.specialty(), r.rates().due(), r.rates().reportingRate() * 100, r.rates().timelinessRate() * 100,
                r.rates().accuracyRate() * 100)));
        if (confronted != null) {
            text.append(String.format("有行政记录可对比的单位：税务 %d，电力 %d，台账 %d%n", confronted.get("tax"),
                    confronted.get("power"), confronted.get("ledger")));
        }
        return CommandResult.ok(json, text.toString());
    }
}
