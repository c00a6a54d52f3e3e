package org.statdesk.documents.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.command.Args;
import org.statdesk.api.command.Command;
import org.statdesk.api.command.CommandResult;
import org.statdesk.api.command.CommandSpec;
import org.statdesk.api.people.Person;
import org.statdesk.api.registry.Register;
import org.statdesk.api.registry.Unit;
import org.statdesk.api.review.ReviewService;
import org.statdesk.api.review.ReviewService.Filing;
import org.statdesk.api.review.ReviewService.Rates;

/**
 * {@code report:bulletin --quarter YYYYQn --out FILE.pdf}: the quarter's circular (通报): counties ranked by the
 * rates of the quarter's last reported month, units that did not report or reported late, the draw's targets per
 * county, cases opened and rectification items with their deadlines in the quarter.
 */
@Component(service = Command.class)
@CommandSpec(name = "report:bulletin", usage = "report:bulletin --quarter YYYYQn --out FILE.pdf [--json]",
        description = "季度通报：县区三率排名、未报迟报单位、双随机抽查对象、立案和整改期限")
public final class BulletinCommand implements Command {
    private final Register register;
    private final ReviewService review;
    private final Scope scope;
    private final Press press;
    private final CommandFacts facts;
    private final Sources sources;

    @Activate
    public BulletinCommand(@Reference Register register, @Reference ReviewService review, @Reference Scope scope,
            @Reference Press press, @Reference CommandFacts facts) {
        this.register = register;
        this.review = review;
        this.scope = scope;
        this.press = press;
        this.facts = facts;
        this.sources = new Sources(facts);
    }

    /** A unit that did not report, or reported late, in a period of the quarter. */
    record Gap(String period, Filing filing) {
    }

    @Override
    public CommandResult execute(Args args) throws Exception {
        args.allow("quarter", "out");
        String q = args.required("quarter").strip();
        if (!q.matches("(20\\d\\d)Q[1-4]") || YearMonth.of(Integer.parseInt(q.substring(0, 4)),
                (q.charAt(5) - '1') * 3 + 1).isAfter(YearMonth.now())) {
            throw Press.bad("quarter", q, "a quarter YYYYQn (n 1 to 4) from 2000 to this quarter");
        }
        Path out = press.target(args, ".pdf");
        Person who = scope.who();
        String specialty = Person.SECTION.equals(who.role()) ? who.specialty() : null;
        int year = Integer.parseInt(q.substring(0, 4));
        int first = (q.charAt(5) - '1') * 3 + 1;
        List<String> months = new ArrayList<>();
        String ranked = null;
        Map<String, Rates> rates = Map.of();
        List<Gap> gaps = new ArrayList<>();
        for (int m = first; m < first + 3 && YearMonth.of(year, m).isBefore(YearMonth.now()); m++) {
            String p = YearMonth.of(year, m).toString();
            Map<String, Rates> r = review.rates(p, specialty);
            Rates all = r.get("all");
            if (all == null || all.reported() == 0) {
                continue;
            }
            months.add(p);
            ranked = p;
            rates = r;
            review.filings(p, specialty).stream().filter(f -> !f.timely() && who.covers(f.county(), f.specialty()))
                    .forEach(f -> gaps.add(new Gap(p, f)));
        }
        List<Map.Entry<String, Rates>> ranking = new ArrayList<>(rates.entrySet().stream()
                .filter(e -> !e.getKey().equals("all") && who.covers(e.getKey(), who.specialty())).toList());
        ranking.sort(Comparator.comparing((Map.Entry<String, Rates> e) -> -e.getValue().reportingRate())
                .thenComparing(e -> -e.getValue().timelinessRate()).thenComparing(Map.Entry::getKey));
        String from = YearMonth.of(year, first) + "-01";
        String to = YearMonth.of(year, first + 2).atEndOfMonth().toString();
        JsonNode casesDoc = fact("cases");
        JsonNode ledgerDoc = fact("ledger");
        List<JsonNode> cases = within(casesDoc, "cases", "filed_on", from, to, who);
        List<JsonNode> items = within(ledgerDoc, "items", "opened_on", from, to, who);
        Map<String, Integer> targets = targets(year, who);
        BulletinReport report = new BulletinReport(register, q, months, ranked, ranking, gaps, units(gaps), targets,
                cases, items, casesDoc != null || ledgerDoc != null);
        Press.Printed p = press.print(out, q.substring(0, 4) + " 年第 " + q.charAt(5) + " 季度统计工作通报",
                Person.COUNTY.equals(who.role()) ? Counties.name(register, who.county()) : "全市", report::draw);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("months_reported", months.size());
        figures.put("missing", gaps.stream().filter(g -> !g.filing().reported()).count());
        figures.put("late", gaps.stream().filter(g -> g.filing().reported()).count());
        figures.put("draw_targets", targets.values().stream().mapToInt(Integer::intValue).sum());
        figures.put("cases", cases.size());
        figures.put("rectification_items", items.size());
        Map<String, Object> more = new LinkedHashMap<>();
        more.put("quarter", q);
        more.put("ranked_period", ranked);
        more.put("ranking", ranking.stream().map(Map.Entry::getKey).toList());
        return CommandResult.ok(p.json(figures, more), q + " 通报，" + p.pages() + " 页: " + p.path());
    }

    private Map<String, Unit> units(List<Gap> gaps) {
        Map<String, Unit> out = new LinkedHashMap<>();
        gaps.forEach(g -> register.find(g.filing().creditCode()).ifPresent(u -> out.put(u.creditCode(), u)));
        return out;
    }

    /** The year's active draw's targets by county, as {@code show-draw} lists them. */
    private Map<String, Integer> targets(int year, Person who) throws Exception {
        Map<String, Integer> out = new TreeMap<>();
        JsonNode draws = fact("draws", "--year", String.valueOf(year));
        if (draws == null) {
            return out;
        }
        for (JsonNode d : draws.path("draws")) {
            if (d.path("status").asText().equals("active")) {
                JsonNode shown = fact("show-draw", d.path("id").asText());
                for (JsonNode t : shown == null ? List.<JsonNode>of() : shown.path("targets")) {
                    String c = t.path("county_code").asText();
                    if (who.covers(c, who.specialty())) {
                        out.merge(c, 1, Integer::sum);
                    }
                }
            }
        }
        return out;
    }

    private static List<JsonNode> within(JsonNode doc, String list, String date, String from, String to, Person who) {
        List<JsonNode> out = new ArrayList<>();
        if (doc != null) {
            for (JsonNode n : doc.path(list)) {
                String d = n.path(date).asText();
                if (d.compareTo(from) >= 0 && d.compareTo(to) <= 0
                        && who.covers(n.path("county_code").asText(), who.specialty())) {
                    out.add(n);
                }
            }
        }
        return out;
    }

    private JsonNode fact(String job, String... args) throws Exception {
        return sources.fact(job, args);
    }
}
