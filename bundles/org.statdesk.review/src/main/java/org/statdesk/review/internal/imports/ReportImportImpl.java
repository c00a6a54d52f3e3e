package org.statdesk.review.internal.imports;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.audit.Journal;
import org.statdesk.api.command.InputError;
import org.statdesk.api.input.Inputs;
import org.statdesk.api.input.Periods;
import org.statdesk.api.input.TableFiles;
import org.statdesk.api.people.Scope;
import org.statdesk.api.registry.Register;
import org.statdesk.api.registry.Unit;
import org.statdesk.api.review.Indicator;
import org.statdesk.api.store.Store;
import org.statdesk.review.internal.FormSpec;
import org.statdesk.review.internal.Period;
import org.statdesk.review.internal.evaluation.Gate;
import org.statdesk.review.internal.forms.FormCatalogue;
import org.statdesk.review.internal.scope.ReviewScope;
import org.statdesk.review.internal.tables.FormSlotTable;
import org.statdesk.review.internal.tables.ReportTable;
import org.statdesk.review.internal.tables.ReviewMarkTable;
import org.statdesk.review.internal.tables.ReviewSchema;
import org.statdesk.review.internal.tables.Sql;

/**
 * Reads a report file, judges every figure (unit in the register, form of its specialty, period, indicator, a plain
 * number, a whole head count, the day of filing), then writes the reports in one transaction with their journal
 * entries. Nothing is written when anything is wrong.
 */
@Component(service = ReportImport.class)
public final class ReportImportImpl implements ReportImport {
    private static final int SLOTS = ReportTable.SLOTS;
    /** Head counts (从业人员) are whole numbers: an indicator counted in persons. */
    private static final String PERSONS = "人";
    private final Store store;
    private final Journal journal;
    private final Register register;
    private final FormCatalogue forms;
    private final ReviewScope scope;
    private final TableFiles tables;
    private final Gate gate;

    @Activate
    public ReportImportImpl(@Reference ReviewSchema schema, @Reference Journal journal, @Reference Register register,
            @Reference FormCatalogue forms, @Reference ReviewScope scope, @Reference TableFiles tables,
            @Reference Gate gate) {
        this.gate = gate;
        this.store = schema.store();
        this.journal = journal;
        this.register = register;
        this.forms = forms;
        this.scope = scope;
        this.tables = tables;
    }

    private record Key(String creditCode, String period) {
    }

    /** The figures of one report as read, by slot (NaN: not in the file), with the line of each. */
    private static final class Incoming {
        final FormSpec form;
        final double[] v = new double[SLOTS + 1];
        final int[] line = new int[SLOTS + 1];
        LocalDate reportedOn;

        Incoming(FormSpec form) {
            this.form = form;
            Arrays.fill(v, Double.NaN);
        }
    }

    @Override
    public ImportSummary importReports(byte[] data, String reason, LocalDate reportedOn) throws Exception {
        ErrorList errors = new ErrorList();
        ReportFile.Read read = ReportFile.read(data, List.copyOf(forms.bySpecialty().values()), errors);
        return importValues(read, errors, reason, reportedOn);
    }

    @Override
    public ImportSummary importFile(Path file, String sheet, String reason, LocalDate reportedOn) throws Exception {
        TableFiles.Kind kind;
        try (InputStream in = Files.newInputStream(file)) {
            kind = TableFiles.kind(in.readNBytes(8));
        }
        if (!kind.workbook()) {
            return importReports(Files.readAllBytes(file), reason, reportedOn);
        }
        ErrorList errors = new ErrorList();
        ReportFile.Read read = ReportFile.sheet(tables, file, sheet, List.copyOf(forms.bySpecialty().values()),
                errors);
        return importValues(read, errors, reason, reportedOn);
    }

    private ImportSummary importValues(ReportFile.Read read, ErrorList errors, String reason, LocalDate reportedOn)
            throws Exception {
        if (!errors.isEmpty()) {
            throw errors.failure("the file does not read");
        }
        List<ReportFile.Value> values = read.values();
        Map<String, FormSpec> bySpecialty = forms.bySpecialty();
        // every unit, so that a row of another county is refused as such, not as a unit unknown
        Map<String, Unit> units = scope.units(null);
        Scope mine = scope.scope();
        LocalDate today = LocalDate.now();
        return store.inTransaction(c -> {
            Map<String, Map<String, Integer>> slotsOf = new HashMap<>();
            for (FormSpec f : bySpecialty.values()) {
                slotsOf.put(f.code(), assignSlots(c, f));
            }
            Map<Key, Incoming> reports = new LinkedHashMap<>();
            Judge judge = new Judge(today, reportedOn);
            for (ReportFile.Value read1 : values) {
                ReportFile.Value v = read1.withPeriod(Periods.normalise(read1.period()));
                Unit u = units.get(v.creditCode());
                String outside = mine.isEverything() ? null : outside(mine, u, v.creditCode());
                if (outside != null) {
                    InputError last = errors.last();
                    if (last == null || last.line() != v.line() || !"credit_code".equals(last.field())) {
                        errors.add(new InputError(v.line(), "credit_code", Inputs.shown(v.creditCode()), outside));
                    }
                    continue;
                }
                if (u == null || !u.inRegister()) {
                    InputError last = errors.last();
                    if (last != null && last.line() == v.line() && "credit_code".equals(last.field())) {
                        continue; // a wide row: the unit is named once
                    }
                    errors.add(new InputError(v.line(), "credit_code", Inputs.shown(v.creditCode()),
                            u == null ? "单位不在名录库中（先进库、后有数）" : "单位未入库（状态 " + u.status() + "），不能报送数据"));
                    continue;
                }
                FormSpec f = bySpecialty.get(u.specialty());
                if (f == null) {
                    errors.add(new InputError(v.line(), "indicator", Inputs.shown(v.indicator()),
                            "单位专业 " + u.specialty() + " 没有已启用的报表"));
                    continue;
                }
                String periodError = judge.period(v.period());
                if (periodError != null) {
                    errors.add(new InputError(v.line(), "period", Inputs.shown(v.period()), periodError));
                    continue;
                }
                int at = f.indexOf(v.indicator());
                Integer slot = at < 0 ? null : slotsOf.get(f.code()).get(v.indicator());
                if (slot == null) {
                    errors.add(new InputError(v.line(), "indicator", Inputs.shown(v.indicator()),
                            "未知指标：报表 " + f.code() + "（" + f.specialty() + "）没有此指标"));
                    continue;
                }
                Indicator ind = f.indicators().get(at);
                double x;
                try {
                    x = PERSONS.equals(ind.unit()) ? Inputs.wholeNumber(v.value()) : Inputs.decimal(v.value());
                } catch (Inputs.InvalidValueException e) {
                    errors.add(new InputError(v.line(), v.indicator(), Inputs.shown(v.value()), Judge.why(e)));
                    continue;
                }
                LocalDate date;
                try {
                    date = judge.reportedOn(v.reportedOn(), v.period());
                } catch (Inputs.InvalidValueException e) {
                    errors.add(new InputError(v.line(), "reported_on", Inputs.shown(judge.dateText(v.reportedOn())),
                            Judge.dateWhy(e)));
                    continue;
                }
                Incoming in = reports.computeIfAbsent(new Key(v.creditCode(), v.period()), k -> new Incoming(f));
                if (!Double.isNaN(in.v[slot])) {
                    errors.add(new InputError(v.line(), v.indicator(), Inputs.shown(v.value()),
                            "同一单位、报告期、指标重复（已见于第 " + in.line[slot] + " 行）"));
                    continue;
                }
                in.v[slot] = x;
                in.line[slot] = v.line();
                in.reportedOn = in.reportedOn == null || date.isBefore(in.reportedOn) ? date : in.reportedOn;
            }
            if (!errors.isEmpty()) {
                throw errors.failure("nothing was imported");
            }
            return write(c, reports, slotsOf, reason, values.size()).withIgnored(read.ignoredColumns());
        });
    }

    /**
     * Why a row is outside the importer's scope, or null: a county user imports their county's units only (the
     * county from the register, or for a unit not in it from the credit code's 登记管理机关 code, digits 3-8, when
     * that is a county of the city), a section user their specialty's.
     */
    private String outside(Scope mine, Unit u, String code) {
        if (mine.county() != null) {
            String county = u != null ? u.countyCode() : countyOfCode(code, mine.county());
            if (county != null && !county.equals(mine.county())) {
                return "不是本县区（" + mine.county() + "）的单位（属 " + county + "）：县区账号只能导入本县区单位的报表";
            }
        }
        if (mine.specialty() != null && u != null && !mine.specialty().equals(u.specialty())) {
            return "不是本专业（" + mine.specialty() + "）的单位（" + u.specialty() + "）：专业科室只能导入本专业的报表";
        }
        return null;
    }

    /** The county of the city that a credit code's registration authority names (digits 3-8), or null. */
    private String countyOfCode(String code, String ownCounty) {
        if (code == null || code.length() != 18) {
            return null;
        }
        String area = code.substring(2, 8);
        boolean ofCity = area.startsWith(ownCounty.substring(0, 4)) && register.divisions().find(area)
                .filter(d -> "county".equals(d.level())).isPresent();
        return ofCity ? area : null;
    }

    /** Slot (1..16) of each indicator of a form, giving new indicators the next free slots (journaled). */
    private Map<String, Integer> assignSlots(Connection c, FormSpec f) throws SQLException {
        Map<String, Integer> slots = FormSlotTable.read(c, f.code());
        int max = slots.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        List<Map.Entry<String, Integer>> added = new ArrayList<>();
        for (Indicator i : f.indicators()) {
            if (!slots.containsKey(i.code())) {
                if (max >= SLOTS) {
                    throw new SQLException("form " + f.code() + " has used all " + SLOTS + " value columns");
                }
                slots.put(i.code(), ++max);
                added.add(new AbstractMap.SimpleEntry<>(i.code(), max));
            }
        }
        if (!added.isEmpty()) {
            FormSlotTable.insert(c, f.code(), added);
            for (Map.Entry<String, Integer> s : added) {
                journal.recordRow(c, FormSlotTable.NAME, FormSlotTable.key(f.code(), s.getKey()), "slot", null,
                        String.valueOf(s.getValue()), null);
            }
        }
        return slots;
    }

    private ImportSummary write(Connection c, Map<Key, Incoming> reports, Map<String, Map<String, Integer>> slotsOf,
            String reason, int nValues) throws SQLException {
        // what is there already, by period (a month's import reads one period: an index range on the key)
        Map<Key, double[]> old = new HashMap<>();
        Map<Key, Long> written = new HashMap<>();
        Set<String> periods = new HashSet<>();
        reports.keySet().forEach(k -> periods.add(k.period()));
        long writeNo = ReviewMarkTable.nextWriteNumber(store, c);
        Map<String, Long> upto = ReviewMarkTable.reviewedUpTo(c, periods);
        try (PreparedStatement ps = c.prepareStatement(ReportTable.SELECT_PERIOD)) {
            for (String p : periods) {
                ps.setString(1, p);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Key k = new Key(rs.getString(1), p);
                        Incoming in = reports.get(k);
                        if (in == null || !in.form.code().equals(rs.getString(2))) {
                            continue;
                        }
                        double[] v = new double[SLOTS + 1];
                        for (int i = 1; i <= SLOTS; i++) {
                            v[i] = Sql.getDouble(rs, 3 + i);
                        }
                        old.put(k, v);
                        written.put(k, rs.getLong(3));
                    }
                }
            }
        }
        ErrorList errors = new ErrorList();
        List<String> addedKeys = new ArrayList<>();
        List<String> changedKeys = new ArrayList<>();
        int unchanged = 0;
        int revisions = 0;
        List<String[]> revised = new ArrayList<>();
        Stamps stamped = new Stamps();
        List<Gate.Change> touched = new ArrayList<>();
        try (PreparedStatement ins = c.prepareStatement(ReportTable.INSERT);
                PreparedStatement upd = c.prepareStatement(ReportTable.UPDATE)) {
            int batch = 0;
            // written in key order (period, form, unit): each index then grows at one place instead of at random
            // pages all over it, which H2 rewrites page by page (province month: several seconds less)
            List<Map.Entry<Key, Incoming>> inKeyOrder = new ArrayList<>(reports.entrySet());
            inKeyOrder.sort(Comparator.comparing((Map.Entry<Key, Incoming> e) -> e.getKey().period())
                    .thenComparing(e -> e.getValue().form.code()).thenComparing(e -> e.getKey().creditCode()));
            for (Map.Entry<Key, Incoming> e : inKeyOrder) {
                Key k = e.getKey();
                Incoming in = e.getValue();
                String rowKey = ReportTable.key(k.period(), k.creditCode(), in.form.code());
                double[] before = old.get(k);
                if (before == null) {
                    ReportTable.bindInsert(ins, k.period(), k.creditCode(), in.form.code(), in.form.specialty(), in.v,
                            in.reportedOn, writeNo);
                    ins.addBatch();
                    if (++batch % 2000 == 0) {
                        ins.executeBatch();
                    }
                    addedKeys.add(rowKey);
                    stamped.add(k.period(), in.form.code());
                    touched.add(new Gate.Change(k.period(), in.form.specialty(), k.creditCode()));
                    continue;
                }
                double[] after = before.clone();
                List<Integer> diff = new ArrayList<>();
                for (int i = 1; i <= SLOTS; i++) {
                    if (!Double.isNaN(in.v[i]) && Double.compare(in.v[i], before[i]) != 0) {
                        after[i] = in.v[i];
                        diff.add(i);
                    }
                }
                if (diff.isEmpty()) {
                    unchanged++;
                    continue;
                }
                long was = written.get(k);
                boolean revision = was <= upto.getOrDefault(ReviewMarkTable.key(k.period(), in.form.code()), -1L);
                if (revision && (reason == null || reason.isBlank())) {
                    int i = diff.get(0);
                    errors.add(new InputError(in.line[i], indicatorOf(slotsOf.get(in.form.code()), i),
                            Sql.text(in.v[i]), "报告期 " + k.period() + " 已审核，修改数值（原值 " + Sql.text(before[i])
                                    + "）属于数据修正，须用 --reason 说明理由"));
                    continue;
                }
                // a revised report keeps its write number: it stays reviewed
                ReportTable.bindUpdate(upd, after, revision, revision ? was : writeNo, k.period(), k.creditCode(),
                        in.form.code());
                upd.addBatch();
                touched.add(new Gate.Change(k.period(), in.form.specialty(), k.creditCode()));
                if (revision) {
                    revisions++;
                    for (int i : diff) {
                        revised.add(new String[] {rowKey, indicatorOf(slotsOf.get(in.form.code()), i),
                                Sql.text(before[i]), Sql.text(after[i])});
                    }
                } else {
                    changedKeys.add(rowKey);
                    stamped.add(k.period(), in.form.code());
                }
            }
            if (!errors.isEmpty()) {
                throw new org.statdesk.api.command.BadInputException(errors.count()
                        + " revision(s) without a reason; nothing was imported", errors.listed());
            }
            ins.executeBatch();
            upd.executeBatch();
        }
        // the write number becomes the latest of each period and form where a row now carries it (added or
        // changed; a revision keeps the row's number): identical figures change nothing, the marks neither
        List<String> marks = ReviewMarkTable.markWritten(c, stamped.all, writeNo);
        // journaled after the rows are written (same transaction), so that each entry carries the new row's digest
        for (String[] r : revised) {
            journal.recordRow(c, ReportTable.NAME, r[0], r[1], r[2], r[3], reason);
        }
        if (!addedKeys.isEmpty()) {
            journal.recordRows(c, ReportTable.NAME, addedKeys, "import", reason);
        }
        if (!changedKeys.isEmpty()) {
            journal.recordRows(c, ReportTable.NAME, changedKeys, "import_update", reason);
        }
        if (!marks.isEmpty()) {
            journal.recordRows(c, ReviewMarkTable.NAME, marks, "import", reason);
        }
        // an evaluated or released month whose figures changed goes back to collecting (or, by the bureau's
        // setting, a released one refuses them: this transaction then rolls back)
        gate.changed(c, touched, reason);
        return new ImportSummary(nValues, reports.size(), addedKeys.size(), changedKeys.size() + revisions,
                unchanged, revisions);
    }

    /**
     * The (period, form) pairs whose rows now carry the import's write number. Rows come in key order, so a pair is
     * looked at once per run of its rows, not once per row.
     */
    private static final class Stamps {
        final Set<List<String>> all = new LinkedHashSet<>();
        private String period;
        private String form;

        void add(String p, String f) {
            if (!p.equals(period) || !f.equals(form)) {
                period = p;
                form = f;
                all.add(List.of(p, f));
            }
        }
    }

    private static String indicatorOf(Map<String, Integer> slots, int slot) {
        return slots.entrySet().stream().filter(e -> e.getValue() == slot).map(Map.Entry::getKey).findFirst()
                .orElse("v" + slot);
    }

    /**
     * Periods and days of filing judged once per distinct text (a province month repeats one period 700,000 times),
     * against today: a period from 2000-01 to next month, a filing day after its period ended and not in the future.
     */
    private static final class Judge {
        private final LocalDate today;
        private final String fallback;
        private final Map<String, String> periodErrors = new HashMap<>();
        private final Map<String, Map<String, Object>> dates = new HashMap<>(); // period -> day text -> judged

        Judge(LocalDate today, LocalDate fallback) {
            this.today = today;
            this.fallback = String.valueOf(fallback);
        }

        /** Why a period is refused, null when it is good. */
        String period(String p) {
            String why = periodErrors.get(p);
            if (why == null) {
                why = judgePeriod(p);
                periodErrors.put(p, why);
            }
            return why.isEmpty() ? null : why;
        }

        private String judgePeriod(String p) {
            if (!Period.valid(p)) {
                return "报告期应为 YYYY-MM";
            }
            try {
                Inputs.period(p, today);
                return "";
            } catch (Inputs.InvalidValueException e) {
                return "报告期应在 " + Inputs.FIRST_PERIOD + " 至下月之间（" + e.getMessage() + "）";
            }
        }

        String dateText(String s) {
            return s == null || s.isEmpty() ? fallback : s;
        }

        /** The day a report of {@code period} was filed: the row's, else the file's; refused when impossible. */
        LocalDate reportedOn(String s, String period) {
            String text = dateText(s);
            Map<String, Object> byDay = dates.get(period);
            if (byDay == null) {
                byDay = new HashMap<>();
                dates.put(period, byDay);
            }
            Object d = byDay.get(text);
            if (d == null) {
                try {
                    d = Inputs.reportedOn(text, YearMonth.parse(period), today);
                } catch (Inputs.InvalidValueException e) {
                    d = e;
                }
                byDay.put(text, d);
            }
            if (d instanceof Inputs.InvalidValueException e) {
                throw e;
            }
            return (LocalDate) d;
        }

        /** A refused figure in the bureau's words, with what Inputs says about it. */
        static String why(Inputs.InvalidValueException e) {
            String m = e.getMessage();
            if (m.startsWith("not a plain decimal") || m.startsWith("empty")) {
                return "不是数字";
            }
            if (m.startsWith("must be a whole number")) {
                return "人数应为整数（" + m + "）";
            }
            return "数值超出可用范围（" + m + "）";
        }

        static String dateWhy(Inputs.InvalidValueException e) {
            String m = e.getMessage();
            return m.startsWith("not a date") ? "上报日期应为 YYYY-MM-DD" : "上报日期不可能（" + m + "）";
        }
    }
}
