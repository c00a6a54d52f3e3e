package org.statdesk.industrial.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.command.Args;
import org.statdesk.api.command.BadInputException;
import org.statdesk.api.command.Command;
import org.statdesk.api.command.CommandResult;
import org.statdesk.api.command.CommandSpec;
import org.statdesk.api.registry.Register;
import org.statdesk.api.registry.UnitQuery;
import org.statdesk.api.review.Indicator;
import org.statdesk.api.review.ReportForm;
import org.statdesk.api.review.ReviewService;

/**
 * {@code demo:load [--seed N] --json}: fills an empty data folder with Wuwei demo data through the public
 * commands only: a register CSV through {@code registry:import --admit}, then the reports of the specialties whose
 * report form is enabled through {@code review:import}, then the review of the last month.
 * <p>
 * Everything that could make an import fail is checked before the first one: the register must be empty, and the
 * demo's report rows are kept only for specialties with an enabled form whose indicators they all are; a specialty
 * without its form (a feature not enabled) is skipped and named in the result. Both imports are all-or-nothing, so
 * a failure leaves either nothing or the register and the reports of the enabled forms.
 */
@Component(service = Command.class)
@CommandSpec(name = "demo:load", usage = "demo:load [--seed N] [--json]",
        description = "载入武威演示数据：约1500家单位的名录，已启用专业的月报（工业36个月，商贸、服务业各12个月，"
                + "含季节性和若干植入的异常），并审核最近一个月", permission = "admin.demo", bulk = true, demo = true)
public final class DemoCommand implements Command {
    private final Command registryImport;
    private final Command reviewImport;
    private final Command reviewRun;
    private final Register register;
    private final ReviewService review;
    /** The enforcement section's roster import, when that feature is enabled: the demo then has inspectors too. */
    @Reference(cardinality = org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL,
            policy = org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC,
            policyOption = org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY,
            target = "(" + Command.NAME + "=enforcement:import-inspectors)")
    private volatile Command inspectorImport;
    /**
     * The records import of the core's records bundle, named as a command so that this specialty depends on the api
     * alone: the demo then has tax, power, market and ledger records to confront the reports with.
     */
    @Reference(cardinality = org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL,
            policy = org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC,
            policyOption = org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY,
            target = "(" + Command.NAME + "=records:import)")
    private volatile Command recordsImport;

    @Activate
    public DemoCommand(@Reference(target = "(" + Command.NAME + "=registry:import)") Command registryImport,
            @Reference(target = "(" + Command.NAME + "=review:import)") Command reviewImport,
            @Reference(target = "(" + Command.NAME + "=review:run)") Command reviewRun,
            @Reference Register register, @Reference ReviewService review) {
        this.registryImport = registryImport;
        this.reviewImport = reviewImport;
        this.reviewRun = reviewRun;
        this.register = register;
        this.review = review;
    }

    /** The specialties whose demo reports can be imported now, and why the others are skipped. */
    static Map<String, String> plan(DemoData d, List<ReportForm> forms, Set<String> keep) {
        Map<String, String> skipped = new LinkedHashMap<>();
        for (Map.Entry<String, Set<String>> e : d.indicatorsOf.entrySet()) {
            ReportForm form = forms.stream().filter(f -> f.specialty().equals(e.getKey())).findFirst().orElse(null);
            if (form == null) {
                skipped.put(e.getKey(), "no enabled report form (feature not enabled)");
                continue;
            }
            Set<String> known = new HashSet<>();
            for (Indicator i : form.indicators()) {
                known.add(i.code());
            }
            Set<String> unknown = new TreeSet<>(e.getValue());
            unknown.removeAll(known);
            if (!unknown.isEmpty()) {
                skipped.put(e.getKey(), "form " + form.code() + " has no indicator " + unknown);
                continue;
            }
            keep.add(e.getKey());
        }
        return skipped;
    }

    /**
     * Writes the demo's four records files and imports them (market first: the registrations, then the monthly
     * figures); returns the rows of each source and the planted divergences, null when the records bundle is not
     * there, or {@code failed} with the import's result when one was refused.
     */
    private Map<String, Object> records(DemoData d, long seed, YearMonth last, Path dir) throws Exception {
        Command command = recordsImport;
        if (command == null) {
            return null;
        }
        DemoRecords r = new DemoRecords(d, seed, last.getYear() * 12 + last.getMonthValue() - 1);
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> imports = new LinkedHashMap<>();
        for (Map.Entry<String, StringBuilder> e : List.of(Map.entry("market", r.market), Map.entry("tax", r.tax),
                Map.entry("power", r.power), Map.entry("ledger", r.ledger))) {
            Path f = dir.resolve("records-" + e.getKey() + ".csv");
            Files.writeString(f, e.getValue(), StandardCharsets.UTF_8);
            try {
                CommandResult result = command.execute(Args.parse(List.of(f.toString(), "--source", e.getKey(),
                        "--json"), Set.of()));
                if (result.exitCode() != 0) {
                    return Map.of("failed", result);
                }
                imports.put(e.getKey(), result.json());
            } finally {
                Files.deleteIfExists(f);
            }
        }
        out.put("rows", r.rows);
        out.put("planted", r.planted);
        out.put("imports", imports);
        return out;
    }

    @Override
    public CommandResult execute(Args args) throws Exception {
        args.allow("seed");
        long seed = args.integer("seed", 20210301);
        if (!register.list(UnitQuery.all()).isEmpty()) {
            throw new BadInputException("the register is not empty: demo data goes into an empty data folder only");
        }
        // the last month reported is last month; 36 months of history end there
        YearMonth last = YearMonth.now().minusMonths(1);
        DemoData d = new DemoData(seed, last.getYear() * 12 + last.getMonthValue() - 1);
        Set<String> specialties = new TreeSet<>();
        Map<String, String> skipped = plan(d, review.forms(), specialties);
        if (specialties.isEmpty()) {
            throw new BadInputException("no report form of the demo is enabled: " + skipped);
        }
        Path dir = Files.createTempDirectory("statdesk-demo");
        Path reg = dir.resolve("register.csv");
        Path rep = dir.resolve("reports.csv");
        Files.writeString(reg, d.register, StandardCharsets.UTF_8);
        Files.writeString(rep, d.reports(specialties), StandardCharsets.UTF_8);
        int rows = d.rows(specialties);
        try {
            CommandResult r1 = registryImport.execute(Args.parse(List.of(reg.toString(), "--admit", "--json"),
                    Set.of("admit")));
            if (r1.exitCode() != 0) {
                return r1;
            }
            CommandResult r2 = reviewImport.execute(Args.parse(List.of(rep.toString(), "--json"), Set.of()));
            if (r2.exitCode() != 0) {
                return r2;
            }
            // the records before the review, so that the review of the last month confronts the reports with them
            Map<String, Object> records = records(d, seed, last, dir);
            if (records != null && records.get("failed") instanceof CommandResult failed) {
                return failed;
            }
            // a new user opens the workstation on a reviewed month: the Problems view has its flags
            CommandResult r4 = reviewRun.execute(Args.parse(List.of("--period", last.toString(), "--json"), Set.of()));
            if (r4.exitCode() != 0) {
                return r4;
            }
            Command roster = inspectorImport;
            CommandResult r3 = null;
            if (roster != null) {
                Path ins = dir.resolve("inspectors.csv");
                Files.writeString(ins, DemoData.inspectors(), StandardCharsets.UTF_8);
                try {
                    r3 = roster.execute(Args.parse(List.of(ins.toString(), "--json"), Set.of()));
                } finally {
                    Files.deleteIfExists(ins);
                }
                if (r3.exitCode() != 0) {
                    return r3;
                }
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("units", d.units);
            json.put("report_values", rows);
            json.put("specialties", List.copyOf(specialties));
            json.put("skipped_specialties", skipped);
            json.put("last_period", last.toString());
            json.put("planted", d.planted);
            json.put("register_import", r1.json());
            json.put("review_import", r2.json());
            json.put("inspector_import", r3 == null ? null : r3.json());
            json.put("records", records);
            return CommandResult.ok(json, String.format("演示数据已载入：%d 家单位，%d 个月报数值（%s），最近报告期 %s，植入异常 %d 处。"
                    + "%s%n试试：statdesk run review:run --period %s", d.units, rows, String.join("、", specialties),
                    last, d.planted.size(), skipped.isEmpty() ? "" : System.lineSeparator() + "未载入（专业未启用）：" + String.join("、",
                            skipped.keySet()), last)
                    + (records == null ? "" : System.lineSeparator() + "行政记录：" + records.get("rows")));
        } finally {
            Files.deleteIfExists(reg);
            Files.deleteIfExists(rep);
            Files.deleteIfExists(dir);
        }
    }
}
