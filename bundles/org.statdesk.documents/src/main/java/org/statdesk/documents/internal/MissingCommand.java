package org.statdesk.documents.internal;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.command.Args;
import org.statdesk.api.command.Command;
import org.statdesk.api.command.CommandResult;
import org.statdesk.api.command.CommandSpec;
import org.statdesk.api.input.Inputs;
import org.statdesk.api.people.Person;
import org.statdesk.api.registry.Register;
import org.statdesk.api.registry.Unit;
import org.statdesk.api.registry.UnitQuery;
import org.statdesk.api.review.ReviewService;
import org.statdesk.api.review.ReviewService.Filing;
import org.statdesk.api.review.ReviewService.Rates;

/**
 * {@code report:missing --period YYYY-MM [--county C] --out FILE.pdf}: the units that must report and did not, and
 * those that reported late, per county, with statistician and phone. The counts are the review's rates (the same
 * {@code review:rates} prints); the names are the review's filings behind them.
 */
@Component(service = Command.class)
@CommandSpec(name = "report:missing", usage = "report:missing --period YYYY-MM [--county C] --out FILE.pdf [--json]",
        description = "未报、迟报单位名单（分县区，附统计人员和联系电话）")
public final class MissingCommand implements Command {
    private final Register register;
    private final ReviewService review;
    private final Scope scope;
    private final Press press;

    @Activate
    public MissingCommand(@Reference Register register, @Reference ReviewService review, @Reference Scope scope,
            @Reference Press press) {
        this.register = register;
        this.review = review;
        this.scope = scope;
        this.press = press;
    }

    /** One county's line: the review's rates and the units behind its gaps. */
    record CountyGaps(String county, String name, Rates rates, List<Filing> missing, List<Filing> late) {
        int missingCount() {
            return rates.due() - rates.reported();
        }

        int lateCount() {
            return rates.reported() - rates.timely();
        }
    }

    @Override
    public CommandResult execute(Args args) throws Exception {
        args.allow("period", "county", "out");
        String period = args.required("period");
        try {
            Inputs.period(period, LocalDate.now());
        } catch (Inputs.InvalidValueException e) {
            throw Press.bad("period", period, e.getMessage());
        }
        String county = args.option("county").map(c -> Counties.check(register, c)).orElse(null);
        Path out = press.target(args, ".pdf");
        Person who = scope.who();
        Scope.county(who, county);
        String specialty = Person.SECTION.equals(who.role()) ? who.specialty() : null;
        Map<String, Rates> rates = review.rates(period, specialty);
        Map<String, List<Filing>> filings = review.filings(period, specialty).stream()
                .collect(Collectors.groupingBy(Filing::county, TreeMap::new, Collectors.toList()));
        List<CountyGaps> counties = new ArrayList<>();
        for (Map.Entry<String, Rates> r : rates.entrySet()) {
            String c = r.getKey();
            if (c.equals("all") || (county != null && !county.equals(c)) || !who.covers(c, who.specialty())) {
                continue;
            }
            List<Filing> of = filings.getOrDefault(c, List.of());
            counties.add(new CountyGaps(c, Counties.name(register, c), r.getValue(),
                    of.stream().filter(f -> !f.reported()).toList(),
                    of.stream().filter(f -> f.reported() && !f.timely()).toList()));
        }
        Rates total = county == null && who.covers("all", who.specialty()) && !Person.COUNTY.equals(who.role())
                ? rates.get("all") : counties.size() == 1 ? counties.get(0).rates() : null;
        Map<String, Unit> units = register.list(new UnitQuery(county, specialty, Unit.IN_REGISTER, null, null))
                .stream().collect(Collectors.toMap(Unit::creditCode, Function.identity(), (a, b) -> a));
        String where = county != null ? Counties.name(register, county)
                : Person.COUNTY.equals(who.role()) ? Counties.name(register, who.county()) : "全市";
        YearMonth ym = YearMonth.parse(period);
        MissingList list = new MissingList(period, units, counties, total);
        Press.Printed p = press.print(out, "未报、迟报单位名单",
                ym.getYear() + " 年 " + ym.getMonthValue() + " 月报告期　" + where, list::draw);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("due", total == null ? 0 : total.due());
        figures.put("reported", total == null ? 0 : total.reported());
        figures.put("missing", total == null ? 0 : total.due() - total.reported());
        figures.put("late", total == null ? 0 : total.reported() - total.timely());
        Map<String, Object> more = new LinkedHashMap<>();
        more.put("period", period);
        more.put("county", county);
        more.put("counties", counties.stream().map(g -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("county", g.county());
            m.put("name", g.name());
            m.put("due", g.rates().due());
            m.put("missing", g.missingCount());
            m.put("late", g.lateCount());
            m.put("missing_units", g.missing().stream().map(Filing::creditCode).toList());
            m.put("late_units", g.late().stream().map(Filing::creditCode).toList());
            return m;
        }).toList());
        return CommandResult.ok(p.json(figures, more), "未报 " + figures.get("missing") + " 个、迟报 "
                + figures.get("late") + " 个单位，" + p.pages() + " 页: " + p.path());
    }
}
