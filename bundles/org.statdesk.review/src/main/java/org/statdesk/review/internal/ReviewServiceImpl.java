package org.statdesk.review.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.statdesk.api.audit.Journal;
import org.statdesk.api.command.BadInputException;
import org.statdesk.api.command.InputError;
import org.statdesk.api.registry.Register;
import org.statdesk.api.registry.Unit;
import org.statdesk.api.registry.UnitQuery;
import org.statdesk.api.review.Flag;
import org.statdesk.api.review.Indicator;
import org.statdesk.api.review.ReportForm;
import org.statdesk.api.review.ReviewService;
import org.statdesk.api.store.Store;

/**
 * The review of monthly reports: tracks the report forms that specialties contribute (whiteboard), imports
 * reports, runs the review in memory over arrays ({@link Engine}), keeps flags and their workflow, rates,
 * aggregates and the period status. Every change is journaled on the same connection.
 */
@Component(service = {ReviewService.class, ReviewServiceImpl.class}, configurationPid = "org.statdesk.review",
        immediate = true)
@Designate(ocd = ReviewConfig.class)
public final class ReviewServiceImpl implements ReviewService {
    static final String BUNDLE = "org.statdesk.review";
    static final int SLOTS = 16;
    static final List<String> STATUSES = List.of("collecting", "reviewed", "evaluated", "released");

    private final Store store;
    private final Journal journal;
    private final Register register;
    private volatile Settings settings;
    private final List<ReportForm> forms = new CopyOnWriteArrayList<>();
    private final Map<ReportForm, FormSpec> specs = new ConcurrentHashMap<>();

    @Activate
    public ReviewServiceImpl(@Reference Store store, @Reference Journal journal, @Reference Register register,
            ReviewConfig config, BundleContext ctx) throws SQLException {
        this(store, journal, register, settingsOf(config));
        store.migrate(ctx.getBundle());
        for (org.statdesk.api.audit.AuditedTable t : ReviewTables.ALL) {
            registrations.add(ctx.registerService(org.statdesk.api.audit.AuditedTable.class, t, null));
        }
    }

    private final List<org.osgi.framework.ServiceRegistration<?>> registrations = new ArrayList<>();

    @org.osgi.service.component.annotations.Deactivate
    void deactivate() {
        for (org.osgi.framework.ServiceRegistration<?> r : registrations) {
            try {
                r.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the framework unregisters a stopping bundle's services itself
            }
        }
    }

    /** For tests and the benchmark: the schema is already there. */
    public ReviewServiceImpl(Store store, Journal journal, Register register, Settings settings) {
        this.store = store;
        this.journal = journal;
        this.register = register;
        this.settings = settings;
    }

    @Modified
    void modified(ReviewConfig config) {
        settings = settingsOf(config);
    }

    private static Settings settingsOf(ReviewConfig c) {
        return new Settings(c.hbU(), c.hbA(), c.hbC(), c.minStratum(), c.momBand(), c.yoyBand(), c.slipTolerance(),
                c.slipHistory());
    }

    public Settings settings() {
        return settings;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addForm(ReportForm form) {
        forms.add(form);
    }

    public void removeForm(ReportForm form) {
        forms.remove(form);
        specs.remove(form);
    }

    @Override
    public List<ReportForm> forms() {
        return List.copyOf(forms);
    }

    /** The compiled forms now enabled; a rules file that does not read is a failure naming the form. */
    public List<FormSpec> specs() {
        List<FormSpec> out = new ArrayList<>();
        for (ReportForm f : forms) {
            out.add(specs.computeIfAbsent(f, ReviewServiceImpl::compile));
        }
        return out;
    }

    static FormSpec compile(ReportForm f) {
        List<RuleSet.Compiled> rules;
        try (InputStream in = f.rules().openStream()) {
            rules = RuleSet.read(in, f.indicators());
        } catch (IOException e) {
            throw new IllegalStateException("the rules of form " + f.code() + " do not read: " + e.getMessage(), e);
        }
        if (f.indicators().size() > SLOTS) {
            throw new IllegalStateException("form " + f.code() + " has more than " + SLOTS + " indicators");
        }
        return new FormSpec(f.code(), f.title(), f.specialty(), List.copyOf(f.indicators()),
                List.copyOf(f.comparedIndicators()), rules, List.copyOf(f.stratification()), f.deadlineDay());
    }

    private Map<String, FormSpec> bySpecialty() {
        Map<String, FormSpec> out = new LinkedHashMap<>();
        for (FormSpec f : specs()) {
            out.putIfAbsent(f.specialty(), f);
        }
        return out;
    }

    private List<FormSpec> selected(String specialty) {
        List<FormSpec> out = new ArrayList<>();
        for (FormSpec f : specs()) {
            if (specialty == null || f.specialty().equals(specialty)) {
                out.add(f);
            }
        }
        if (specialty != null && out.isEmpty()) {
            throw new BadInputException("no enabled report form for specialty '" + specialty + "'");
        }
        return out;
    }

    // ---- slots ---------------------------------------------------------------------------------------------

    /** Slot (1..16) of each indicator of a form, assigning new ones; slots of a form are never reused. */
    static Map<String, Integer> slots(Connection c, FormSpec f, boolean assign) throws SQLException {
        Map<String, Integer> out = new HashMap<>();
        int max = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT indicator, slot FROM rev_form_slot WHERE form = ?")) {
            ps.setString(1, f.code());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getInt(2));
                    max = Math.max(max, rs.getInt(2));
                }
            }
        }
        if (assign) {
            for (Indicator i : f.indicators()) {
                if (!out.containsKey(i.code())) {
                    if (max >= SLOTS) {
                        throw new SQLException("form " + f.code() + " has used all " + SLOTS + " value columns");
                    }
                    try (PreparedStatement ps = c.prepareStatement(
                            "INSERT INTO rev_form_slot (form, indicator, slot) VALUES (?, ?, ?)")) {
                        ps.setString(1, f.code());
                        ps.setString(2, i.code());
                        ps.setInt(3, ++max);
                        ps.executeUpdate();
                    }
                    out.put(i.code(), max);
                }
            }
        }
        return out;
    }

    private static String valueColumns() {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= SLOTS; i++) {
            b.append(i > 1 ? ", " : "").append('v').append(i);
        }
        return b.toString();
    }

    // ---- import --------------------------------------------------------------------------------------------

    /** What an import did. */
    public record ImportSummary(int values, int reports, int added, int changed, int unchanged, int revisions) {
    }

    private record Key(String creditCode, String period) {
    }

    private static final class Incoming {
        final FormSpec form;
        final double[] v = new double[SLOTS + 1];
        final int[] line = new int[SLOTS + 1];
        LocalDate reportedOn;

        Incoming(FormSpec form) {
            this.form = form;
            java.util.Arrays.fill(v, Double.NaN);
        }
    }

    /**
     * Imports a report file all-or-nothing. A changed figure of a report already reviewed is a revision: refused
     * without a reason, journaled with it. Identical figures change nothing.
     */
    public ImportSummary importReports(byte[] data, String reason, LocalDate defaultDate) throws Exception {
        List<InputError> errors = new ArrayList<>();
        List<ReportFile.Value> values = ReportFile.read(data, errors);
        if (!errors.isEmpty()) {
            throw new BadInputException("the file does not read", errors);
        }
        Map<String, FormSpec> forms = bySpecialty();
        Map<String, Unit> units = new HashMap<>();
        for (Unit u : register.list(UnitQuery.all())) {
            units.put(u.creditCode(), u);
        }
        return store.inTransaction(c -> {
            Map<String, Map<String, Integer>> slotsOf = new HashMap<>();
            for (FormSpec f : forms.values()) {
                slotsOf.put(f.code(), slots(c, f, true));
            }
            Map<Key, Incoming> reports = new LinkedHashMap<>();
            for (ReportFile.Value v : values) {
                if (errors.size() >= 200) {
                    break; // enough to fix the file; the rest would repeat
                }
                Unit u = units.get(v.creditCode());
                if (u == null || !u.inRegister()) {
                    if (!errors.isEmpty() && errors.get(errors.size() - 1).line() == v.line()
                            && "credit_code".equals(errors.get(errors.size() - 1).field())) {
                        continue; // a wide row: the unit is named once
                    }
                    errors.add(new InputError(v.line(), "credit_code", v.creditCode(),
                            u == null ? "单位不在名录库中（先进库、后有数）" : "单位未入库（状态 " + u.status() + "），不能报送数据"));
                    continue;
                }
                FormSpec f = forms.get(u.specialty());
                if (f == null) {
                    errors.add(new InputError(v.line(), "indicator", v.indicator(),
                            "单位专业 " + u.specialty() + " 没有已启用的报表"));
                    continue;
                }
                if (!Period.valid(v.period())) {
                    errors.add(new InputError(v.line(), "period", v.period(), "报告期应为 YYYY-MM"));
                    continue;
                }
                Integer slot = f.indexOf(v.indicator()) < 0 ? null : slotsOf.get(f.code()).get(v.indicator());
                if (slot == null) {
                    errors.add(new InputError(v.line(), "indicator", v.indicator(),
                            "未知指标：报表 " + f.code() + "（" + f.specialty() + "）没有此指标"));
                    continue;
                }
                double x;
                try {
                    x = Double.parseDouble(v.value());
                    if (Double.isNaN(x) || Double.isInfinite(x)) {
                        throw new NumberFormatException();
                    }
                } catch (NumberFormatException | NullPointerException e) {
                    errors.add(new InputError(v.line(), v.indicator(), v.value(), "不是数字"));
                    continue;
                }
                LocalDate date = defaultDate;
                if (v.reportedOn() != null && !v.reportedOn().isEmpty()) {
                    try {
                        date = LocalDate.parse(v.reportedOn());
                    } catch (DateTimeParseException e) {
                        errors.add(new InputError(v.line(), "reported_on", v.reportedOn(), "上报日期应为 YYYY-MM-DD"));
                        continue;
                    }
                }
                Incoming in = reports.computeIfAbsent(new Key(v.creditCode(), v.period()), k -> new Incoming(f));
                if (!Double.isNaN(in.v[slot])) {
                    errors.add(new InputError(v.line(), v.indicator(), v.value(),
                            "同一单位、报告期、指标重复（已见于第 " + in.line[slot] + " 行）"));
                    continue;
                }
                in.v[slot] = x;
                in.line[slot] = v.line();
                in.reportedOn = in.reportedOn == null || date.isBefore(in.reportedOn) ? date : in.reportedOn;
            }
            if (!errors.isEmpty()) {
                throw new BadInputException(errors.size() + " error(s) in the file; nothing was imported", errors);
            }
            return write(c, reports, slotsOf, reason, values.size(), errors);
        });
    }

    private ImportSummary write(Connection c, Map<Key, Incoming> reports, Map<String, Map<String, Integer>> slotsOf,
            String reason, int nValues, List<InputError> errors) throws SQLException {
        // what is there already, by period (a month's import reads one period: an index range on the key)
        Map<Key, double[]> old = new HashMap<>();
        Map<Key, Long> written = new HashMap<>();
        Set<String> periods = new HashSet<>();
        reports.keySet().forEach(k -> periods.add(k.period()));
        long writeNo = nextWriteNumber(c);
        Map<String, Long> upto = reviewMarks(c, periods);
        try (PreparedStatement ps = c.prepareStatement("SELECT credit_code, form, written, " + valueColumns()
                + " FROM rev_report WHERE period = ?")) {
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
                            double x = rs.getDouble(3 + i);
                            v[i] = rs.wasNull() ? Double.NaN : x;
                        }
                        old.put(k, v);
                        written.put(k, rs.getLong(3));
                    }
                }
            }
        }
        List<String> addedKeys = new ArrayList<>();
        List<String> changedKeys = new ArrayList<>();
        int unchanged = 0;
        int revisions = 0;
        List<String[]> revised = new ArrayList<>();
        String cols = valueColumns();
        String marks = String.join(", ", Collections.nCopies(SLOTS, "?"));
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO rev_report (period, credit_code, form, specialty, "
                + cols + ", reported_on, written, revisions) VALUES (?, ?, ?, ?, " + marks + ", ?, ?, 0)");
                PreparedStatement upd = c.prepareStatement("UPDATE rev_report SET " + setClause()
                        + ", revisions = revisions + ?, written = ? WHERE period = ? AND credit_code = ? AND form = ?")) {
            int batch = 0;
            // written in key order (period, form, unit): each index then grows at one place instead of at random
            // pages all over it, which H2 rewrites page by page (province month: several seconds less)
            List<Map.Entry<Key, Incoming>> inKeyOrder = new ArrayList<>(reports.entrySet());
            inKeyOrder.sort(Comparator.comparing((Map.Entry<Key, Incoming> e) -> e.getKey().period())
                    .thenComparing(e -> e.getValue().form.code()).thenComparing(e -> e.getKey().creditCode()));
            for (Map.Entry<Key, Incoming> e : inKeyOrder) {
                Key k = e.getKey();
                Incoming in = e.getValue();
                double[] before = old.get(k);
                if (before == null) {
                    ins.setString(1, k.period());
                    ins.setString(2, k.creditCode());
                    ins.setString(3, in.form.code());
                    ins.setString(4, in.form.specialty());
                    for (int i = 1; i <= SLOTS; i++) {
                        setDouble(ins, 4 + i, in.v[i]);
                    }
                    ins.setDate(5 + SLOTS, Date.valueOf(in.reportedOn));
                    ins.setLong(6 + SLOTS, writeNo);
                    ins.addBatch();
                    if (++batch % 2000 == 0) {
                        ins.executeBatch();
                    }
                    addedKeys.add(key(k, in.form));
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
                boolean revision = was <= upto.getOrDefault(k.period() + "/" + in.form.code(), -1L);
                if (revision && (reason == null || reason.isBlank())) {
                    int i = diff.get(0);
                    errors.add(new InputError(in.line[i], indicatorOf(slotsOf.get(in.form.code()), i),
                            fmt(in.v[i]), "报告期 " + k.period() + " 已审核，修改数值（原值 " + fmt(before[i])
                                    + "）属于数据修正，须用 --reason 说明理由"));
                    continue;
                }
                for (int i = 1; i <= SLOTS; i++) {
                    setDouble(upd, i, after[i]);
                }
                upd.setInt(SLOTS + 1, revision ? 1 : 0);
                upd.setLong(SLOTS + 2, revision ? was : writeNo); // a revised report stays reviewed
                upd.setString(SLOTS + 3, k.period());
                upd.setString(SLOTS + 4, k.creditCode());
                upd.setString(SLOTS + 5, in.form.code());
                upd.addBatch();
                String rowKey = key(k, in.form);
                if (revision) {
                    revisions++;
                    for (int i : diff) {
                        revised.add(new String[] {rowKey, indicatorOf(slotsOf.get(in.form.code()), i),
                                fmt(before[i]), fmt(after[i])});
                    }
                } else {
                    changedKeys.add(rowKey);
                }
            }
            if (!errors.isEmpty()) {
                throw new BadInputException(errors.size() + " revision(s) without a reason; nothing was imported",
                        errors);
            }
            ins.executeBatch();
            upd.executeBatch();
        }
        Set<List<String>> touched = new HashSet<>();
        reports.forEach((k, in) -> touched.add(List.of(k.period(), in.form.code())));
        markWritten(c, touched, writeNo);
        // journaled after the rows are written (same transaction), so that each entry carries the new row's digest
        for (String[] r : revised) {
            journal.recordRow(c, "rev_report", r[0], r[1], r[2], r[3], reason);
        }
        if (!addedKeys.isEmpty()) {
            journal.recordRows(c, "rev_report", addedKeys, "import", reason);
        }
        if (!changedKeys.isEmpty()) {
            journal.recordRows(c, "rev_report", changedKeys, "import_update", reason);
        }
        return new ImportSummary(nValues, reports.size(), addedKeys.size(), changedKeys.size() + revisions,
                unchanged, revisions);
    }

    private static long nextWriteNumber(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT NEXT VALUE FOR rev_write_seq")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The highest write number reviewed, by "period/form"; none: nothing of it reviewed yet. */
    private static Map<String, Long> reviewMarks(Connection c, Set<String> periods) throws SQLException {
        Map<String, Long> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT form, upto FROM rev_review_mark WHERE period = ?")) {
            for (String p : periods) {
                ps.setString(1, p);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(p + "/" + rs.getString(1), rs.getLong(2));
                    }
                }
            }
        }
        return out;
    }

    /** The import's write number becomes the latest of each period and form it wrote (what a review will see). */
    private static void markWritten(Connection c, Set<List<String>> periodForms, long writeNo) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("MERGE INTO rev_review_mark m USING (VALUES (CAST(? AS "
                + "VARCHAR(7)), CAST(? AS VARCHAR(40)), CAST(? AS BIGINT))) s(period, form, w) ON m.period = s.period"
                + " AND m.form = s.form WHEN MATCHED THEN UPDATE SET written = s.w WHEN NOT MATCHED THEN INSERT"
                + " (period, form, written, upto) VALUES (s.period, s.form, s.w, -1)")) {
            for (List<String> pf : periodForms) {
                ps.setString(1, pf.get(0));
                ps.setString(2, pf.get(1));
                ps.setLong(3, writeNo);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The latest write number of a period and form, read before its reports are: all of those the review sees. */
    private static long lastWritten(Connection c, String period, String form) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT written FROM rev_review_mark WHERE period = ? AND form = ?")) {
            ps.setString(1, period);
            ps.setString(2, form);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        }
    }

    static String key(Key k, FormSpec f) {
        return k.period() + "/" + k.creditCode() + "/" + f.code();
    }

    private static String setClause() {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= SLOTS; i++) {
            b.append(i > 1 ? ", " : "").append('v').append(i).append(" = ?");
        }
        return b.toString();
    }

    private static String indicatorOf(Map<String, Integer> slots, int slot) {
        return slots.entrySet().stream().filter(e -> e.getValue() == slot).map(Map.Entry::getKey).findFirst()
                .orElse("v" + slot);
    }

    private static void setDouble(PreparedStatement ps, int i, double v) throws SQLException {
        if (Double.isNaN(v)) {
            ps.setNull(i, java.sql.Types.DOUBLE);
        } else {
            ps.setDouble(i, v);
        }
    }

    static String fmt(double v) {
        if (Double.isNaN(v)) {
            return null;
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }

    // ---- review run ----------------------------------------------------------------------------------------

    /**
     * Reads the panel of a form for period t: units that reported at t, with the months the review needs. Reads
     * only the indicator columns each month is used for (every indicator this month, last month and last year's
     * month; the month figures in 千元 and the compared indicators for the unit's own median and 1-2月), one
     * period at a time in key order, and places each row by a merge with the sorted units of t (no map per row).
     */
    public Panel load(Connection c, FormSpec f, String period, Map<String, Unit> units) throws SQLException {
        return load(c, f, period, units, Math.max(2, Math.min(7, settings.slipHistory())), true);
    }

    /** The panel with the months back to t - {@code deepest} only, and last year's when {@code lastYear}. */
    public Panel load(Connection c, FormSpec f, String period, Map<String, Unit> units, int deepest,
            boolean lastYear) throws SQLException {
        Map<String, Integer> slots = slots(c, f, false);
        int m = f.indicators().size();
        int[] slotOf = new int[m];
        boolean[] deep = new boolean[m];
        for (int j = 0; j < m; j++) {
            Indicator ind = f.indicators().get(j);
            slotOf[j] = slots.getOrDefault(ind.code(), 0);
            deep[j] = f.compared().contains(ind.code())
                    || (ind.unit().equals("千元") && !ind.kind().equals("ytd"));
        }
        List<String> codes = new ArrayList<>();
        boolean h2 = c.getMetaData().getDatabaseProductName().equalsIgnoreCase("H2");
        Boolean lazy = null;
        if (h2) {
            // stream the rows rather than copy a 100,000-row result (spilled to disk beyond H2's memory rows)
            try (Statement st = c.createStatement()) {
                st.execute("SET LAZY_QUERY_EXECUTION TRUE");
                lazy = Boolean.TRUE;
            }
        }
        try {
            try (PreparedStatement ps = c.prepareStatement("SELECT credit_code FROM rev_report WHERE period = ? "
                    + "AND form = ? ORDER BY period, form, credit_code")) {
                ps.setFetchSize(10_000);
                ps.setString(1, period);
                ps.setString(2, f.code());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        codes.add(rs.getString(1));
                    }
                }
            }
            String[] code = codes.toArray(new String[0]);
            Unit[] info = new Unit[code.length];
            for (int i = 0; i < code.length; i++) {
                info[i] = units.get(code[i]);
            }
            Panel p = new Panel(period, code, info, m);
            if (code.length == 0) {
                return p;
            }
            // the merge needs the database's order to be Java's; a collation that orders otherwise gets a map
            Map<String, Integer> index = null;
            for (int i = 1; i < code.length && index == null; i++) {
                if (code[i - 1].compareTo(code[i]) >= 0) {
                    index = new HashMap<>(code.length * 2);
                    for (int k = 0; k < code.length; k++) {
                        index.put(code[k], k);
                    }
                }
            }
            List<Integer> offs = new ArrayList<>();
            for (int off : Panel.OFFSETS) {
                if (off <= 1 || off >= 12 && lastYear || off <= deepest) {
                    offs.add(off);
                }
            }
            // the months are independent: a second connection reads every other one on a second thread (the
            // time goes into the database's row lookups, and a workstation has at least two cores)
            final Map<String, Integer> idx = index;
            List<Integer> mine = new ArrayList<>();
            List<Integer> theirs = new ArrayList<>();
            for (int i = 0; i < offs.size(); i++) {
                (i % 2 == 0 ? mine : theirs).add(offs.get(i));
            }
            java.util.concurrent.CompletableFuture<Void> other = java.util.concurrent.CompletableFuture.runAsync(() -> {
                try (Connection c2 = store.connection()) {
                    if (h2) {
                        try (Statement st = c2.createStatement()) {
                            st.execute("SET LAZY_QUERY_EXECUTION TRUE");
                        }
                    }
                    try {
                        for (int off : theirs) {
                            readMonth(c2, f, p, off, slotOf, deep, code, idx);
                        }
                    } finally {
                        if (h2) {
                            try (Statement st = c2.createStatement()) {
                                st.execute("SET LAZY_QUERY_EXECUTION FALSE"); // a pooled connection goes back as it came
                            }
                        }
                    }
                } catch (SQLException e) {
                    throw new java.util.concurrent.CompletionException(e);
                }
            }, r -> {
                Thread t = new Thread(r, "statdesk-review-read");
                t.setDaemon(true);
                t.start();
            });
            try {
                for (int off : mine) {
                    readMonth(c, f, p, off, slotOf, deep, code, idx);
                }
            } finally {
                try {
                    other.join();
                } catch (java.util.concurrent.CompletionException e) {
                    if (e.getCause() instanceof SQLException se) {
                        throw se;
                    }
                    throw e;
                }
            }
            return p;
        } finally {
            if (lazy != null) {
                try (Statement st = c.createStatement()) {
                    st.execute("SET LAZY_QUERY_EXECUTION FALSE");
                }
            }
        }
    }

    /** Reads the columns month t - off is used for into the panel, placing rows by merge (or by map). */
    private static void readMonth(Connection c, FormSpec f, Panel p, int off, int[] slotOf, boolean[] deep,
            String[] code, Map<String, Integer> index) throws SQLException {
        int m = slotOf.length;
        boolean all = off == 0 || off == 1 || off == 12;
        String period = p.period;
        int[] js = java.util.stream.IntStream.range(0, m).filter(j -> slotOf[j] > 0 && (all || deep[j]))
                .toArray();
        StringBuilder sql = new StringBuilder("SELECT credit_code");
        for (int j : js) {
            sql.append(", v").append(slotOf[j]);
        }
        sql.append(" FROM rev_report WHERE period = ? AND form = ? ORDER BY period, form, credit_code");
        double[][] x = p.x[off];
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            ps.setFetchSize(10_000);
            ps.setString(1, Period.shift(period, -off));
            ps.setString(2, f.code());
            try (ResultSet rs = ps.executeQuery()) {
                int u = 0;
                while (index != null && rs.next()) {
                    Integer at = index.get(rs.getString(1));
                    if (at != null) {
                        for (int k = 0; k < js.length; k++) {
                            double v = rs.getDouble(2 + k);
                            x[js[k]][at] = rs.wasNull() ? Double.NaN : v;
                        }
                    }
                }
                while (index == null && rs.next() && u < code.length) {
                    String cc = rs.getString(1);
                    int cmp;
                    while ((cmp = code[u].compareTo(cc)) < 0 && ++u < code.length) {
                        // a unit of t that did not report this month
                    }
                    if (u == code.length || cmp > 0) {
                        continue; // reported then, not at t
                    }
                    for (int k = 0; k < js.length; k++) {
                        double v = rs.getDouble(2 + k);
                        x[js[k]][u] = rs.wasNull() ? Double.NaN : v;
                    }
                    u++;
                }
            }
        }
    }

    private Map<String, Unit> unitMap(String specialty) {
        Map<String, Unit> out = new HashMap<>();
        for (Unit u : register.list(new UnitQuery(null, specialty, null, null, null))) {
            out.put(u.creditCode(), u);
        }
        return out;
    }

    /** Timings of the last run, for the benchmark: reading, computing, storing (ms). */
    public volatile long[] lastTimings = new long[3];

    @Override
    public List<Flag> run(String period, String specialty) {
        if (!Period.valid(period)) {
            throw new BadInputException("period must be YYYY-MM, not '" + period + "'");
        }
        List<Flag> all = new ArrayList<>();
        long read = 0;
        long compute = 0;
        long save = 0;
        for (FormSpec f : selected(specialty)) {
            try {
                long t0 = System.nanoTime();
                Map<String, Unit> units = unitMap(f.specialty());
                Panel p;
                long seen;
                try (Connection c = store.connection()) {
                    seen = lastWritten(c, period, f.code());
                    p = load(c, f, period, units);
                }
                long t1 = System.nanoTime();
                Engine.Result r = new Engine(f, p, settings).run();
                long t2 = System.nanoTime();
                all.addAll(store.inTransaction(c -> saveFlags(c, f, period, r.flags(), seen)));
                long t3 = System.nanoTime();
                read += t1 - t0;
                compute += t2 - t1;
                save += t3 - t2;
            } catch (BadInputException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("review of " + f.code() + " for " + period + " failed: " + e, e);
            }
        }
        lastTimings = new long[] {read / 1_000_000, compute / 1_000_000, save / 1_000_000};
        all.sort(Engine.ORDER);
        return all;
    }

    private record Stored(long id, String status, Double value, Double expected, String kind, String severity,
            double score, String message) {
    }

    /**
     * Stores a run's flags: a flag raised again keeps its id and workflow state (an explanation holds for the
     * figure explained: a changed figure reopens it); open flags no longer raised go; the reports the run saw
     * (written up to {@code seen}) are marked reviewed, so that a later change is a revision.
     */
    private List<Flag> saveFlags(Connection c, FormSpec f, String period, List<Flag> flags, long seen)
            throws SQLException {
        Map<String, Stored> existing = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, credit_code, indicator, rule_id, status, val, expected, kind, severity, score, message "
                        + "FROM rev_flag "
                        + "WHERE period = ? AND form = ?")) {
            ps.setString(1, period);
            ps.setString(2, f.code());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    double v = rs.getDouble(6);
                    Double val = rs.wasNull() ? null : v;
                    double e = rs.getDouble(7);
                    Double exp = rs.wasNull() ? null : e;
                    existing.put(rs.getString(2) + "/" + rs.getString(3) + "/" + rs.getString(4),
                            new Stored(rs.getLong(1), rs.getString(5), val, exp, rs.getString(8), rs.getString(9),
                                    rs.getDouble(10), rs.getString(11)));
                }
            }
        }
        Timestamp now = new Timestamp(System.currentTimeMillis());
        List<Flag> out = new ArrayList<>(flags.size());
        List<Flag> fresh = new ArrayList<>();
        Set<String> raised = new HashSet<>();
        List<String> touched = new ArrayList<>();
        try (PreparedStatement upd = c.prepareStatement("UPDATE rev_flag SET kind = ?, severity = ?, val = ?, "
                + "expected = ?, score = ?, message = ?, status = ?, updated_at = ? WHERE id = ?")) {
            for (Flag fl : flags) {
                String k = fl.creditCode() + "/" + fl.indicator() + "/" + fl.rule();
                raised.add(k);
                Stored s = existing.get(k);
                if (s == null) {
                    fresh.add(fl);
                    continue;
                }
                boolean sameFigure = s.value() != null && s.value() == fl.value();
                String status = sameFigure ? s.status() : "open";
                boolean audited = !sameFigure || !status.equals(s.status())
                        || !Objects.equals(s.expected(), fl.expected()) || !fl.kind().equals(s.kind())
                        || !fl.severity().equals(s.severity());
                if (audited) {
                    touched.add(String.valueOf(s.id()));
                } else if (s.score() == fl.score() && s.message().equals(fl.message())) {
                    out.add(withId(fl, s.id(), status));
                    continue; // raised again as it stands: nothing to write
                }
                upd.setString(1, fl.kind());
                upd.setString(2, fl.severity());
                upd.setDouble(3, fl.value());
                setDouble(upd, 4, fl.expected() == null ? Double.NaN : fl.expected());
                upd.setDouble(5, fl.score());
                upd.setString(6, fl.message());
                upd.setString(7, status);
                upd.setTimestamp(8, now);
                upd.setLong(9, s.id());
                upd.addBatch();
                out.add(withId(fl, s.id(), status));
            }
            upd.executeBatch();
        }
        List<Long> gone = new ArrayList<>();
        existing.forEach((k, s) -> {
            if (!raised.contains(k) && s.status().equals("open")) {
                gone.add(s.id());
            }
        });
        try (PreparedStatement del = c.prepareStatement("DELETE FROM rev_flag WHERE id = ?")) {
            for (long id : gone) {
                del.setLong(1, id);
                del.addBatch();
            }
            del.executeBatch();
        }
        List<String> keys = new ArrayList<>();
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO rev_flag (period, credit_code, form, specialty, "
                + "indicator, rule_id, kind, severity, val, expected, score, message, status, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?)", Statement.RETURN_GENERATED_KEYS)) {
            for (Flag fl : fresh) {
                ins.setString(1, period);
                ins.setString(2, fl.creditCode());
                ins.setString(3, f.code());
                ins.setString(4, f.specialty());
                ins.setString(5, fl.indicator());
                ins.setString(6, fl.rule());
                ins.setString(7, fl.kind());
                ins.setString(8, fl.severity());
                ins.setDouble(9, fl.value());
                setDouble(ins, 10, fl.expected() == null ? Double.NaN : fl.expected());
                ins.setDouble(11, fl.score());
                ins.setString(12, fl.message());
                ins.setTimestamp(13, now);
                ins.addBatch();
            }
            ins.executeBatch();
            try (ResultSet rs = ins.getGeneratedKeys()) {
                int i = 0;
                while (rs.next()) {
                    Flag fl = fresh.get(i++);
                    out.add(withId(fl, rs.getLong(1), "open"));
                    keys.add(String.valueOf(rs.getLong(1)));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE rev_review_mark SET upto = ? WHERE period = ? AND form = ? AND upto < ?")) {
            ps.setLong(1, seen);
            ps.setString(2, period);
            ps.setString(3, f.code());
            ps.setLong(4, seen);
            ps.executeUpdate();
        }
        // every change of rev_flag is journaled after it is written: new flags, flags whose figure, expectation
        // or status changed, and open flags no longer raised (their entries carry the deletion)
        if (!keys.isEmpty()) {
            journal.recordRows(c, "rev_flag", keys, "review_run", null);
        }
        if (!touched.isEmpty()) {
            journal.recordRows(c, "rev_flag", touched, "review_rerun", null);
        }
        if (!gone.isEmpty()) {
            journal.recordRows(c, "rev_flag", gone.stream().map(String::valueOf).toList(), "no_longer_raised",
                    null);
        }
        journal.record(c, new Journal.Change(BUNDLE, "review_run", period + "/" + f.code(), "flags", null,
                String.valueOf(flags.size()), gone.isEmpty() ? null : gone.size() + " open flag(s) no longer raised"));
        return out;
    }

    private static Flag withId(Flag f, long id, String status) {
        return new Flag(id, f.creditCode(), f.period(), f.indicator(), f.rule(), f.kind(), f.severity(), f.value(),
                f.expected(), f.score(), f.message(), status);
    }

    @Override
    public List<Flag> flags(String period, String specialty) {
        List<Flag> out = new ArrayList<>();
        try (Connection c = store.connection();
                PreparedStatement ps = c.prepareStatement("SELECT id, credit_code, period, indicator, rule_id, kind, "
                        + "severity, val, expected, score, message, status FROM rev_flag WHERE period = ?"
                        + (specialty == null ? "" : " AND specialty = ?"))) {
            ps.setString(1, period);
            if (specialty != null) {
                ps.setString(2, specialty);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(flagOf(rs));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        out.sort(Engine.ORDER);
        return out;
    }

    private static Flag flagOf(ResultSet rs) throws SQLException {
        double e = rs.getDouble(9);
        Double expected = rs.wasNull() ? null : e;
        return new Flag(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getDouble(8), expected, rs.getDouble(10), rs.getString(11),
                rs.getString(12));
    }

    // ---- values --------------------------------------------------------------------------------------------

    @Override
    public Map<String, Double> values(String period, String indicator) {
        Map<String, Double> out = new TreeMap<>();
        try (Connection c = store.connection()) {
            for (FormSpec f : specs()) {
                Integer slot = slots(c, f, false).get(indicator);
                if (slot == null || f.indexOf(indicator) < 0) {
                    continue;
                }
                try (PreparedStatement ps = c.prepareStatement("SELECT credit_code, v" + slot
                        + " FROM rev_report WHERE period = ? AND form = ? AND v" + slot + " IS NOT NULL")) {
                    ps.setString(1, period);
                    ps.setString(2, f.code());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.put(rs.getString(1), rs.getDouble(2));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    @Override
    public Map<String, Double> series(String creditCode, String indicator, String fromPeriod, String toPeriod) {
        Map<String, Double> out = new TreeMap<>();
        try (Connection c = store.connection()) {
            for (FormSpec f : specs()) {
                Integer slot = slots(c, f, false).get(indicator);
                if (slot == null || f.indexOf(indicator) < 0) {
                    continue;
                }
                try (PreparedStatement ps = c.prepareStatement("SELECT period, v" + slot + " FROM rev_report WHERE "
                        + "credit_code = ? AND form = ? AND period >= ? AND period <= ? AND v" + slot
                        + " IS NOT NULL")) {
                    ps.setString(1, creditCode);
                    ps.setString(2, f.code());
                    ps.setString(3, fromPeriod);
                    ps.setString(4, toPeriod);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.put(rs.getString(1), rs.getDouble(2));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    // ---- flag workflow -------------------------------------------------------------------------------------

    @Override
    public Flag resolve(long flagId, String action, String text, Double revisedValue, String reason) {
        try {
            return store.inTransaction(c -> {
                Flag f;
                String form;
                try (PreparedStatement ps = c.prepareStatement("SELECT id, credit_code, period, indicator, rule_id, "
                        + "kind, severity, val, expected, score, message, status, form FROM rev_flag WHERE id = ?")) {
                    ps.setLong(1, flagId);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            throw new BadInputException("no flag " + flagId);
                        }
                        f = flagOf(rs);
                        form = rs.getString(13);
                    }
                }
                String to;
                String note = text;
                switch (action) {
                    case "explain": case "explained":
                        requireOpen(f);
                        if (text == null || text.isBlank()) {
                            throw new BadInputException("an explanation needs --text (the unit's explanation)");
                        }
                        to = "explained";
                        break;
                    case "confirm": case "confirmed":
                        requireOpen(f);
                        to = "confirmed";
                        break;
                    case "correct": case "corrected":
                        requireOpen(f);
                        if (revisedValue == null || reason == null || reason.isBlank()) {
                            throw new BadInputException("a correction needs --value (the revised figure) and --reason");
                        }
                        revise(c, f, form, revisedValue, reason);
                        to = "corrected";
                        note = text == null ? reason : text;
                        break;
                    case "close": case "closed":
                        if (!Set.of("explained", "corrected", "confirmed").contains(f.status())) {
                            throw new BadInputException("flag " + flagId + " is " + f.status()
                                    + ": only an explained, corrected or confirmed flag can be closed");
                        }
                        to = "closed";
                        note = null;
                        break;
                    default:
                        throw new BadInputException("action must be explain, correct, confirm or close, not '"
                                + action + "'");
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE rev_flag SET status = ?, updated_at = ?"
                        + (note == null ? "" : ", note = ?") + " WHERE id = ?")) {
                    ps.setString(1, to);
                    ps.setTimestamp(2, new Timestamp(System.currentTimeMillis()));
                    int i = 3;
                    if (note != null) {
                        ps.setString(i++, note);
                    }
                    ps.setLong(i, flagId);
                    ps.executeUpdate();
                }
                journal.recordRow(c, "rev_flag", String.valueOf(flagId), "status", f.status(), to,
                        note == null ? reason : note);
                return new Flag(f.id(), f.creditCode(), f.period(), f.indicator(), f.rule(), f.kind(), f.severity(),
                        f.value(), f.expected(), f.score(), f.message(), to);
            });
        } catch (BadInputException | IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void requireOpen(Flag f) {
        if (!f.status().equals("open")) {
            throw new BadInputException("flag " + f.id() + " is " + f.status() + ", not open");
        }
    }

    /** A corrected figure (数据修正): the report is revised with its reason and the old value journaled. */
    private void revise(Connection c, Flag f, String form, double value, String reason) throws SQLException {
        FormSpec spec = specs().stream().filter(s -> s.code().equals(form)).findFirst()
                .orElseThrow(() -> new BadInputException("form " + form + " is not enabled"));
        Integer slot = slots(c, spec, false).get(f.indicator());
        if (slot == null) {
            throw new BadInputException("indicator " + f.indicator() + " has no column");
        }
        Double old = null;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT v" + slot + " FROM rev_report WHERE period = ? AND credit_code = ? AND form = ?")) {
            ps.setString(1, f.period());
            ps.setString(2, f.creditCode());
            ps.setString(3, form);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    double v = rs.getDouble(1);
                    old = rs.wasNull() ? null : v;
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE rev_report SET v" + slot
                + " = ?, revisions = revisions + 1 WHERE period = ? AND credit_code = ? AND form = ?")) {
            ps.setDouble(1, value);
            ps.setString(2, f.period());
            ps.setString(3, f.creditCode());
            ps.setString(4, form);
            ps.executeUpdate();
        }
        journal.recordRow(c, "rev_report", f.period() + "/" + f.creditCode() + "/" + form, f.indicator(),
                old == null ? null : fmt(old), fmt(value), reason);
    }

    // ---- rates ---------------------------------------------------------------------------------------------

    /** One row of the rates table: county (or {@code all}) and specialty. */
    public record RateRow(String county, String specialty, Rates rates) {
    }

    @Override
    public Map<String, Rates> rates(String period, String specialty) {
        Map<String, Rates> out = new TreeMap<>();
        for (RateRow r : rateRows(period, specialty)) {
            if (specialty != null || r.specialty().equals("all")) {
                out.put(r.county(), r.rates());
            }
        }
        return out;
    }

    /**
     * 上报率 = reported / due (units in the register, above scale, of a specialty with an enabled form); 及时率 =
     * reported by the form's deadline day of the next month / due; 准确率 = reported with no open error flag and
     * no correction / reported.
     */
    public List<RateRow> rateRows(String period, String specialty) {
        if (!Period.valid(period)) {
            throw new BadInputException("period must be YYYY-MM, not '" + period + "'");
        }
        List<FormSpec> forms = selected(specialty);
        Map<String, int[]> counts = new TreeMap<>(); // county|specialty -> due, reported, timely, accurate
        try (Connection c = store.connection()) {
            for (FormSpec f : forms) {
                LocalDate deadline = LocalDate.parse(Period.shift(period, 1) + "-01").withDayOfMonth(
                        Math.min(f.deadlineDay(), 28));
                Map<String, LocalDate> reported = new HashMap<>();
                Map<String, Integer> revisions = new HashMap<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT credit_code, reported_on, revisions "
                        + "FROM rev_report WHERE period = ? AND form = ?")) {
                    ps.setString(1, period);
                    ps.setString(2, f.code());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            reported.put(rs.getString(1), rs.getDate(2).toLocalDate());
                            revisions.put(rs.getString(1), rs.getInt(3));
                        }
                    }
                }
                Set<String> notAccurate = new HashSet<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT credit_code FROM rev_flag WHERE "
                        + "period = ? AND form = ? AND ((status = 'open' AND severity = 'error') OR status = 'corrected')")) {
                    ps.setString(1, period);
                    ps.setString(2, f.code());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            notAccurate.add(rs.getString(1));
                        }
                    }
                }
                for (Unit u : register.list(new UnitQuery(null, f.specialty(), Unit.IN_REGISTER, null, null))) {
                    if ("below".equals(u.scale())) {
                        continue; // 四下 sample units are not due on the monthly form
                    }
                    LocalDate on = reported.get(u.creditCode());
                    int[] row = counts.computeIfAbsent(u.countyCode() + "|" + f.specialty(), k -> new int[4]);
                    int[] all = counts.computeIfAbsent(u.countyCode() + "|all", k -> new int[4]);
                    int[] city = counts.computeIfAbsent("all|all", k -> new int[4]);
                    for (int[] r : new int[][] {row, all, city}) {
                        r[0]++;
                        if (on != null) {
                            r[1]++;
                            if (!on.isAfter(deadline)) {
                                r[2]++;
                            }
                            if (revisions.get(u.creditCode()) == 0 && !notAccurate.contains(u.creditCode())) {
                                r[3]++;
                            }
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        List<RateRow> out = new ArrayList<>();
        counts.forEach((k, r) -> {
            String[] parts = k.split("\\|");
            if (forms.size() == 1 && parts[1].equals("all") && !parts[0].equals("all")) {
                return; // one specialty: the county's "all" row repeats its specialty row
            }
            out.add(new RateRow(parts[0], parts[1], new Rates(r[0], r[1], r[2], r[3], share(r[1], r[0]),
                    share(r[2], r[0]), share(r[3], r[1]))));
        });
        return out;
    }

    private static double share(int a, int b) {
        return b == 0 ? 1.0 : Math.round(a * 10000.0 / b) / 10000.0;
    }

    // ---- query list ----------------------------------------------------------------------------------------

    /** Writes the 查询单 of open flags as CSV with a BOM so that Excel opens it; returns how many rows. */
    public int writeQueries(String period, String specialty, Path out) throws IOException {
        List<Flag> open = flags(period, specialty).stream().filter(f -> f.status().equals("open")).toList();
        Map<String, String> names = new HashMap<>();
        specs().forEach(f -> f.indicators().forEach(i -> names.put(f.specialty() + "/" + i.code(), i.name()
                + "（" + i.unit() + "）")));
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (var w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write('\uFEFF');
            try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get())) {
                p.printRecord("序号", "统一社会信用代码", "单位名称", "县区", "统计人员", "联系电话", "报告期", "指标",
                        "指标名称", "填报值", "预期值", "严重程度", "规则", "疑问（请核实并说明）", "flag_id");
                int i = 0;
                for (Flag f : open) {
                    Unit u = register.find(f.creditCode()).orElse(null);
                    String spec = u == null ? "" : u.specialty();
                    p.printRecord(++i, f.creditCode(), u == null ? "" : u.name(), u == null ? "" : u.countyCode(),
                            u == null ? "" : u.statistician(), u == null ? "" : u.phone(), f.period(), f.indicator(),
                            names.getOrDefault(spec + "/" + f.indicator(), f.indicator()), Engine.human(f.value()),
                            f.expected() == null ? "" : Engine.human(f.expected()),
                            f.severity().equals("error") ? "错误" : "提示", f.rule(), f.message(), f.id());
                }
                return i;
            }
        }
    }

    // ---- period status and aggregates ----------------------------------------------------------------------

    public record PeriodStatus(String period, String specialty, String status, String note) {
    }

    public PeriodStatus status(String period, String specialty) {
        try (Connection c = store.connection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT status, note FROM rev_period WHERE period = ? AND specialty = ?")) {
            ps.setString(1, period);
            ps.setString(2, specialty);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new PeriodStatus(period, specialty, rs.getString(1), rs.getString(2))
                        : new PeriodStatus(period, specialty, "collecting", null);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Moves a period of a specialty one step on: collecting → reviewed (no open error flag left) → evaluated (with
     * the evaluation note) → released. Journaled.
     */
    public PeriodStatus advance(String period, String specialty, String to, String note) throws Exception {
        if (!Period.valid(period)) {
            throw new BadInputException("period must be YYYY-MM, not '" + period + "'");
        }
        selected(specialty);
        PeriodStatus now = status(period, specialty);
        int from = STATUSES.indexOf(now.status());
        int target = STATUSES.indexOf(to);
        if (target < 0) {
            throw new BadInputException("status must be one of " + STATUSES + ", not '" + to + "'");
        }
        if (target != from + 1) {
            throw new BadInputException("period " + period + " of " + specialty + " is " + now.status()
                    + ": the next step is " + (from + 1 < STATUSES.size() ? STATUSES.get(from + 1) : "none"));
        }
        if (to.equals("reviewed")) {
            long openErrors = flags(period, specialty).stream()
                    .filter(f -> f.status().equals("open") && f.severity().equals("error")).count();
            if (openErrors > 0) {
                throw new BadInputException(openErrors + " open error flag(s): resolve them before the period is reviewed");
            }
        }
        if (to.equals("evaluated") && (note == null || note.isBlank())) {
            throw new BadInputException("an evaluation needs --note (the city's evaluation, 评估意见)");
        }
        return store.inTransaction(c -> {
            try (PreparedStatement del = c.prepareStatement(
                    "DELETE FROM rev_period WHERE period = ? AND specialty = ?");
                    PreparedStatement ins = c.prepareStatement("INSERT INTO rev_period (period, specialty, status, "
                            + "note, updated_at) VALUES (?, ?, ?, ?, ?)")) {
                del.setString(1, period);
                del.setString(2, specialty);
                del.executeUpdate();
                ins.setString(1, period);
                ins.setString(2, specialty);
                ins.setString(3, to);
                ins.setString(4, note == null ? now.note() : note);
                ins.setTimestamp(5, new Timestamp(System.currentTimeMillis()));
                ins.executeUpdate();
            }
            journal.recordRow(c, "rev_period", period + "/" + specialty, "status", now.status(), to, note);
            return new PeriodStatus(period, specialty, to, note == null ? now.note() : note);
        });
    }

    /** A total of one indicator for a county (or the city) with its growth; null growth where there is no base. */
    public record Total(String area, String indicator, String name, String unit, double value, Double mom,
            Double yoy) {
    }

    public record Aggregate(String period, String specialty, String form, String status, boolean forPublication,
            String notice, String note, List<Total> totals) {
    }

    /** County and city totals of every indicator with month-on-month and year-on-year growth. */
    public List<Aggregate> aggregate(String period, String specialty) {
        if (!Period.valid(period)) {
            throw new BadInputException("period must be YYYY-MM, not '" + period + "'");
        }
        List<Aggregate> out = new ArrayList<>();
        try (Connection c = store.connection()) {
            for (FormSpec f : selected(specialty)) {
                Map<String, Unit> units = unitMap(f.specialty());
                Map<String, Integer> slots = slots(c, f, false);
                Map<String, double[][]> sums = new TreeMap<>(); // area -> [offset 0,1,12][indicator]
                int[] offs = {0, 1, 12};
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT credit_code, " + valueColumns() + " FROM rev_report WHERE period = ? AND form = ?")) {
                    for (int o = 0; o < offs.length; o++) {
                        ps.setString(1, Period.shift(period, -offs[o]));
                        ps.setString(2, f.code());
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                Unit u = units.get(rs.getString(1));
                                String county = u == null ? "?" : u.countyCode();
                                for (String area : new String[] {county, "city"}) {
                                    double[][] s = sums.computeIfAbsent(area,
                                            k -> new double[3][f.indicators().size()]);
                                    for (int j = 0; j < f.indicators().size(); j++) {
                                        Integer slot = slots.get(f.indicators().get(j).code());
                                        if (slot != null) {
                                            s[o][j] += rs.getDouble(1 + slot);
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                List<Total> totals = new ArrayList<>();
                sums.forEach((area, s) -> {
                    for (int j = 0; j < f.indicators().size(); j++) {
                        Indicator ind = f.indicators().get(j);
                        Double mom = ind.kind().equals("ytd") || s[1][j] == 0 ? null : round(s[0][j] / s[1][j] - 1);
                        Double yoy = s[2][j] == 0 ? null : round(s[0][j] / s[2][j] - 1);
                        totals.add(new Total(area, ind.code(), ind.name(), ind.unit(), Math.round(s[0][j] * 1000) / 1000.0,
                                mom, yoy));
                    }
                });
                PeriodStatus st = status(period, f.specialty());
                boolean released = st.status().equals("released");
                out.add(new Aggregate(period, f.specialty(), f.code(), st.status(), released,
                        released ? "已发布" : "数据未经评估发布，仅供内部审核，不得对外公布（统一数据公布途径）", st.note(),
                        totals));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private static Double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
