package org.statdesk.registry.internal;

import java.nio.file.Path;
import java.time.LocalDate;
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
import org.statdesk.api.command.InputError;
import org.statdesk.api.registry.Unit;
import org.statdesk.api.registry.UnitQuery;

/** The registry:* commands; each is a thin adapter over {@link Registry}. */
public final class RegistryCommands {
    private RegistryCommands() {
    }

    /** The JSON of a unit in lists. */
    public record UnitRow(String creditCode, String name, String divisionCode, String industryCode, String specialty,
            String scale, String status) {
        static UnitRow of(Unit u) {
            return new UnitRow(u.creditCode(), u.name(), u.divisionCode(), u.industryCode(), u.specialty(), u.scale(),
                    u.status());
        }
    }

    static Map<String, Object> unitJson(Registry.Application a) {
        Unit u = a.unit();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("app_id", a.appId());
        m.put("credit_code", u.creditCode());
        m.put("name", u.name());
        m.put("division_code", u.divisionCode());
        m.put("county_code", u.countyCode());
        m.put("industry_code", u.industryCode());
        m.put("specialty", u.specialty());
        m.put("scale", u.scale());
        m.put("revenue", u.revenue());
        m.put("qualification", u.qualification());
        m.put("address", u.address());
        m.put("statistician", u.statistician());
        m.put("phone", u.phone());
        m.put("status", u.status());
        m.put("status_reason", a.statusReason());
        m.put("exit_kind", a.exitKind());
        m.put("opened", u.opened());
        m.put("closed", u.closed());
        return m;
    }

    static String line(Registry.Application a) {
        Unit u = a.unit();
        return a.appId() + " " + u.name() + " " + u.divisionCode() + " " + u.industryCode() + " " + u.specialty() + " "
                + u.scale() + " " + u.status() + (a.statusReason() == null ? "" : "（" + a.statusReason() + "）");
    }

    abstract static class Base implements Command {
        final Registry registry;

        Base(Registry registry) {
            this.registry = registry;
        }
    }

    @Component(service = Command.class, property = {Command.NAME + "=registry:import", Command.FLAGS + "=admit",
            Command.USAGE + "=registry:import FILE [--admit] [--json]",
            Command.DESCRIPTION + "=imports a register CSV, all or nothing; every row becomes an application,"
                    + " --admit admits those without error-level findings"})
    public static final class Import extends Base {
        @Activate
        public Import(@Reference Registry registry) {
            super(registry);
        }

        @Override
        public CommandResult execute(Args args) throws Exception {
            args.allow("admit");
            Registry.ImportResult r = registry.importFile(Path.of(args.positional(0, "register CSV file")),
                    args.flag("admit"));
            StringBuilder t = new StringBuilder("导入 " + r.imported() + " 个单位，入库 " + r.admitted() + "，待审核 "
                    + r.applied() + "，核查发现 " + r.findings().size() + " 条（编码 " + r.encoding() + "）");
            for (Registry.FindingView f : r.findings()) {
                t.append('\n').append(f.creditCode()).append(' ').append(f.check()).append(' ').append(f.severity())
                        .append(": ").append(f.message());
            }
            return CommandResult.ok(r, t.toString());
        }
    }

    @Component(service = Command.class, property = {Command.NAME + "=registry:list",
            Command.USAGE + "=registry:list [--county C] [--specialty S] [--status S] [--scale S] [--name TEXT] [--json]",
            Command.DESCRIPTION + "=lists units and applications of the register"})
    public static final class ListUnits extends Base {
        @Activate
        public ListUnits(@Reference Registry registry) {
            super(registry);
        }

        @Override
        public CommandResult execute(Args args) {
            args.allow("county", "specialty", "status", "scale", "name");
            List<UnitRow> units = registry.list(new UnitQuery(args.option("county").orElse(null),
                    args.option("specialty").orElse(null), args.option("status").orElse(null),
                    args.option("scale").orElse(null), args.option("name").orElse(null))).stream()
                    .map(UnitRow::of).toList();
            StringBuilder t = new StringBuilder();
            for (UnitRow u : units) {
                t.append(u.creditCode()).append(' ').append(u.name()).append(' ').append(u.divisionCode()).append(' ')
                        .append(u.industryCode()).append(' ').append(u.specialty()).append(' ').append(u.scale())
                        .append(' ').append(u.status()).append('\n');
            }
            t.append(units.size()).append(" 个单位");
            return CommandResult.ok(Map.of("units", units), t.toString());
        }
    }

    @Component(service = Command.class, property = {Command.NAME + "=registry:show", Command.USAGE + "=registry:show CODE [--json]",
            Command.DESCRIPTION + "=a unit with its applications, findings, statistician changes and history"})
    public static final class Show extends Base {
        @Activate
        public Show(@Reference Registry registry) {
            super(registry);
        }

        @Override
        public CommandResult execute(Args args) throws Exception {
            args.allow();
            String code = args.positional(0, "credit code");
            List<Registry.Application> apps = registry.applications(code);
            if (apps.isEmpty()) {
                throw new BadInputException("名录库中没有 " + code, List.of(InputError.of("credit_code", code,
                        "名录库中没有这个单位或申请")));
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("unit", unitJson(apps.get(0)));
            doc.put("applications", apps.stream().map(RegistryCommands::unitJson).toList());
            List<Registry.StoredFinding> findings = new ArrayList<>();
            for (Registry.Application a : apps) {
                findings.addAll(registry.findings(a.appId(), null, false));
            }
            doc.put("findings", findings);
            doc.put("history", registry.history(apps.get(0).unit().creditCode()));
            StringBuilder t = new StringBuilder();
            apps.forEach(a -> t.append(line(a)).append('\n'));
            findings.forEach(f -> t.append("  ").append(f.check()).append(' ').append(f.severity())
                    .append(f.resolved() ? "（已解决）" : "").append(": ").append(f.message()).append('\n'));
            registry.history(apps.get(0).unit().creditCode()).forEach(e -> t.append("  ").append(e.time()).append(' ')
                    .append(e.user()).append(' ').append(e.field()).append(": ").append(e.oldValue()).append(" -> ")
                    .append(e.newValue()).append(" （").append(e.reason()).append("）\n"));
            return CommandResult.ok(doc, t.toString().stripTrailing());
        }
    }

    @Component(service = Command.class, property = {Command.NAME + "=registry:findings", Command.FLAGS + "=open",
            Command.USAGE + "=registry:findings [--check ID] [--severity S] [--county C] [--open] [--json]",
            Command.DESCRIPTION + "=findings of the register's checks"})
    public static final class Findings extends Base {
        @Activate
        public Findings(@Reference Registry registry) {
            super(registry);
        }

        @Override
        public CommandResult execute(Args args) throws Exception {
            args.allow("check", "severity", "county", "open");
            String severity = args.option("severity").orElse(null);
            String county = args.option("county").orElse(null);
            List<Registry.StoredFinding> all = registry.findings(null, args.option("check").orElse(null),
                    args.flag("open"));
            List<Map<String, Object>> out = new ArrayList<>();
            StringBuilder t = new StringBuilder();
            for (Registry.StoredFinding f : all) {
                if (severity != null && !severity.equals(f.severity())) {
                    continue;
                }
                if (county != null && registry.applications(f.appId()).stream()
                        .noneMatch(a -> a.unit().countyCode().equals(county))) {
                    continue;
                }
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("credit_code", f.creditCode());
                m.put("app_id", f.appId());
                m.put("check", f.check());
                m.put("severity", f.severity());
                m.put("message", f.message());
                m.put("other", f.otherCode());
                m.put("score", f.score());
                m.put("resolved", f.resolved());
                m.put("resolved_by", f.resolvedBy());
                m.put("resolved_reason", f.resolvedReason());
                out.add(m);
                t.append(f.appId()).append(' ').append(f.check()).append(' ').append(f.severity())
                        .append(f.resolved() ? "（已解决）" : "").append(": ").append(f.message()).append('\n');
            }
            t.append(out.size()).append(" 条核查发现");
            return CommandResult.ok(Map.of("findings", out), t.toString());
        }
    }

    @Component(service = Command.class, property = {Command.NAME + "=registry:apply",
            Command.USAGE + "=registry:apply --credit_code C --name N --division_code D --industry_code I"
                    + " --revenue R [--scale above|below] [--qualification Q] [--address A] [--statistician S]"
                    + " [--phone P] --reason WHY [--json]",
            Command.DESCRIPTION + "=a new application for the register, checked like an imported row"})
    public static final class Apply extends Base {
        @Activate
        public Apply(@Reference Registry registry) {
            super(registry);
        }

        @Override
        public CommandResult execute(Args args) throws Exception {
            List<String> fields = new ArrayList<>(RegisterCsv.REQUIRED);
            fields.add("scale");
            List<String> allowed = new ArrayList<>(fields);
            allowed.add("reason");
            args.allow(allowed.toArray(String[]::new));
            Map<String, String> values = new LinkedHashMap<>();
            for (String f : fields) {
                values.put(f, args.option(f).orElse(null));
            }
            Registry.Application a = registry.apply(values, args.option("reason").orElse(null));
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("unit", unitJson(a));
            doc.put("findings", registry.findings(a.appId(), null, false));
            return CommandResult.ok(doc, "已申请入库：" + line(a));
        }
    }

    static CommandResult step(Registry registry, Registry.Application a) throws Exception {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("unit", unitJson(a));
        doc.put("findings", registry.findings(a.appId(), null, false));
        return CommandResult.ok(doc, line(a));
    }

    @Component(service = Command.class, property = {Command.NAME + "=registry:approve", Command.USAGE + "=registry:approve CODE --reason WHY [--json]",
            Command.DESCRIPTION + "=passes the next check of an application: county check, then specialty check"
                    + " (into the register); exit 1 when error-level findings block it"})
    public static final class Approve extends Base {
        @Activate
        public Approve(@Reference Registry registry) {
            super(registry);
        }

        @Override
        public CommandResult execute(Args args) throws Exception {
            args.allow("reason");
            try {
                return step(registry, registry.approve(args.positional(0, "credit code"),
                        args.option("reason").orElse(null)));
            } catch (Registry.Blocked b) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("error", b.getMessage());
                doc.put("findings", b.findings);
                StringBuilder t = new StringBuilder(b.getMessage());
                b.findings.forEach(f -> t.append('\n').append(f.check()).append(": ").append(f.message()));
                return CommandResult.checkFailed(doc, t.toString());
            }
        }
    }

    @Component(service = Command.class, property = {Command.NAME + "=registry:reject", Command.USAGE + "=registry:reject CODE --reason WHY [--json]",
            Command.DESCRIPTION + "=rejects an application; it is kept with its reason"})
    public static final class Reject extends Base {
        @Activate
        public Reject(@Reference Registry registry) {
            super(registry);
        }

        @Override
        public CommandResult execute(Args args) throws Exception {
            args.allow("reason");
            return step(registry, registry.reject(args.positional(0, "credit code"), args.option("reason").orElse(null)));
        }
    }

    @Component(service = Command.class, property = {Command.NAME + "=registry:change",
            Command.USAGE + "=registry:change CODE [--name N] [--address A] [--industry I] [--scale S] [--revenue R]"
                    + " [--qualification Q] [--division D] [--phone P] [--statistician S --handover H [--date D]]"
                    + " --reason WHY [--json]",
            Command.DESCRIPTION + "=changes a unit; it is checked again; a statistician change is reported with"
                    + " its date and the handover of records"})
    public static final class Change extends Base {
        @Activate
        public Change(@Reference Registry registry) {
            super(registry);
        }

        @Override
        public CommandResult execute(Args args) throws Exception {
            List<String> allowed = new ArrayList<>(Registry.CHANGEABLE);
            allowed.addAll(List.of("statistician", "handover", "date", "reason"));
            args.allow(allowed.toArray(String[]::new));
            String code = args.positional(0, "credit code");
            String reason = args.option("reason").orElse(null);
            Map<String, String> changes = new LinkedHashMap<>();
            for (String f : Registry.CHANGEABLE) {
                args.option(f).ifPresent(v -> changes.put(f, v));
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            if (args.option("statistician").isPresent()) {
                Registry.requireReason(reason);
                doc.put("statistician_change", registry.changeStatistician(code, args.option("statistician").get(),
                        changes.remove("phone"), args.option("date").orElse(null),
                        args.option("handover").orElse(null), reason));
            }
            CommandResult r = step(registry, changes.isEmpty() ? registry.target(code)
                    : registry.change(code, changes, reason));
            return CommandResult.ok(merge(doc, (Map<?, ?>) r.json()), r.text());
        }

        private static Map<String, Object> merge(Map<String, Object> doc, Map<?, ?> more) {
            more.forEach((k, v) -> doc.put(String.valueOf(k), v));
            return doc;
        }
    }

    @Component(service = Command.class, property = {Command.NAME + "=registry:exit",
            Command.USAGE + "=registry:exit CODE --kind closed|cancelled|below_threshold|merged [--date D]"
                    + " --reason WHY [--json]",
            Command.DESCRIPTION + "=takes a unit out of the register (it stays on file with kind, date, reason)"})
    public static final class Exit extends Base {
        @Activate
        public Exit(@Reference Registry registry) {
            super(registry);
        }

        @Override
        public CommandResult execute(Args args) throws Exception {
            args.allow("kind", "date", "reason");
            return step(registry, registry.exit(args.positional(0, "credit code"), args.option("kind").orElse(null),
                    args.option("date").orElse(null), args.option("reason").orElse(null)));
        }
    }

    @Component(service = Command.class, property = {Command.NAME + "=registry:resolve",
            Command.USAGE + "=registry:resolve CODE --check ID --reason WHY [--json]",
            Command.DESCRIPTION + "=marks a unit's open findings of one check as resolved, with the reason"})
    public static final class Resolve extends Base {
        @Activate
        public Resolve(@Reference Registry registry) {
            super(registry);
        }

        @Override
        public CommandResult execute(Args args) throws Exception {
            args.allow("check", "reason");
            List<Registry.StoredFinding> f = registry.resolveFinding(args.positional(0, "credit code"),
                    args.required("check"), args.option("reason").orElse(null));
            return CommandResult.ok(Map.of("findings", f), f.size() + " 条核查发现已解决");
        }
    }

    @Component(service = Command.class, property = {Command.NAME + "=registry:spotcheck",
            Command.USAGE + "=registry:spotcheck --share 0.2 [--seed N] [--county C] [--specialty S] [--scale S]"
                    + " [--reason WHY] [--json]",
            Command.DESCRIPTION + "=a random, reproducible and recorded list of in-register units for field checks"})
    public static final class SpotCheck extends Base {
        @Activate
        public SpotCheck(@Reference Registry registry) {
            super(registry);
        }

        @Override
        public CommandResult execute(Args args) throws Exception {
            args.allow("share", "seed", "county", "specialty", "scale", "reason");
            Long seed = args.option("seed").isPresent() ? args.integer("seed", 0) : null;
            Registry.SpotCheck s = registry.spotcheck(args.number("share", 0.2), seed,
                    new UnitQuery(args.option("county").orElse(null), args.option("specialty").orElse(null), null,
                            args.option("scale").orElse(null), null), args.option("reason").orElse(null));
            return CommandResult.ok(s, "抽查 " + s.drawId() + "：从 " + s.populationSize() + " 个在库单位中抽取 "
                    + s.sampleSize() + " 个（种子 " + s.seed() + "）\n" + String.join("\n", s.units()));
        }
    }

    @Component(service = Command.class, property = {Command.NAME + "=registry:statistician",
            Command.USAGE + "=registry:statistician CODE --name N [--phone P] --date D --handover H --reason WHY [--json]",
            Command.DESCRIPTION + "=reports a change of a unit's statistician (变动报备) with the handover of records"})
    public static final class Statistician extends Base {
        @Activate
        public Statistician(@Reference Registry registry) {
            super(registry);
        }

        @Override
        public CommandResult execute(Args args) throws Exception {
            args.allow("name", "phone", "date", "handover", "reason");
            Registry.StaffChange s = registry.changeStatistician(args.positional(0, "credit code"),
                    args.option("name").orElse(null), args.option("phone").orElse(null),
                    args.option("date").orElse(null), args.option("handover").orElse(null),
                    args.option("reason").orElse(null));
            return CommandResult.ok(s, s.creditCode() + " 统计人员 " + s.oldName() + " → " + s.newName() + "（"
                    + s.changeDate() + "）");
        }
    }

    @Component(service = Command.class, property = {Command.NAME + "=registry:training",
            Command.USAGE + "=registry:training --name PERSON (--unit CODE | --county C) --date D --course TEXT"
                    + " [--hours H] [--json]",
            Command.DESCRIPTION + "=records a statistician's training"})
    public static final class TrainingCmd extends Base {
        @Activate
        public TrainingCmd(@Reference Registry registry) {
            super(registry);
        }

        @Override
        public CommandResult execute(Args args) throws Exception {
            args.allow("name", "unit", "county", "date", "course", "hours");
            Double hours = args.option("hours").isPresent() ? args.number("hours", 0) : null;
            Registry.Training t = registry.addTraining(args.option("name").orElse(null),
                    args.option("unit").orElse(null), args.option("county").orElse(null),
                    args.option("date").orElse(null), args.option("course").orElse(null), hours);
            return CommandResult.ok(t, "培训记录 " + t.id() + "：" + t.personName() + " " + t.trainingDate() + " "
                    + t.course());
        }
    }

    @Component(service = Command.class, property = {Command.NAME + "=registry:coverage",
            Command.USAGE + "=registry:coverage [--year Y] [--city 620600] [--json]",
            Command.DESCRIPTION + "=training coverage of statisticians per county; new statisticians trained"
                    + " before taking their post"})
    public static final class CoverageCmd extends Base {
        @Activate
        public CoverageCmd(@Reference Registry registry) {
            super(registry);
        }

        @Override
        public CommandResult execute(Args args) throws Exception {
            args.allow("year", "city");
            int year = (int) args.integer("year", LocalDate.now().getYear());
            List<Registry.Coverage> rows = registry.coverage(year, args.option("city").orElse(null));
            StringBuilder t = new StringBuilder(year + " 年统计人员培训覆盖率");
            for (Registry.Coverage c : rows) {
                t.append('\n').append(c.countyCode()).append(' ').append(c.countyName()).append(": ")
                        .append(c.trained()).append('/').append(c.statisticians()).append("，新任 ")
                        .append(c.newTrainedBeforePost()).append('/').append(c.newStatisticians());
            }
            return CommandResult.ok(Map.of("year", year, "counties", rows), t.toString());
        }
    }
}
