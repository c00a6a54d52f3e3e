package org.statdesk.registry.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.command.InputError;
import org.statdesk.api.input.Inputs;
import org.statdesk.api.registry.Divisions;
import org.statdesk.api.registry.Unit;
import org.statdesk.registry.internal.tables.UnitTable;

/**
 * The checks of a unit row: its fields (credit code, township, class and its standard, revenue, free text), then
 * duplicates of code and of name and address, the entry threshold and the organisation code's check digit.
 */
@Component(service = Checks.class)
public final class UnitChecks implements Checks {
    static final double NAME_THRESHOLD = 0.85;
    /** Free-text columns and the longest value each keeps (as the table's columns are sized). */
    private static final String[] TEXTS = {"qualification", "address", "statistician", "phone"};
    private static final int[] MAX = {200, 400, 100, 40};

    private final ReferenceData reference;
    private final NameMatcher names;

    @Activate
    public UnitChecks(@Reference ReferenceData reference) {
        this.reference = reference;
        this.names = new NameMatcher(reference.divisions().placeNames(), NAME_THRESHOLD);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @Override
    public Row.Parsed parse(int line, Function<String, String> get) {
        List<InputError> errors = new ArrayList<>();
        String code = get.apply("credit_code");
        code = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        String p = CreditCode.problem(code);
        if (p != null) {
            errors.add(new InputError(line, "credit_code", Inputs.shown(code), p));
        }
        String name = blankToNull(get.apply("name"));
        if (name == null) {
            errors.add(new InputError(line, "name", "", "单位名称为空"));
        } else {
            text(errors, line, "name", name, 400, "单位名称");
        }
        String division = get.apply("division_code");
        division = division == null ? "" : division.strip();
        if (!reference.divisions().isTownship(division)) {
            String why = division.isEmpty() ? "区划代码为空"
                    : !division.matches("\\d+") ? "区划代码只能是数字"
                    : division.length() == 6 ? "是县级代码，需要9位乡镇（街道）代码"
                    : division.length() == 12 ? "是村级代码，需要9位乡镇（街道）代码"
                    : division.length() != 9 ? "区划代码应为9位乡镇（街道）代码，实际为" + division.length() + "位"
                    : "不是区划表中的乡镇（街道）代码";
            errors.add(new InputError(line, "division_code", Inputs.shown(division), why));
        }
        String industry = get.apply("industry_code");
        Industries.Resolved ind = reference.industries().resolve(industry);
        EntryThresholds.Scope scope = null;
        if (ind.error() != null) {
            errors.add(new InputError(line, "industry_code", Inputs.shown(industry == null ? "" : industry.strip()),
                    ind.error()));
        } else {
            scope = reference.thresholds().scope(ind.code());
            if (scope == null) {
                errors.add(new InputError(line, "industry_code", industry.strip(), "行业 " + ind.code() + " "
                        + reference.industries().name(ind.code())
                        + " 不属于任何专业（农林牧渔、金融、公共管理等不在四上范围）"));
            }
        }
        Double revenue = revenue(errors, line, get.apply("revenue"));
        String scaleIn = get.apply("scale");
        String scale = scaleIn == null ? "" : scaleIn.strip().toLowerCase(Locale.ROOT);
        scale = switch (scale) {
            case "", "above", "四上" -> "above";
            case "below", "四下" -> "below";
            default -> null;
        };
        if (scale == null) {
            errors.add(new InputError(line, "scale", Inputs.shown(scaleIn.strip()),
                    "规模只能是 above（四上）或 below（四下），或留空（四上）"));
        }
        for (int i = 0; i < TEXTS.length; i++) {
            String v = get.apply(TEXTS[i]);
            if (v != null) {
                text(errors, line, TEXTS[i], v.strip(), MAX[i], null);
            }
        }
        if (!errors.isEmpty()) {
            return new Row.Parsed(null, errors);
        }
        return new Row.Parsed(new Row(line, code, name, division, ind.code(), scope.specialty(), scale, revenue,
                blankToNull(get.apply("qualification")), blankToNull(get.apply("address")),
                blankToNull(get.apply("statistician")), blankToNull(get.apply("phone"))), List.of());
    }

    /**
     * Free text: too long is said in a few words (never the value echoed back whole), control characters and
     * bidirectional overrides are refused. Text that looks like a formula ({@code =...}, {@code +86 931 ...}) is
     * accepted: lists neutralise it when they are written.
     */
    private static void text(List<InputError> errors, int line, String field, String v, int max, String what) {
        if (v.length() > max) {
            errors.add(new InputError(line, field, Inputs.shown(v), (what == null ? "" : what) + "超过" + max + "字"));
            return;
        }
        try {
            Inputs.text(v, max);
        } catch (Inputs.InvalidValueException e) {
            errors.add(new InputError(line, field, Inputs.shown(v), (what == null ? "" : what)
                    + "含控制字符或双向文字控制符，不能导入（" + e.getMessage() + "）"));
        }
    }

    /** Last year's revenue in 千元: a plain decimal (no NaN, hex, suffixes, separators), 0 ≤ revenue < 1e15. */
    private static Double revenue(List<InputError> errors, int line, String in) {
        String rev = in == null ? "" : in.strip();
        if (rev.isEmpty()) {
            errors.add(new InputError(line, "revenue", rev, "上年营业收入为空（千元）"));
            return null;
        }
        double revenue;
        try {
            revenue = Inputs.decimal(rev);
        } catch (Inputs.InvalidValueException e) {
            errors.add(new InputError(line, "revenue", Inputs.shown(rev), e.getMessage().startsWith("out of range")
                    ? "上年营业收入超出范围" : "上年营业收入不是数字（只能是普通小数，如 12345.6）"));
            return null;
        }
        if (revenue < 0) {
            errors.add(new InputError(line, "revenue", rev, "上年营业收入不能为负数"));
        } else if (revenue >= 1e15) {
            errors.add(new InputError(line, "revenue", rev, "上年营业收入超出范围"));
        }
        return revenue;
    }

    @Override
    public List<Finding> check(Connection c, List<Row> rows, List<String> appIds) throws SQLException {
        List<UnitTable.Live> existing = UnitTable.live(c, new HashSet<>(appIds));
        Map<String, UnitTable.Live> byCode = new HashMap<>();
        for (UnitTable.Live l : existing) {
            UnitTable.Live prev = byCode.get(l.code());
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
            UnitTable.Live other = byCode.get(r.creditCode());
            if (other != null) {
                String where = other.status().equals(Unit.IN_REGISTER) ? "已在名录库中"
                        : !other.county().equals(r.countyCode()) ? "已由其他县区（" + countyName(other.county()) + "）申请入库"
                        : !other.specialty().equals(r.specialty()) ? "已由其他专业（" + other.specialty() + "）申请入库"
                        : "已有一份入库申请";
                f.add(new Finding(id, r.creditCode(), "duplicate_code", "error", "统一社会信用代码 " + r.creditCode()
                        + where + "（" + other.name() + "，申请号 " + other.appId() + "）", other.appId(), null));
            } else {
                byCode.put(r.creditCode(), new UnitTable.Live(id, r.creditCode(), r.name(), r.address(),
                        r.countyCode(), r.specialty(), Application.APPLIED));
            }
            if (r.scale().equals("above")) {
                String shortfall = reference.thresholds().scope(r.industryCode()).shortfall(r.revenue(),
                        r.qualification());
                if (shortfall != null) {
                    f.add(new Finding(id, r.creditCode(), "below_threshold", "error", shortfall, null, null));
                }
            }
            if (!CreditCode.orgCodeValid(r.creditCode())) {
                f.add(new Finding(id, r.creditCode(), "org_code_check", "warning", "统一社会信用代码第9-17位（组织机构代码 "
                        + r.creditCode().substring(8, 17) + "）的校验位不符（GB 11714）", null, null));
            }
        }
        similarNames(existing, rows, appIds, perRow);
        for (int i = 0; i < rows.size(); i++) {
            out.addAll(perRow.get(i));
        }
        return out;
    }

    /**
     * Near-identical names are looked for within a county (blocking, as a county bureau keeps its part of the
     * register): a chain's shops in two counties are different units; one unit applied for by two counties shows as
     * duplicate_code.
     */
    private void similarNames(List<UnitTable.Live> existing, List<Row> rows, List<String> appIds,
            Map<Integer, List<Finding>> perRow) {
        Map<String, List<NameMatcher.Item>> byCounty = new HashMap<>();
        Map<String, List<Integer>> rowOf = new HashMap<>(); // per county: -1 for an existing unit, else the row
        for (UnitTable.Live l : existing) {
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
    }

    private static Finding similar(NameMatcher.Item self, NameMatcher.Item other, NameMatcher.Match m) {
        return new Finding(self.id(), self.code(), "possible_duplicate", "warning", "名称与“" + other.name()
                + "”（代码 " + other.code() + "）近似，疑似重复入库：名称相似度 " + m.nameSimilarity() + "，地址相似度 "
                + m.addressSimilarity() + "，综合得分 " + m.score(), other.id(), m.score());
    }

    private String countyName(String county) {
        return reference.divisions().find(county).map(Divisions.Division::name).orElse(county) + " " + county;
    }
}
