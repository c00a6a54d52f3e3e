package org.statdesk.registry.internal;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.audit.AuditedTable;
import org.statdesk.api.audit.Journal;
import org.statdesk.api.command.BadInputException;
import org.statdesk.api.command.InputError;
import org.statdesk.api.registry.Divisions;
import org.statdesk.api.registry.Register;
import org.statdesk.api.registry.Sampler;
import org.statdesk.api.registry.Unit;
import org.statdesk.api.registry.UnitQuery;
import org.statdesk.api.store.Store;

/**
 * The register of survey units: import, lifecycle (apply → county check → specialty check → in register; change;
 * exit), checks and findings, statisticians, spot-check lists. Every write runs in one transaction with its
 * journal entries.
 */
@Component(service = {Register.class, Registry.class}, immediate = true)
public final class Registry implements Register {
    static final String BUNDLE = "org.statdesk.registry";
    static final String APPLIED = "applied";
    static final String COUNTY_CHECKED = "county_checked";
    static final String REJECTED = "rejected";
    static final String EXITED = "exited";
    static final List<String> EXIT_KINDS = List.of("closed", "cancelled", "below_threshold", "merged");
    static final double NAME_THRESHOLD = 0.85;

    static final List<String> UNIT_COLUMNS = List.of("credit_code", "name", "division_code", "county_code",
            "industry_code", "specialty", "scale", "revenue", "qualification", "address", "statistician", "phone",
            "status", "status_reason", "exit_kind", "opened", "closed");

    /** The tables this bundle guards with the audit trail. */
    public static final List<AuditedTable> AUDITED = List.of(
            table("reg_unit", "app_id", UNIT_COLUMNS),
            table("reg_finding", "app_id || '/finding/' || CAST(id AS VARCHAR(20))", List.of("app_id",
                    "credit_code", "check_id", "severity", "message", "other_code", "resolved_by",
                    "resolved_reason")),
            table("reg_staff_change", "credit_code || '/staff/' || CAST(id AS VARCHAR(20))", List.of("credit_code",
                    "old_name", "new_name", "new_phone", "change_date", "handover", "reason")),
            table("reg_training", "'training/' || CAST(id AS VARCHAR(20))", List.of("person_name", "credit_code",
                    "county_code", "training_date", "course", "hours")));

    private final Store store;
    private final Journal journal;
    private final Sampler sampler;
    private final DivisionsImpl divisions = DivisionsImpl.load();
    private final Industries industries = Industries.load();
    private final NameMatcher names = new NameMatcher(divisions.placeNames(), NAME_THRESHOLD);
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();

    static AuditedTable table(String name, String key, List<String> columns) {
        return new AuditedTable() {
            @Override
            public String table() {
                return name;
            }

            @Override
            public String keyExpression() {
                return key;
            }

            @Override
            public List<String> columns() {
                return columns;
            }
        };
    }

    @Activate
    public Registry(@Reference Store store, @Reference Journal journal, @Reference Sampler sampler,
            BundleContext ctx) throws SQLException {
        this(store, journal, sampler);
        store.migrate(ctx.getBundle());
        for (AuditedTable t : AUDITED) {
            registrations.add(ctx.registerService(AuditedTable.class, t, null));
        }
    }

    /** For tests: the schema exists and the audited tables are known to the journal. */
    public Registry(Store store, Journal journal, Sampler sampler) {
        this.store = store;
        this.journal = journal;
        this.sampler = sampler;
    }

    @Deactivate
    void deactivate() {
        for (ServiceRegistration<?> r : registrations) {
            try {
                r.unregister();
            } catch (IllegalStateException gone) {
                // already unregistered with the bundle
            }
        }
    }

    // ---------------------------------------------------------------- rows and their validation

    /** A valid unit row as entered. */
    record Row(int line, String creditCode, String name, String divisionCode, String industryCode,
            String specialty, String scale, Double revenue, String qualification, String address,
            String statistician, String phone) {
        String countyCode() {
            return divisionCode.substring(0, 6);
        }
    }

    record Parsed(Row row, List<InputError> errors) {
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Characters a revenue may hold; compiled once rather than for every row. */
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("[-+]?[0-9.eE+-]+");

    /** Validates one row's fields: every row error is listed with line, field and value. */
    Parsed parse(int line, Function<String, String> get) {
        List<InputError> errors = new ArrayList<>();
        String code = get.apply("credit_code");
        code = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        String p = CreditCode.problem(code);
        if (p != null) {
            errors.add(new InputError(line, "credit_code", code, p));
        }
        String name = blankToNull(get.apply("name"));
        if (name == null) {
            errors.add(new InputError(line, "name", "", "单位名称为空"));
        } else if (name.length() > 400) {
            errors.add(new InputError(line, "name", name, "单位名称超过400字"));
        }
        String division = get.apply("division_code");
        division = division == null ? "" : division.strip();
        if (!divisions.isTownship(division)) {
            String why = division.isEmpty() ? "区划代码为空"
                    : !division.matches("\\d+") ? "区划代码只能是数字"
                    : division.length() == 6 ? "是县级代码，需要9位乡镇（街道）代码"
                    : division.length() == 12 ? "是村级代码，需要9位乡镇（街道）代码"
                    : division.length() != 9 ? "区划代码应为9位乡镇（街道）代码，实际为" + division.length() + "位"
                    : "不是区划表中的乡镇（街道）代码";
            errors.add(new InputError(line, "division_code", division, why));
        }
        String industry = get.apply("industry_code");
        Industries.Resolved ind = industries.resolve(industry);
        Industries.Scope scope = null;
        if (ind.error() != null) {
            errors.add(new InputError(line, "industry_code", industry == null ? "" : industry.strip(), ind.error()));
        } else {
            scope = Industries.scope(ind.code());
            if (scope == null) {
                errors.add(new InputError(line, "industry_code", industry.strip(), "行业 " + ind.code() + " "
                        + industries.name(ind.code()) + " 不属于任何专业（农林牧渔、金融、公共管理等不在四上范围）"));
            }
        }
        String rev = get.apply("revenue");
        rev = rev == null ? "" : rev.strip();
        Double revenue = null;
        if (rev.isEmpty()) {
            errors.add(new InputError(line, "revenue", rev, "上年营业收入为空（千元）"));
        } else {
            try {
                revenue = Double.parseDouble(rev.replace(",", ""));
                if (revenue.isNaN() || revenue.isInfinite() || !NUMBER.matcher(rev.replace(",", "")).matches()) {
                    throw new NumberFormatException(rev);
                }
                if (revenue < 0) {
                    errors.add(new InputError(line, "revenue", rev, "上年营业收入不能为负数"));
                } else if (revenue >= 1e15) {
                    errors.add(new InputError(line, "revenue", rev, "上年营业收入超出范围"));
                }
            } catch (NumberFormatException e) {
                errors.add(new InputError(line, "revenue", rev, "上年营业收入不是数字"));
            }
        }
        String scaleIn = get.apply("scale");
        String scale = scaleIn == null ? "" : scaleIn.strip().toLowerCase(Locale.ROOT);
        scale = switch (scale) {
            case "", "above", "四上" -> "above";
            case "below", "四下" -> "below";
            default -> null;
        };
        if (scale == null) {
            errors.add(new InputError(line, "scale", scaleIn.strip(), "规模只能是 above（四上）或 below（四下），或留空（四上）"));
        }
        String[] texts = {"qualification", "address", "statistician", "phone"};
        int[] max = {200, 400, 100, 40};
        for (int i = 0; i < texts.length; i++) {
            String v = get.apply(texts[i]);
            if (v != null && v.strip().length() > max[i]) {
                errors.add(new InputError(line, texts[i], v, "超过" + max[i] + "字"));
            }
        }
        if (!errors.isEmpty()) {
            return new Parsed(null, errors);
        }
        return new Parsed(new Row(line, code, name, division, ind.code(), scope.specialty(), scale, revenue,
                blankToNull(get.apply("qualification")), blankToNull(get.apply("address")),
                blankToNull(get.apply("statistician")), blankToNull(get.apply("phone"))), List.of());
    }

    // ---------------------------------------------------------------- checks

    /** A finding of a check on a valid row (核查发现). */
    public record Finding(String appId, String creditCode, String check, String severity, String message,
            String otherCode, Double score) {
        boolean error() {
            return "error".equals(severity);
        }
    }

    private record Live(String appId, String code, String name, String address, String county, String specialty,
            String status) {
    }

    private static List<Live> live(Connection c, java.util.Set<String> except) throws SQLException {
        List<Live> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT app_id, credit_code, name,"
                + " address, county_code, specialty, status FROM reg_unit WHERE status NOT IN ('rejected', 'exited')")) {
            while (rs.next()) {
                if (!except.contains(rs.getString(1))) {
                    out.add(new Live(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7)));
                }
            }
        }
        return out;
    }

    /** Checks rows (with their app ids) against the live register and each other; findings in row order. */
    List<Finding> check(Connection c, List<Row> rows, List<String> appIds) throws SQLException {
        List<Live> existing = live(c, new java.util.HashSet<>(appIds));
        Map<String, Live> byCode = new HashMap<>();
        for (Live l : existing) {
            Live prev = byCode.get(l.code());
            if (prev == null || l.status().equals(Unit.IN_REGISTER)) {
                byCode.put(l.code(), l);
            }
        }
        List<Finding> out = new ArrayList<>();
        Map<Integer, List<Finding>> perRow = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            String id = appIds.get(i);
            List<Finding> f = perRow.computeIfAbsent(i, k -> new ArrayList<>());
            Live other = byCode.get(r.creditCode());
            if (other != null) {
                String where = other.status().equals(Unit.IN_REGISTER) ? "已在名录库中"
                        : !other.county().equals(r.countyCode()) ? "已由其他县区（" + countyName(other.county()) + "）申请入库"
                        : !other.specialty().equals(r.specialty()) ? "已由其他专业（" + other.specialty() + "）申请入库"
                        : "已有一份入库申请";
                f.add(new Finding(id, r.creditCode(), "duplicate_code", "error", "统一社会信用代码 " + r.creditCode()
                        + where + "（" + other.name() + "，申请号 " + other.appId() + "）", other.appId(), null));
            } else {
                byCode.put(r.creditCode(), new Live(id, r.creditCode(), r.name(), r.address(), r.countyCode(),
                        r.specialty(), APPLIED));
            }
            if (r.scale().equals("above")) {
                String shortfall = Industries.scope(r.industryCode()).shortfall(r.revenue(), r.qualification());
                if (shortfall != null) {
                    f.add(new Finding(id, r.creditCode(), "below_threshold", "error", shortfall, null, null));
                }
            }
            if (!CreditCode.orgCodeValid(r.creditCode())) {
                f.add(new Finding(id, r.creditCode(), "org_code_check", "warning", "统一社会信用代码第9-17位（组织机构代码 "
                        + r.creditCode().substring(8, 17) + "）的校验位不符（GB 11714）", null, null));
            }
        }
        // Near-identical names are looked for within a county (blocking, as a county bureau keeps its part of
        // the register): a chain's shops in two counties are different units; one unit applied for by two counties
        // shows as duplicate_code.
        Map<String, List<NameMatcher.Item>> byCounty = new HashMap<>();
        Map<String, List<Integer>> rowOf = new HashMap<>(); // per county: -1 for an existing unit, else the row
        for (Live l : existing) {
            byCounty.computeIfAbsent(l.county(), k -> new ArrayList<>())
                    .add(new NameMatcher.Item(l.appId(), l.code(), l.name(), l.address(), false));
            rowOf.computeIfAbsent(l.county(), k -> new ArrayList<>()).add(-1);
        }
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            byCounty.computeIfAbsent(r.countyCode(), k -> new ArrayList<>())
                    .add(new NameMatcher.Item(appIds.get(i), r.creditCode(), r.name(), r.address(), true));
            rowOf.computeIfAbsent(r.countyCode(), k -> new ArrayList<>()).add(i);
        }
        // Counties are independent blocks and matches() only reads its input: they are matched in parallel (the
        // bulk of an import's checks), then applied in the map's order, so findings come out as if matched in turn.
        List<Map.Entry<String, List<NameMatcher.Item>>> blocks = new ArrayList<>(byCounty.entrySet());
        List<List<NameMatcher.Match>> matched = blocks.parallelStream().map(e -> names.matches(e.getValue()))
                .toList();
        for (int bi = 0; bi < blocks.size(); bi++) {
            Map.Entry<String, List<NameMatcher.Item>> e = blocks.get(bi);
            List<NameMatcher.Item> items = e.getValue();
            List<Integer> rowIndex = rowOf.get(e.getKey());
            for (NameMatcher.Match m : matched.get(bi)) {
                NameMatcher.Item a = items.get(m.a());
                NameMatcher.Item b = items.get(m.b());
                if (rowIndex.get(m.a()) >= 0) {
                    perRow.get(rowIndex.get(m.a())).add(similar(a, b, m));
                }
                if (rowIndex.get(m.b()) >= 0) {
                    perRow.get(rowIndex.get(m.b())).add(similar(b, a, m));
                }
            }
        }
        for (int i = 0; i < rows.size(); i++) {
            out.addAll(perRow.get(i));
        }
        return out;
    }

    private static Finding similar(NameMatcher.Item self, NameMatcher.Item other, NameMatcher.Match m) {
        return new Finding(self.id(), self.code(), "possible_duplicate", "warning", "名称与“" + other.name()
                + "”（代码 " + other.code() + "）近似，疑似重复入库：名称相似度 " + m.nameSimilarity() + "，地址相似度 "
                + m.addressSimilarity() + "，综合得分 " + m.score(), other.id(), m.score());
    }

    String countyName(String county) {
        return divisions.find(county).map(Divisions.Division::name).orElse(county) + " " + county;
    }

    static String fmt(Double d) {
        if (d == null) {
            return "（空）";
        }
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    // ---------------------------------------------------------------- import

    public record FindingView(String creditCode, String check, String severity, String message) {
    }

    public record ImportResult(String file, String encoding, int imported, int admitted, int applied,
            List<FindingView> findings) {
    }

    public ImportResult importFile(Path file, boolean admit) throws Exception {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException("没有这个文件：" + file, List.of(new InputError(0, "file", file.toString(),
                    "文件不存在")));
        }
        Timer timer = new Timer();
        RegisterCsv.Content content = RegisterCsv.read(Files.readAllBytes(file));
        timer.lap("read");
        List<InputError> errors = new ArrayList<>(content.errors());
        List<Row> rows = new ArrayList<>(content.records().size());
        // Rows are validated in parallel (parse only reads the reference tables), then gathered in file order.
        List<Parsed> parsed = content.records().parallelStream().map(rec -> parse(rec.line(), rec.values()::get))
                .toList();
        for (Parsed p : parsed) {
            if (p.row() != null) {
                rows.add(p.row());
            }
            errors.addAll(p.errors());
        }
        timer.lap("validate");
        if (!errors.isEmpty()) {
            throw new BadInputException(file.getFileName() + "：" + errors.size() + " 处错误，未导入任何记录", errors);
        }
        if (rows.isEmpty()) {
            throw new BadInputException(file.getFileName() + "：没有数据行", List.of(new InputError(1, null, null,
                    "文件只有表头，没有数据行")));
        }
        String reason = (admit ? "名录库首次导入并入库：" : "名录库导入申请：") + file.getFileName();
        ImportResult result = store.inTransaction(c -> {
            List<String> ids = appIds(c, rows);
            List<Finding> findings = check(c, rows, ids);
            timer.lap("check");
            java.util.Set<String> blocked = new java.util.HashSet<>();
            for (Finding f : findings) {
                if (f.error()) {
                    blocked.add(f.appId());
                }
            }
            String today = LocalDate.now().toString();
            List<String> admitted = new ArrayList<>();
            List<String> applied = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(insertUnit())) {
                int batch = 0;
                for (int i = 0; i < rows.size(); i++) {
                    boolean in = admit && !blocked.contains(ids.get(i));
                    bindUnit(ps, ids.get(i), rows.get(i), in ? Unit.IN_REGISTER : APPLIED, in ? today : null);
                    (in ? admitted : applied).add(ids.get(i));
                    ps.addBatch();
                    if (++batch % 2000 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            timer.lap("insert units");
            List<String> findingKeys = insertFindings(c, findings);
            timer.lap("insert findings");
            // One entry per unit; whether it was admitted is in its digest (status) and in the reason.
            journal.recordRows(c, "reg_unit", ids, admit ? "import_admit" : "import", reason);
            journal.recordRows(c, "reg_finding", findingKeys, "check", reason);
            timer.lap("journal");
            List<FindingView> views = findings.stream()
                    .map(f -> new FindingView(f.creditCode(), f.check(), f.severity(), f.message())).toList();
            return new ImportResult(file.toString(), content.encoding(), rows.size(), admitted.size(),
                    applied.size(), views);
        });
        timer.lap("commit");
        return result;
    }

    /** Phase times on stderr when the system property statdesk.timing is set (benchmarks). */
    static final class Timer {
        private final boolean on = Boolean.getBoolean("statdesk.timing");
        private long t = System.nanoTime();

        void lap(String what) {
            if (on) {
                long now = System.nanoTime();
                System.err.printf("  %-16s %6d ms%n", what, (now - t) / 1_000_000);
                t = now;
            }
        }
    }

    /** App ids for new rows: the code itself for its first application, then code/2, code/3 ... */
    private static List<String> appIds(Connection c, List<Row> rows) throws SQLException {
        Map<String, Integer> count = new HashMap<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT credit_code, COUNT(*) FROM reg_unit GROUP BY credit_code")) {
            while (rs.next()) {
                count.put(rs.getString(1), rs.getInt(2));
            }
        }
        List<String> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            int n = count.merge(r.creditCode(), 1, Integer::sum);
            out.add(n == 1 ? r.creditCode() : r.creditCode() + "/" + n);
        }
        return out;
    }

    private static String insertUnit() {
        return "INSERT INTO reg_unit (app_id, credit_code, name, division_code, county_code, industry_code,"
                + " specialty, scale, revenue, qualification, address, statistician, phone, status, opened)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    }

    private static void bindUnit(PreparedStatement ps, String id, Row r, String status, String opened)
            throws SQLException {
        ps.setString(1, id);
        ps.setString(2, r.creditCode());
        ps.setString(3, r.name());
        ps.setString(4, r.divisionCode());
        ps.setString(5, r.countyCode());
        ps.setString(6, r.industryCode());
        ps.setString(7, r.specialty());
        ps.setString(8, r.scale());
        if (r.revenue() == null) {
            ps.setNull(9, Types.DECIMAL);
        } else {
            ps.setBigDecimal(9, BigDecimal.valueOf(r.revenue()).setScale(3, java.math.RoundingMode.HALF_UP));
        }
        ps.setString(10, r.qualification());
        ps.setString(11, r.address());
        ps.setString(12, r.statistician());
        ps.setString(13, r.phone());
        ps.setString(14, status);
        ps.setString(15, opened);
    }

    /** Inserts findings; returns their audit keys (app_id/finding/id). */
    private static List<String> insertFindings(Connection c, List<Finding> findings) throws SQLException {
        List<String> keys = new ArrayList<>(findings.size());
        if (findings.isEmpty()) {
            return keys;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO reg_finding (app_id, credit_code, check_id,"
                + " severity, message, other_code, score) VALUES (?, ?, ?, ?, ?, ?, ?)", new String[] {"ID"})) {
            for (Finding f : findings) {
                ps.setString(1, f.appId());
                ps.setString(2, f.creditCode());
                ps.setString(3, f.check());
                ps.setString(4, f.severity());
                ps.setString(5, f.message());
                ps.setString(6, f.otherCode());
                if (f.score() == null) {
                    ps.setNull(7, Types.DOUBLE);
                } else {
                    ps.setDouble(7, f.score());
                }
                ps.addBatch();
            }
            ps.executeBatch();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                int i = 0;
                while (rs.next()) {
                    keys.add(findings.get(i++).appId() + "/finding/" + rs.getLong(1));
                }
            }
        }
        if (keys.size() != findings.size()) {
            throw new SQLException("the database returned " + keys.size() + " keys for " + findings.size()
                    + " findings");
        }
        return keys;
    }

    // ---------------------------------------------------------------- reading

    private static final String UNIT_SELECT = "SELECT app_id, credit_code, name, division_code, county_code,"
            + " industry_code, specialty, scale, revenue, qualification, address, statistician, phone, status,"
            + " opened, closed, status_reason, exit_kind FROM reg_unit";

    private static Unit unit(ResultSet rs) throws SQLException {
        BigDecimal rev = rs.getBigDecimal(9);
        return new Unit(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getString(8), rev == null ? 0 : rev.doubleValue(), rs.getString(10),
                rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14), rs.getString(15),
                rs.getString(16));
    }

    /** An application as stored: the unit, its app id and the reason and kind of its last status change. */
    public record Application(String appId, Unit unit, String statusReason, String exitKind) {
    }

    private static Application application(ResultSet rs) throws SQLException {
        return new Application(rs.getString(1), unit(rs), rs.getString(17), rs.getString(18));
    }

    /** All applications of a credit code (or the one app id given), in-register and live ones first. */
    public List<Application> applications(String codeOrAppId) throws SQLException {
        String code = codeOrAppId.strip().toUpperCase(Locale.ROOT);
        boolean byApp = code.contains("/");
        List<Application> out = new ArrayList<>();
        try (Connection c = store.connection(); PreparedStatement ps = c.prepareStatement(UNIT_SELECT
                + (byApp ? " WHERE app_id = ?" : " WHERE credit_code = ?") + " ORDER BY app_id")) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(application(rs));
                }
            }
        }
        out.sort((a, b) -> Integer.compare(rank(a.unit().status()), rank(b.unit().status())));
        return out;
    }

    private static int rank(String status) {
        return switch (status) {
            case Unit.IN_REGISTER -> 0;
            case COUNTY_CHECKED, APPLIED -> 1;
            default -> 2;
        };
    }

    /** The one live application that a command names, or bad input saying why there is none or several. */
    Application target(String codeOrAppId) throws SQLException {
        List<Application> apps = applications(codeOrAppId);
        if (apps.isEmpty()) {
            throw new BadInputException("名录库中没有 " + codeOrAppId, List.of(InputError.of("credit_code",
                    codeOrAppId, "名录库中没有这个单位或申请")));
        }
        if (codeOrAppId.contains("/")) {
            return apps.get(0);
        }
        List<Application> live = apps.stream().filter(a -> rank(a.unit().status()) < 2).toList();
        // A bare code names the unit in the register, else its first application while that is pending.
        Optional<Application> preferred = live.stream().filter(a -> a.unit().inRegister()).findFirst()
                .or(() -> live.stream().filter(a -> a.appId().equals(a.unit().creditCode())).findFirst());
        if (preferred.isPresent()) {
            return preferred.get();
        }
        if (live.size() > 1) {
            throw new BadInputException(codeOrAppId + " 有多份有效申请", List.of(InputError.of("credit_code",
                    codeOrAppId, "有多份有效申请，请用申请号指明：" + String.join("、", live.stream()
                            .map(Application::appId).toList()))));
        }
        return live.isEmpty() ? apps.get(0) : live.get(0);
    }

    @Override
    public Optional<Unit> find(String creditCode) {
        try {
            List<Application> apps = applications(creditCode);
            return apps.isEmpty() ? Optional.empty() : Optional.of(apps.get(0).unit());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<Unit> list(UnitQuery q) {
        StringBuilder sql = new StringBuilder(UNIT_SELECT).append(" WHERE 1 = 1");
        List<String> params = new ArrayList<>();
        if (q.county() != null) {
            sql.append(" AND county_code = ?");
            params.add(q.county());
        }
        if (q.specialty() != null) {
            sql.append(" AND specialty = ?");
            params.add(q.specialty());
        }
        if (q.status() != null) {
            sql.append(" AND status = ?");
            params.add(q.status());
        }
        if (q.scale() != null) {
            sql.append(" AND scale = ?");
            params.add(q.scale());
        }
        if (q.text() != null) {
            sql.append(" AND name LIKE ?");
            params.add("%" + q.text() + "%");
        }
        sql.append(" ORDER BY app_id");
        List<Unit> out = new ArrayList<>();
        try (Connection c = store.connection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                ps.setString(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(unit(rs));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    @Override
    public Divisions divisions() {
        return divisions;
    }

    public record StoredFinding(long id, String appId, String creditCode, String check, String severity,
            String message, String otherCode, Double score, boolean resolved, String resolvedBy,
            String resolvedReason) {
    }

    public List<StoredFinding> findings(String appId, String check, boolean openOnly) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT id, app_id, credit_code, check_id, severity, message, other_code,"
                + " score, resolved_by, resolved_reason FROM reg_finding WHERE 1 = 1");
        List<String> params = new ArrayList<>();
        if (appId != null) {
            sql.append(" AND app_id = ?");
            params.add(appId);
        }
        if (check != null) {
            sql.append(" AND check_id = ?");
            params.add(check);
        }
        if (openOnly) {
            sql.append(" AND resolved_by IS NULL");
        }
        sql.append(" ORDER BY id");
        List<StoredFinding> out = new ArrayList<>();
        try (Connection c = store.connection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                ps.setString(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    double score = rs.getDouble(8);
                    out.add(new StoredFinding(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.wasNull() ? null : score,
                            rs.getString(9) != null, rs.getString(9), rs.getString(10)));
                }
            }
        }
        return out;
    }

    public List<Journal.Entry> history(String code) throws SQLException {
        return journal.history(code.contains("/") ? code.substring(0, code.indexOf('/')) : code, null);
    }

    // ---------------------------------------------------------------- lifecycle

    static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new BadInputException("每一步都要写明理由：--reason", List.of(InputError.of("reason", "",
                    "理由为空：名录库的每次变更都要说明理由")));
        }
        return reason.strip();
    }

    /** registry:apply: a new application from typed fields (line 0), checked like an imported row. */
    public Application apply(Map<String, String> fields, String reason) throws Exception {
        String why = requireReason(reason);
        Parsed p = parse(0, fields::get);
        if (!p.errors().isEmpty()) {
            throw new BadInputException("申请有 " + p.errors().size() + " 处错误，未保存", p.errors());
        }
        String id = store.inTransaction(c -> {
            List<String> ids = appIds(c, List.of(p.row()));
            List<Finding> findings = check(c, List.of(p.row()), ids);
            try (PreparedStatement ps = c.prepareStatement(insertUnit())) {
                bindUnit(ps, ids.get(0), p.row(), APPLIED, null);
                ps.executeUpdate();
            }
            List<String> keys = insertFindings(c, findings);
            journal.recordRow(c, "reg_unit", ids.get(0), "status", null, APPLIED, why);
            journal.recordRows(c, "reg_finding", keys, "check", why);
            return ids.get(0);
        });
        return target(id);
    }

    /** Thrown when open error-level findings block a step: exit 1 with the findings. */
    public static final class Blocked extends Exception {
        private static final long serialVersionUID = 1L;
        final transient List<StoredFinding> findings;

        Blocked(String message, List<StoredFinding> findings) {
            super(message);
            this.findings = findings;
        }
    }

    /** registry:approve: applied → county_checked (县级核查), county_checked → in_register (专业核查). */
    public Application approve(String codeOrApp, String reason) throws Exception {
        String why = requireReason(reason);
        Application a = target(codeOrApp);
        String from = a.unit().status();
        String to = switch (from) {
            case APPLIED -> COUNTY_CHECKED;
            case COUNTY_CHECKED -> Unit.IN_REGISTER;
            default -> throw new BadInputException(a.appId() + " 的状态是 " + from + "，不能审核通过",
                    List.of(InputError.of("credit_code", codeOrApp, "状态为 " + from + " 的单位没有待审核的申请")));
        };
        List<StoredFinding> open = findings(a.appId(), null, true).stream().filter(f -> f.severity().equals("error"))
                .toList();
        if (!open.isEmpty()) {
            throw new Blocked(a.appId() + " 有 " + open.size() + " 个未解决的错误级核查发现，不能通过", open);
        }
        store.inTransaction(c -> {
            update(c, a.appId(), "UPDATE reg_unit SET status = ?, status_reason = ?"
                    + (to.equals(Unit.IN_REGISTER) ? ", opened = ?" : "") + " WHERE app_id = ?",
                    to.equals(Unit.IN_REGISTER) ? new String[] {to, why, LocalDate.now().toString()}
                            : new String[] {to, why});
            journal.recordRow(c, "reg_unit", a.appId(), "status", from, to, why);
            return null;
        });
        return target(a.appId());
    }

    /** registry:reject: the application is kept with its reason. */
    public Application reject(String codeOrApp, String reason) throws Exception {
        String why = requireReason(reason);
        Application a = target(codeOrApp);
        String from = a.unit().status();
        if (!from.equals(APPLIED) && !from.equals(COUNTY_CHECKED)) {
            throw new BadInputException(a.appId() + " 不是待审核的申请", List.of(InputError.of("credit_code", codeOrApp,
                    "状态为 " + from + "，只有待审核的申请可以退回")));
        }
        store.inTransaction(c -> {
            update(c, a.appId(), "UPDATE reg_unit SET status = ?, status_reason = ? WHERE app_id = ?",
                    new String[] {REJECTED, why});
            journal.recordRow(c, "reg_unit", a.appId(), "status", from, REJECTED, why);
            return null;
        });
        return target(a.appId());
    }

    private static void update(Connection c, String appId, String sql, String[] values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setString(i + 1, values[i]);
            }
            ps.setString(values.length + 1, appId);
            if (ps.executeUpdate() != 1) {
                throw new SQLException("no unit " + appId);
            }
        }
    }

    /** registry:exit: closed, cancelled, below threshold or merged; the row stays with its kind and date. */
    public Application exit(String codeOrApp, String kind, String date, String reason) throws Exception {
        String why = requireReason(reason);
        if (kind == null || !EXIT_KINDS.contains(kind)) {
            throw new BadInputException("退出类型不对", List.of(InputError.of("kind", kind,
                    "退出类型只能是 " + String.join("、", EXIT_KINDS))));
        }
        String day = date(date, "date");
        Application a = target(codeOrApp);
        if (!a.unit().inRegister()) {
            throw new BadInputException(a.appId() + " 不在库中", List.of(InputError.of("credit_code", codeOrApp,
                    "状态为 " + a.unit().status() + "，只有在库单位可以退出")));
        }
        store.inTransaction(c -> {
            update(c, a.appId(), "UPDATE reg_unit SET status = ?, status_reason = ?, exit_kind = ?, closed = ?"
                    + " WHERE app_id = ?", new String[] {EXITED, why, kind, day});
            journal.recordRow(c, "reg_unit", a.appId(), "status", Unit.IN_REGISTER, EXITED + ":" + kind, why);
            return null;
        });
        return target(a.appId());
    }

    static String date(String s, String field) {
        if (s == null || s.isBlank()) {
            return LocalDate.now().toString();
        }
        try {
            return LocalDate.parse(s.strip()).toString();
        } catch (DateTimeParseException e) {
            throw new BadInputException("日期格式错误", List.of(InputError.of(field, s, "日期格式应为 YYYY-MM-DD")));
        }
    }

    /** Fields that registry:change may set, by option name. */
    static final List<String> CHANGEABLE = List.of("name", "address", "industry", "scale", "revenue",
            "qualification", "division", "phone");

    /**
     * registry:change: changes fields (a statistician change goes through {@link #changeStatistician}); the
     * changed unit is checked again, its open findings of the re-run checks replaced.
     */
    public Application change(String codeOrApp, Map<String, String> changes, String reason) throws Exception {
        String why = requireReason(reason);
        if (changes.isEmpty()) {
            throw new BadInputException("没有要变更的字段", List.of(InputError.of(null, null,
                    "请给出要变更的字段：--" + String.join(" / --", CHANGEABLE))));
        }
        Application a = target(codeOrApp);
        if (a.unit().status().equals(REJECTED) || a.unit().status().equals(EXITED)) {
            throw new BadInputException(a.appId() + " 已" + a.unit().status(), List.of(InputError.of("credit_code",
                    codeOrApp, "已退回或已退出的单位不能变更")));
        }
        Unit u = a.unit();
        Map<String, String> now = new HashMap<>();
        now.put("credit_code", u.creditCode());
        now.put("name", u.name());
        now.put("division_code", u.divisionCode());
        now.put("industry_code", u.industryCode());
        now.put("revenue", fmt(u.revenue()));
        now.put("qualification", u.qualification());
        now.put("address", u.address());
        now.put("statistician", u.statistician());
        now.put("phone", u.phone());
        now.put("scale", u.scale());
        Map<String, String> after = new HashMap<>(now);
        for (Map.Entry<String, String> e : changes.entrySet()) {
            String col = switch (e.getKey()) {
                case "industry" -> "industry_code";
                case "division" -> "division_code";
                default -> e.getKey();
            };
            after.put(col, e.getValue());
        }
        Parsed p = parse(0, after::get);
        if (!p.errors().isEmpty()) {
            throw new BadInputException("变更有 " + p.errors().size() + " 处错误，未保存", p.errors());
        }
        Row r = p.row();
        store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE reg_unit SET name = ?, division_code = ?,"
                    + " county_code = ?, industry_code = ?, specialty = ?, scale = ?, revenue = ?, qualification = ?,"
                    + " address = ?, phone = ? WHERE app_id = ?")) {
                ps.setString(1, r.name());
                ps.setString(2, r.divisionCode());
                ps.setString(3, r.countyCode());
                ps.setString(4, r.industryCode());
                ps.setString(5, r.specialty());
                ps.setString(6, r.scale());
                ps.setBigDecimal(7, BigDecimal.valueOf(r.revenue()).setScale(3, java.math.RoundingMode.HALF_UP));
                ps.setString(8, r.qualification());
                ps.setString(9, r.address());
                ps.setString(10, r.phone());
                ps.setString(11, a.appId());
                ps.executeUpdate();
            }
            Map<String, String[]> diff = new LinkedHashMap<>();
            diff(diff, "name", u.name(), r.name());
            diff(diff, "division_code", u.divisionCode(), r.divisionCode());
            diff(diff, "industry_code", u.industryCode(), r.industryCode());
            diff(diff, "specialty", u.specialty(), r.specialty());
            diff(diff, "scale", u.scale(), r.scale());
            diff(diff, "revenue", fmt(u.revenue()), fmt(r.revenue()));
            diff(diff, "qualification", u.qualification(), r.qualification());
            diff(diff, "address", u.address(), r.address());
            diff(diff, "phone", u.phone(), r.phone());
            for (Map.Entry<String, String[]> d : diff.entrySet()) {
                journal.recordRow(c, "reg_unit", a.appId(), d.getKey(), d.getValue()[0], d.getValue()[1], why);
            }
            recheck(c, a.appId(), r, why);
            return null;
        });
        return target(a.appId());
    }

    private static void diff(Map<String, String[]> out, String field, String before, String after) {
        if (!java.util.Objects.equals(before, after)) {
            out.put(field, new String[] {before, after});
        }
    }

    /** Re-runs the checks of one unit: open findings that no longer hold are resolved, new ones added. */
    private void recheck(Connection c, String appId, Row r, String why) throws Exception {
        List<Finding> fresh = check(c, List.of(r), List.of(appId));
        List<StoredFinding> open = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, check_id, message FROM reg_finding"
                + " WHERE app_id = ? AND resolved_by IS NULL")) {
            ps.setString(1, appId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    open.add(new StoredFinding(rs.getLong(1), appId, r.creditCode(), rs.getString(2), null,
                            rs.getString(3), null, null, false, null, null));
                }
            }
        }
        List<Finding> added = new ArrayList<>();
        for (Finding f : fresh) {
            if (open.stream().noneMatch(o -> o.check().equals(f.check()) && o.message().equals(f.message()))) {
                added.add(f);
            }
        }
        for (StoredFinding o : open) {
            if (fresh.stream().noneMatch(f -> f.check().equals(o.check()) && f.message().equals(o.message()))) {
                resolve(c, o.id(), appId, "系统（变更后复核不再成立）", why);
            }
        }
        journal.recordRows(c, "reg_finding", insertFindings(c, added), "check", why);
    }

    private void resolve(Connection c, long id, String appId, String by, String why) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE reg_finding SET resolved_by = ?, resolved_reason = ?"
                + " WHERE id = ?")) {
            ps.setString(1, by);
            ps.setString(2, why);
            ps.setLong(3, id);
            ps.executeUpdate();
        }
        journal.recordRow(c, "reg_finding", appId + "/finding/" + id, "resolved_by", null, by, why);
    }

    /** registry:resolve: a user confirms that a finding does not hold (e.g. a duplicate name of another unit). */
    public List<StoredFinding> resolveFinding(String codeOrApp, String check, String reason) throws Exception {
        String why = requireReason(reason);
        Application a = target(codeOrApp);
        List<StoredFinding> open = findings(a.appId(), check, true);
        if (open.isEmpty()) {
            throw new BadInputException("没有未解决的核查发现", List.of(InputError.of("check", check,
                    a.appId() + " 没有未解决的 " + check)));
        }
        String user = journal.currentUser();
        store.inTransaction(c -> {
            for (StoredFinding f : open) {
                resolve(c, f.id(), a.appId(), user, why);
            }
            return null;
        });
        return findings(a.appId(), check, false);
    }

    // ---------------------------------------------------------------- statisticians and training

    public record StaffChange(long id, String creditCode, String oldName, String newName, String newPhone,
            String changeDate, String handover, String reason) {
    }

    /** 变动报备: the unit's statistician changes from a date, with the handover of original records and ledgers. */
    public StaffChange changeStatistician(String codeOrApp, String newName, String phone, String date,
            String handover, String reason) throws Exception {
        String why = requireReason(reason);
        List<InputError> errors = new ArrayList<>();
        if (newName == null || newName.isBlank()) {
            errors.add(InputError.of("name", "", "新统计人员姓名为空"));
        }
        if (handover == null || handover.isBlank()) {
            errors.add(InputError.of("handover", "", "须说明原始记录、台账的交接情况"));
        }
        if (!errors.isEmpty()) {
            throw new BadInputException("统计人员变动报备不完整", errors);
        }
        String day = date(date, "date");
        Application a = target(codeOrApp);
        Unit u = a.unit();
        String newPhone = phone == null || phone.isBlank() ? u.phone() : phone.strip();
        return store.inTransaction(c -> {
            update(c, a.appId(), "UPDATE reg_unit SET statistician = ?, phone = ? WHERE app_id = ?",
                    new String[] {newName.strip(), newPhone});
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO reg_staff_change (credit_code, old_name,"
                    + " new_name, new_phone, change_date, handover, reason) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    new String[] {"ID"})) {
                ps.setString(1, u.creditCode());
                ps.setString(2, u.statistician());
                ps.setString(3, newName.strip());
                ps.setString(4, newPhone);
                ps.setString(5, day);
                ps.setString(6, handover.strip());
                ps.setString(7, why);
                ps.executeUpdate();
                try (ResultSet rs = ps.getGeneratedKeys()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            journal.recordRow(c, "reg_unit", a.appId(), "statistician", u.statistician(), newName.strip(), why);
            journal.recordRow(c, "reg_staff_change", u.creditCode() + "/staff/" + id, "*", null, "report", why);
            return new StaffChange(id, u.creditCode(), u.statistician(), newName.strip(), newPhone, day,
                    handover.strip(), why);
        });
    }

    public record Training(long id, String personName, String creditCode, String countyCode, String trainingDate,
            String course, Double hours) {
    }

    public Training addTraining(String person, String codeOrApp, String county, String date, String course,
            Double hours) throws Exception {
        List<InputError> errors = new ArrayList<>();
        if (person == null || person.isBlank()) {
            errors.add(InputError.of("name", "", "参训人员姓名为空"));
        }
        if (course == null || course.isBlank()) {
            errors.add(InputError.of("course", "", "培训内容为空"));
        }
        if (date == null || date.isBlank()) {
            errors.add(InputError.of("date", "", "培训日期为空"));
        }
        if (!errors.isEmpty()) {
            throw new BadInputException("培训记录不完整", errors);
        }
        String day = date(date, "date");
        String code = null;
        String cty = county;
        if (codeOrApp != null) {
            Application a = target(codeOrApp);
            code = a.unit().creditCode();
            cty = a.unit().countyCode();
        }
        if (cty == null || divisions.find(cty).filter(d -> d.level().equals("county")).isEmpty()) {
            throw new BadInputException("需要单位代码或县区代码", List.of(InputError.of("county", cty,
                    "不是区划表中的县区代码；或用 --unit 指定单位")));
        }
        String c0 = code;
        String cty0 = cty;
        return store.inTransaction(c -> {
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO reg_training (person_name, credit_code,"
                    + " county_code, training_date, course, hours) VALUES (?, ?, ?, ?, ?, ?)", new String[] {"ID"})) {
                ps.setString(1, person.strip());
                ps.setString(2, c0);
                ps.setString(3, cty0);
                ps.setString(4, day);
                ps.setString(5, course.strip());
                if (hours == null) {
                    ps.setNull(6, Types.DOUBLE);
                } else {
                    ps.setDouble(6, hours);
                }
                ps.executeUpdate();
                try (ResultSet rs = ps.getGeneratedKeys()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            journal.recordRow(c, "reg_training", "training/" + id, "*", null, "add", "培训记录：" + course.strip());
            return new Training(id, person.strip(), c0, cty0, day, course.strip(), hours);
        });
    }

    public record Coverage(String countyCode, String countyName, int statisticians, int trained, Double coverage,
            int newStatisticians, int newTrainedBeforePost, Double newCoverage) {
    }

    /**
     * Training coverage per county for a year: statisticians of in-register units trained that year; and the
     * statisticians who took their post that year (变动报备) trained on or before that day, within the year before.
     */
    public List<Coverage> coverage(int year, String city) throws SQLException {
        record T(String person, String code, String county, LocalDate date) {
        }
        List<T> trainings = new ArrayList<>();
        Map<String, String[]> staff = new java.util.TreeMap<>(); // code → {county, statistician}
        List<String[]> changes = new ArrayList<>();
        try (Connection c = store.connection(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT person_name, credit_code, county_code, training_date FROM"
                    + " reg_training")) {
                while (rs.next()) {
                    trainings.add(new T(rs.getString(1), rs.getString(2), rs.getString(3),
                            LocalDate.parse(rs.getString(4))));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT credit_code, county_code, statistician FROM reg_unit"
                    + " WHERE status = 'in_register' AND statistician IS NOT NULL")) {
                while (rs.next()) {
                    staff.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT credit_code, new_name, change_date FROM reg_staff_change")) {
                while (rs.next()) {
                    changes.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                }
            }
        }
        // A training counts for a person of a unit when it names the unit, or names no unit but the unit's county.
        java.util.function.BiPredicate<T, String[]> mine = (t, who) -> t.person().equals(who[1])
                && (who[2].equals(t.code()) || (t.code() == null && who[0].equals(t.county())));
        Map<String, int[]> counts = new java.util.TreeMap<>();
        for (Map.Entry<String, String[]> e : staff.entrySet()) {
            String[] who = {e.getValue()[0], e.getValue()[1], e.getKey()};
            if (city != null && !who[0].startsWith(city)) {
                continue;
            }
            int[] k = counts.computeIfAbsent(who[0], x -> new int[4]);
            k[0]++;
            if (trainings.stream().anyMatch(t -> t.date().getYear() == year && mine.test(t, who))) {
                k[1]++;
            }
        }
        for (String[] ch : changes) {
            LocalDate day = LocalDate.parse(ch[2]);
            String[] unit = staff.get(ch[0]);
            if (day.getYear() != year || unit == null || (city != null && !unit[0].startsWith(city))) {
                continue;
            }
            String[] who = {unit[0], ch[1], ch[0]};
            int[] k = counts.computeIfAbsent(unit[0], x -> new int[4]);
            k[2]++;
            if (trainings.stream().anyMatch(t -> !t.date().isAfter(day) && t.date().isAfter(day.minusYears(1))
                    && mine.test(t, who))) {
                k[3]++;
            }
        }
        List<Coverage> out = new ArrayList<>();
        counts.forEach((county, k) -> out.add(new Coverage(county, divisions.find(county)
                .map(Divisions.Division::name).orElse(null), k[0], k[1], share(k[1], k[0]), k[2], k[3],
                share(k[3], k[2]))));
        return out;
    }

    private static Double share(int part, int whole) {
        return whole == 0 ? null : Math.round(10000.0 * part / whole) / 10000.0;
    }

    // ---------------------------------------------------------------- spot checks

    public record SpotCheck(String drawId, long seed, double share, int populationSize, int sampleSize,
            String populationHash, String algorithm, String filter, List<String> units) {
    }

    /** A seeded, recorded draw of in-register units for field verification (实地核查). */
    public SpotCheck spotcheck(double share, Long seed, UnitQuery filter, String reason) throws Exception {
        if (!(share > 0 && share <= 1)) {
            throw new BadInputException("抽查比例不对", List.of(InputError.of("share", Double.toString(share),
                    "抽查比例应大于0且不超过1")));
        }
        UnitQuery q = new UnitQuery(filter.county(), filter.specialty(), Unit.IN_REGISTER, filter.scale(), null);
        List<String> population = list(q).stream().map(Unit::creditCode).distinct().toList();
        if (population.isEmpty()) {
            throw new BadInputException("没有可抽查的在库单位", List.of(InputError.of(null, null, "符合条件的在库单位为0")));
        }
        int size = (int) Math.ceil(share * population.size() - 1e-9);
        long s = seed == null ? sampler.newSeed() : seed;
        Sampler.Sample sample = sampler.sample(population, size, s);
        String filterText = "county=" + q.county() + ";specialty=" + q.specialty() + ";scale=" + q.scale();
        String why = reason == null || reason.isBlank() ? "实地核查抽查" : reason.strip();
        return store.inTransaction(c -> {
            String drawId = "SC-" + LocalDate.now().toString().replace("-", "") + "-" + nextDraw(c);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO reg_spotcheck (draw_id, drawn_at, drawn_by,"
                    + " seed, share, filter_text, population_size, population_hash, algorithm)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, drawId);
                ps.setString(2, java.time.OffsetDateTime.now().toString());
                ps.setString(3, journal.currentUser());
                ps.setLong(4, s);
                ps.setDouble(5, share);
                ps.setString(6, filterText);
                ps.setInt(7, population.size());
                ps.setString(8, sample.populationHash());
                ps.setString(9, sample.algorithm());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO reg_spotcheck_unit (draw_id, ordinal,"
                    + " credit_code) VALUES (?, ?, ?)")) {
                for (int i = 0; i < sample.members().size(); i++) {
                    ps.setString(1, drawId);
                    ps.setInt(2, i + 1);
                    ps.setString(3, sample.members().get(i));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            // The journal entry carries everything needed to redo the draw and compare.
            journal.record(c, new Journal.Change(BUNDLE, "reg_spotcheck", drawId, "draw", null, "seed=" + s
                    + ";share=" + share + ";" + filterText + ";population=" + population.size() + ";population_hash="
                    + sample.populationHash() + ";algorithm=" + sample.algorithm() + ";sample_hash="
                    + sampler.populationHash(sample.members()) + ";size=" + sample.members().size(), why));
            return new SpotCheck(drawId, s, share, population.size(), sample.members().size(),
                    sample.populationHash(), sample.algorithm(), filterText, sample.members());
        });
    }

    private static int nextDraw(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM reg_spotcheck")) {
            rs.next();
            return rs.getInt(1) + 1;
        }
    }
}
