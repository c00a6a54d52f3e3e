package org.statdesk.documents.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.command.Args;
import org.statdesk.api.command.BadInputException;
import org.statdesk.api.command.Command;
import org.statdesk.api.command.CommandResult;
import org.statdesk.api.command.CommandSpec;
import org.statdesk.api.people.Person;
import org.statdesk.api.registry.Register;
import org.statdesk.api.registry.Unit;
import org.statdesk.api.registry.UnitQuery;
import org.statdesk.api.review.ReviewService;

/**
 * {@code report:field-check (CODE | --county C) --out FILE.pdf}: one 实地核查表 per applying unit, pre-filled from its
 * application and the county check's findings, with the items to verify on site and room for the findings and
 * signatures.
 */
@Component(service = Command.class)
@CommandSpec(name = "report:field-check", usage = "report:field-check (CODE | --county C) --out FILE.pdf [--json]",
        description = "实地核查表：每个申请单位一页，预填申请信息和县区审核发现，留核查结论与签名栏")
public final class FieldCheckCommand implements Command {
    /** Statuses of a unit that has applied and is not yet decided. */
    static final List<String> APPLYING = List.of("applied", "county_checked");

    private final Register register;
    private final ReviewService review;
    private final Scope scope;
    private final Press press;
    private final CommandFacts facts;

    @Activate
    public FieldCheckCommand(@Reference Register register, @Reference ReviewService review, @Reference Scope scope,
            @Reference Press press, @Reference CommandFacts facts) {
        this.register = register;
        this.review = review;
        this.scope = scope;
        this.press = press;
        this.facts = facts;
    }

    @Override
    public CommandResult execute(Args args) throws Exception {
        args.allow("county", "out");
        String county = args.option("county").orElse(null);
        if ((county == null) == args.positional().isEmpty() || args.positional().size() > 1) {
            throw new BadInputException("give one credit code or --county C, not both");
        }
        Path out = press.target(args, ".pdf");
        Person who = scope.who();
        List<Unit> units = new ArrayList<>();
        if (county == null) {
            String code = args.positional().get(0).strip();
            Unit u = register.find(code).orElseThrow(() -> Press.bad("code", code, "no unit with this credit code"));
            Scope.unit(who, u);
            units.add(u);
        } else {
            county = Counties.check(register, county);
            Scope.county(who, county);
            for (String status : APPLYING) {
                register.list(new UnitQuery(county, null, status, null, null)).stream()
                        .filter(u -> Scope.covers(who, u)).forEach(units::add);
            }
            units.sort(java.util.Comparator.comparing(Unit::creditCode));
        }
        Map<String, List<JsonNode>> findings = findings(units);
        String where = county == null ? units.get(0).name() : Counties.name(register, county);
        Map<String, String> specialties = new LinkedHashMap<>();
        review.forms().forEach(f -> specialties.putIfAbsent(f.specialty(), f.title() + "（" + f.code() + "）"));
        FieldCheckForm form = new FieldCheckForm(register, findings, specialties, press.bureau());
        Press.Printed p = press.print(out, "实地核查表", where, doc -> form.draw(doc, units));
        int findingCount = findings.values().stream().mapToInt(List::size).sum();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("units", units.size());
        figures.put("findings", findingCount);
        Map<String, Object> more = new LinkedHashMap<>();
        more.put("county", county);
        more.put("codes", units.stream().map(Unit::creditCode).toList());
        return CommandResult.ok(p.json(figures, more), "实地核查表 " + units.size() + " 份，" + p.pages() + " 页: "
                + p.path());
    }

    /** The county check's findings of each unit, as {@code registry:findings} reports them. */
    private Map<String, List<JsonNode>> findings(List<Unit> units) throws Exception {
        Map<String, List<JsonNode>> out = new LinkedHashMap<>();
        units.forEach(u -> out.put(u.creditCode(), new ArrayList<>()));
        JsonNode all = facts.run("registry:findings").orElse(null);
        if (all != null) {
            for (JsonNode f : all.path("findings")) {
                List<JsonNode> of = out.get(f.path("credit_code").asText());
                if (of != null) {
                    of.add(f);
                }
            }
        }
        return out;
    }
}
