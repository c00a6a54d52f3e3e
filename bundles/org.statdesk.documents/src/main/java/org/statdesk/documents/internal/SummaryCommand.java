package org.statdesk.documents.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.charts.ChartService;
import org.statdesk.api.command.Args;
import org.statdesk.api.command.Command;
import org.statdesk.api.command.CommandResult;
import org.statdesk.api.command.CommandSpec;
import org.statdesk.api.people.Person;
import org.statdesk.api.registry.Register;
import org.statdesk.api.registry.Unit;
import org.statdesk.api.registry.UnitQuery;
import org.statdesk.api.review.Flag;
import org.statdesk.api.review.ReportForm;
import org.statdesk.api.review.ReviewService;
import org.statdesk.api.review.ReviewService.Rates;

/**
 * {@code report:summary --year Y --out FILE.pdf}: the year's summary report (总结报告) from the register, the review's
 * rates and flags, the training coverage and, when enabled, the enforcement commands' JSON.
 */
@Component(service = Command.class)
@CommandSpec(name = "report:summary", usage = "report:summary --year Y --out FILE.pdf [--json]",
        description = "年度总结报告：名录库、审核、三率、培训覆盖、双随机抽查、案件和整改台账")
public final class SummaryCommand implements Command {
    private final Register register;
    private final ReviewService review;
    private final ChartService charts;
    private final Scope scope;
    private final Press press;
    private final CommandFacts facts;
    private final Sources sources;

    @Activate
    public SummaryCommand(@Reference Register register, @Reference ReviewService review,
            @Reference ChartService charts, @Reference Scope scope, @Reference Press press,
            @Reference CommandFacts facts) {
        this.register = register;
        this.review = review;
        this.charts = charts;
        this.scope = scope;
        this.press = press;
        this.facts = facts;
        this.sources = new Sources(facts);
    }

    /** What the year's summary states, gathered before it is laid out. */
    record Year(int year, String where, Person who, List<Unit> inRegister, List<String[]> months,
            String lastPeriod, Map<String, Rates> lastRates, JsonNode training, JsonNode draws, JsonNode coverage,
            JsonNode cases, JsonNode ledger, JsonNode candidates, Map<String, JsonNode> ledgers) {
    }

    @Override
    public CommandResult execute(Args args) throws Exception {
        args.allow("year", "out");
        String y = args.required("year");
        int now = LocalDate.now().getYear();
        if (!y.strip().matches("\\d{4}") || Integer.parseInt(y.strip()) < 2000 || Integer.parseInt(y.strip()) > now) {
            throw Press.bad("year", y, "not a year from 2000 to " + now);
        }
        int year = Integer.parseInt(y.strip());
        Path out = press.target(args, ".pdf");
        Person who = scope.who();
        String specialty = Person.SECTION.equals(who.role()) ? who.specialty() : null;
        String county = Person.COUNTY.equals(who.role()) ? who.county() : null;
        List<Unit> units = register.list(new UnitQuery(county, specialty, Unit.IN_REGISTER, null, null)).stream()
                .filter(u -> Scope.covers(who, u)).toList();
        Map<String, String> countyOf = new LinkedHashMap<>();
        units.forEach(u -> countyOf.put(u.creditCode(), u.countyCode()));
        List<String[]> months = new ArrayList<>();
        String lastPeriod = null;
        YearMonth last = YearMonth.now().minusMonths(1);
        for (int m = 1; m <= 12 && !YearMonth.of(year, m).isAfter(last); m++) {
            String p = YearMonth.of(year, m).toString();
            Rates r = review.rates(p, specialty).get(county == null ? "all" : county);
            if (r == null || r.reported() == 0) {
                continue;
            }
            List<Flag> flags = review.flags(p, specialty).stream()
                    .filter(f -> countyOf.containsKey(f.creditCode())).toList();
            long resolved = flags.stream().filter(f -> !f.status().equals("open")).count();
            months.add(new String[] {p, String.valueOf(r.due()), String.valueOf(r.reported()),
                    Figures.percent(r.reportingRate()), Figures.percent(r.timelinessRate()),
                    Figures.percent(r.accuracyRate()), String.valueOf(flags.size()), String.valueOf(resolved)});
            lastPeriod = p;
        }
        Map<String, Rates> lastRates = lastPeriod == null ? Map.of() : review.rates(lastPeriod, specialty);
        String ys = String.valueOf(year);
        // 应统尽统 as registry:candidates reports it, 台账规范达标率 as review:ledgers does (per specialty, last month)
        JsonNode candidates = facts.run("registry:candidates", "--all").orElse(null);
        Map<String, JsonNode> ledgers = new LinkedHashMap<>();
        if (lastPeriod != null) {
            for (ReportForm f : review.forms()) {
                if ((specialty == null || specialty.equals(f.specialty())) && !ledgers.containsKey(f.title())) {
                    JsonNode l = facts.run("review:ledgers", "--period", lastPeriod, "--specialty", f.specialty())
                            .orElse(null);
                    if (l != null && l.path("counties").size() > 0) {
                        ledgers.put(f.title(), l);
                    }
                }
            }
        }
        Year data = new Year(year, county == null ? "全市" : Counties.name(register, county), who, units, months,
                lastPeriod, lastRates, facts.run("registry:coverage", "--year", ys).orElse(null),
                fact("draws", "--year", ys), fact("coverage", "--year", ys), fact("cases"), fact("ledger"),
                candidates, ledgers);
        SummaryReport report = new SummaryReport(register, charts, data);
        Press.Printed p = press.print(out, year + " 年度统计工作总结报告", data.where(), report::draw);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("units_in_register", units.size());
        figures.put("months_reported", months.size());
        figures.put("draw_targets", report.drawTargets());
        figures.put("cases", report.caseCount());
        if (candidates != null && candidates.path("records").asBoolean()) {
            figures.put("candidates_found", report.candidates()[0]);
            figures.put("candidates_open", report.candidates()[1]);
        }
        Map<String, Object> more = new LinkedHashMap<>();
        more.put("year", year);
        more.put("county", county);
        more.put("last_period", lastPeriod);
        return CommandResult.ok(p.json(figures, more), year + " 年度总结报告，" + p.pages() + " 页: " + p.path());
    }

    private JsonNode fact(String job, String... args) throws Exception {
        return sources.fact(job, args);
    }
}
