package org.statdesk.enforcement.internal;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.statdesk.api.command.BadInputException;
import org.statdesk.api.command.InputError;
import org.statdesk.api.registry.Sampler;
import org.statdesk.api.registry.Unit;
import org.statdesk.api.registry.UnitQuery;
import org.statdesk.enforcement.internal.DrawEngine.Member;
import org.statdesk.enforcement.internal.DrawEngine.Population;
import org.statdesk.enforcement.internal.DrawEngine.Target;

/** Double-random draws (双随机抽取) stored, verified, published (一公开) and measured for coverage. */
final class Draws {
    static final String TABLE = "enf_draw";
    static final List<String> COLUMNS = List.of("draw_year", "seed", "population_hash", "algorithm", "rules",
            "result_digest", "status", "replaced_by", "replace_reason", "drawn_on", "drawn_by");

    record InspectorJson(String name, String countyCode, String certificateNo) {
    }

    record TargetJson(String kind, String code, String countyCode, String stratum, List<InspectorJson> inspectors) {
    }

    /** Fewest and most targets given to one inspector of those drawn from. */
    record Workload(int inspectors, int min, int max) {
    }

    record DrawJson(long id, int year, long seed, String seedSource, String populationHash, String algorithm,
            String status, String drawnOn, String drawnBy, Map<String, Integer> population,
            Map<String, Double> coverage, Map<String, Double> targetShares, Workload workload, Long replaces,
            List<TargetJson> targets) {
    }

    record DrawSummary(long id, int year, long seed, String status, String populationHash, int targets,
            String drawnOn, String drawnBy, Long replacedBy, String replaceReason) {
    }

    record Verification(long id, boolean matches, String storedPopulationHash, String currentPopulationHash,
            String algorithm, Map<String, Integer> populationThen, Map<String, Integer> populationNow,
            List<String> problems) {
    }

    record StratumCoverage(int population, int drawn, int checked, double target, Double drawnShare,
            Double achievedShare, boolean met) {
    }

    record Coverage(int year, Long drawId, Map<String, StratumCoverage> strata) {
    }

    private final Ctx ctx;
    private final Roster roster;
    private final DrawEngine engine;

    Draws(Ctx ctx, Roster roster) {
        this.ctx = ctx;
        this.roster = roster;
        this.engine = new DrawEngine(ctx.sampler());
    }

    /**
     * The frozen population on a day: units in the register, the city's townships, certified inspectors. The register
     * is read county by county on two threads (its list is most of a draw's time on a 100,000-unit register, and the
     * machine has two cores); the result does not depend on the order, as sampling and hash do not.
     */
    Population population(LocalDate day) throws Exception {
        String prefix = ctx.cityCode().substring(0, 4);
        List<String> counties = new ArrayList<>();
        for (var d : ctx.register().divisions().counties(ctx.cityCode())) {
            counties.add(d.code());
        }
        List<List<Unit>> parts = new ArrayList<>();
        if (counties.isEmpty()) {
            parts.add(ctx.register().list(UnitQuery.inRegister()));
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
                Thread t = new Thread(r, "enforcement-population");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<List<Unit>>> futures = new ArrayList<>();
                for (String county : counties) {
                    futures.add(pool.submit(() -> ctx.register().list(new UnitQuery(county, null, Unit.IN_REGISTER,
                            null, null))));
                }
                for (Future<List<Unit>> f : futures) {
                    parts.add(get(f));
                }
            } finally {
                pool.shutdownNow();
            }
        }
        List<Member> above = new ArrayList<>();
        List<Member> below = new ArrayList<>();
        for (List<Unit> part : parts) {
            for (Unit u : part) {
                if (!u.inRegister() || u.countyCode() == null || !u.countyCode().startsWith(prefix)) {
                    continue;
                }
                if ("below".equals(u.scale())) {
                    below.add(new Member(u.creditCode(), u.countyCode()));
                } else {
                    above.add(new Member(u.creditCode(), u.countyCode()));
                }
            }
        }
        List<Member> townships = ctx.register().divisions().townships(ctx.cityCode()).stream()
                .map(d -> new Member(d.code(), d.code().substring(0, 6))).toList();
        return new Population(above, townships, below, roster.certified(day));
    }

    static <T> T get(Future<T> f) throws Exception {
        try {
            return f.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception x ? x : new IllegalStateException(e.getCause());
        }
    }

    DrawJson draw(int year, Long givenSeed, boolean replace, String reason) throws Exception {
        Timing time = new Timing("draw");
        Optional<DrawSummary> existing = active(year);
        if (existing.isPresent() && !replace) {
            DrawSummary e = existing.get();
            throw Inputs.bad(InputError.of("year", String.valueOf(year),
                    year + " 年已有抽取结果（编号 " + e.id() + "，" + e.drawnOn() + " 由 " + e.drawnBy()
                            + " 抽取）；不得悄悄重抽。确需重抽请加 --replace 并用 --reason 写明理由，理由将记入审计日志"));
        }
        if (replace && (reason == null || reason.isBlank())) {
            throw Inputs.bad(InputError.of("reason", reason,
                    "重抽（--replace）必须用 --reason 写明理由"));
        }
        LocalDate day = ctx.today().get();
        Settings settings = ctx.settings().get();
        DrawEngine.Rules rules = settings.rules();
        long seed = givenSeed != null ? givenSeed : ctx.sampler().newSeed();
        time.lap("checks");
        Population p = population(day);
        time.lap("population");
        DrawEngine.Result r = engine.draw(p, rules, seed, ctx::countyName);
        time.lap("engine");
        String digest = DrawEngine.digest(r.targets());
        String user = ctx.journal().currentUser();
        long id = ctx.store().inTransaction(c -> {
            long newId;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO enf_draw (draw_year, seed, seed_source, "
                    + "population_hash, algorithm, rules, population_counts, result_digest, status, drawn_on, "
                    + "drawn_at, drawn_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'active', ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setInt(1, year);
                ps.setLong(2, seed);
                ps.setString(3, givenSeed != null ? "given" : "secure");
                ps.setString(4, r.populationHash());
                ps.setString(5, r.algorithm());
                ps.setString(6, rules.encode());
                ps.setString(7, encodeCounts(r.populationCounts()));
                ps.setString(8, digest);
                ps.setObject(9, day);
                ps.setTimestamp(10, new Timestamp(System.currentTimeMillis()));
                ps.setString(11, user);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    newId = keys.getLong(1);
                }
            }
            insertTargets(c, newId, r.targets());
            claimYear(c, year, existing.map(DrawSummary::id).orElse(null), newId);
            if (existing.isPresent()) {
                long old = existing.get().id();
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE enf_draw SET status = 'replaced', replaced_by = ?, replace_reason = ? WHERE id = ?")) {
                    ps.setLong(1, newId);
                    ps.setString(2, reason);
                    ps.setLong(3, old);
                    ps.executeUpdate();
                }
                ctx.journal().recordRow(c, TABLE, String.valueOf(old), "status", "active", "replaced",
                        "重抽，由第 " + newId + " 号抽取替代：" + reason);
            }
            ctx.journal().recordRow(c, TABLE, String.valueOf(newId), "draw", null,
                    "year=" + year + " seed=" + seed + " population_hash=" + r.populationHash() + " targets="
                            + r.targets().size() + " result_digest=" + digest,
                    existing.isPresent() ? "replacement draw: " + reason : "double-random draw " + year);
            return newId;
        });
        time.lap("store");
        DrawJson out = load(id);
        time.done();
        return out;
    }

    /**
     * Makes {@code newId} the year's active draw in {@code enf_draw_year}: a first draw inserts the year (a
     * concurrent first draw hits the primary key), a replacement moves it from the draw it replaces (a concurrent
     * replacement finds it moved). Either way the loser draws nothing.
     */
    private static void claimYear(Connection c, int year, Long replaced, long newId) throws Exception {
        BadInputException raced = Inputs.bad(InputError.of("year", String.valueOf(year),
                year + " 年的抽取刚刚由他人完成或替代，本次未抽取；请先用 enforcement:draws 查看"));
        if (replaced == null) {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO enf_draw_year (draw_year, active_id) VALUES (?, ?)")) {
                ps.setInt(1, year);
                ps.setLong(2, newId);
                ps.executeUpdate();
            } catch (java.sql.SQLException e) {
                if ("23505".equals(e.getSQLState())) { // unique violation, the same code in H2 and PostgreSQL
                    throw raced;
                }
                throw e;
            }
        } else {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE enf_draw_year SET active_id = ? WHERE draw_year = ? AND active_id = ?")) {
                ps.setLong(1, newId);
                ps.setInt(2, year);
                ps.setLong(3, replaced);
                if (ps.executeUpdate() != 1) {
                    throw raced;
                }
            }
        }
    }

    private static void insertTargets(Connection c, long drawId, List<Target> targets) throws Exception {
        try (PreparedStatement t = c.prepareStatement("INSERT INTO enf_draw_target (draw_id, seq, kind, code, "
                + "county_code, stratum, inspectors) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            int seq = 0;
            for (Target x : targets) {
                seq++;
                t.setLong(1, drawId);
                t.setInt(2, seq);
                t.setString(3, x.kind());
                t.setString(4, x.code());
                t.setString(5, x.countyCode());
                t.setString(6, x.stratum());
                t.setString(7, encodeTeam(x.inspectors()));
                t.addBatch();
                if (seq % 5000 == 0) {
                    t.executeBatch();
                }
            }
            t.executeBatch();
        }
    }

    /** Inspectors of a target as stored: certificate|name|county, separated by ';' (names cannot hold either). */
    static String encodeTeam(List<DrawEngine.Inspector> team) {
        StringBuilder sb = new StringBuilder();
        for (DrawEngine.Inspector i : team) {
            sb.append(sb.length() == 0 ? "" : ";").append(clean(i.id())).append('|').append(clean(i.name()))
                    .append('|').append(i.countyCode());
        }
        return sb.toString();
    }

    private static String clean(String s) {
        return s.replace('|', '/').replace(';', ',');
    }

    static List<DrawEngine.Inspector> decodeTeam(String s) {
        List<DrawEngine.Inspector> out = new ArrayList<>(2);
        if (s == null || s.isEmpty()) {
            return out;
        }
        for (String part : s.split(";")) {
            String[] f = part.split("\\|", -1);
            out.add(new DrawEngine.Inspector(f[0], f[1], f[2]));
        }
        return out;
    }

    static String encodeCounts(Map<String, Integer> counts) {
        StringBuilder sb = new StringBuilder();
        counts.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ";").append(k).append('=').append(v));
        return sb.toString();
    }

    static Map<String, Integer> decodeCounts(String s) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (String part : s.split(";")) {
            int eq = part.indexOf('=');
            m.put(part.substring(0, eq), Integer.parseInt(part.substring(eq + 1)));
        }
        return m;
    }

    Optional<DrawSummary> active(int year) throws Exception {
        return list(year).stream().filter(d -> d.status().equals("active")).findFirst();
    }

    List<DrawSummary> list(Integer year) throws Exception {
        List<DrawSummary> out = new ArrayList<>();
        // two statements rather than "? IS NULL OR ...": PostgreSQL cannot type an untyped null parameter
        String sql = "SELECT d.id, d.draw_year, d.seed, d.status, d.population_hash, d.drawn_on, d.drawn_by, "
                + "d.replaced_by, d.replace_reason, (SELECT COUNT(*) FROM enf_draw_target t WHERE t.draw_id = d.id) "
                + "FROM enf_draw d" + (year == null ? "" : " WHERE d.draw_year = ?")
                + " ORDER BY d.draw_year DESC, d.id DESC";
        try (Connection c = ctx.store().connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (year != null) {
                ps.setInt(1, year);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long rb = rs.getLong(8);
                    Long replacedBy = rs.wasNull() ? null : rb; // right after reading column 8, not later
                    out.add(new DrawSummary(rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getString(4),
                            rs.getString(5), rs.getInt(10), rs.getObject(6, LocalDate.class).toString(),
                            rs.getString(7), replacedBy, rs.getString(9)));
                }
            }
        }
        return out;
    }

    private record Header(long id, int year, long seed, String seedSource, String populationHash, String algorithm,
            DrawEngine.Rules rules, Map<String, Integer> counts, String digest, String status, LocalDate drawnOn,
            String drawnBy) {
    }

    private Header header(Connection c, long id) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("SELECT draw_year, seed, seed_source, population_hash, "
                + "algorithm, rules, population_counts, result_digest, status, drawn_on, drawn_by FROM enf_draw "
                + "WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw Inputs.bad(InputError.of("id", String.valueOf(id),
                            "没有此编号的抽取"));
                }
                return new Header(id, rs.getInt(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), DrawEngine.Rules.decode(rs.getString(6)), decodeCounts(rs.getString(7)),
                        rs.getString(8), rs.getString(9), rs.getObject(10, LocalDate.class), rs.getString(11));
            }
        }
    }

    List<Target> targets(Connection c, long id) throws Exception {
        List<Target> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT kind, code, county_code, stratum, inspectors FROM "
                + "enf_draw_target WHERE draw_id = ? ORDER BY seq")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Target(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            decodeTeam(rs.getString(5))));
                }
            }
        }
        return out;
    }

    DrawJson load(long id) throws Exception {
        try (Connection c = ctx.store().connection()) {
            Header h = header(c, id);
            List<Target> targets = targets(c, id);
            Map<String, Integer> drawn = new LinkedHashMap<>();
            Map<String, Integer> load = new HashMap<>();
            List<TargetJson> json = new ArrayList<>(targets.size());
            for (Target t : targets) {
                drawn.merge(t.stratum(), 1, Integer::sum);
                List<InspectorJson> team = new ArrayList<>();
                for (DrawEngine.Inspector i : t.inspectors()) {
                    team.add(new InspectorJson(i.name(), i.countyCode(), i.id()));
                    load.merge(i.id(), 1, Integer::sum);
                }
                json.add(new TargetJson(t.kind(), t.code(), t.countyCode(), t.stratum(), team));
            }
            Map<String, Double> coverage = new LinkedHashMap<>();
            Map<String, Double> shares = new LinkedHashMap<>();
            for (String s : DrawEngine.STRATA) {
                int pop = h.counts().getOrDefault(s, 0);
                coverage.put(s, pop == 0 ? null : drawn.getOrDefault(s, 0) / (double) pop);
                shares.put(s, h.rules().share(s));
            }
            int pool = h.counts().getOrDefault("inspectors", 0);
            int min = load.size() < pool ? 0 : load.values().stream().mapToInt(Integer::intValue).min().orElse(0);
            int max = load.values().stream().mapToInt(Integer::intValue).max().orElse(0);
            Long replaces = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM enf_draw WHERE replaced_by = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        replaces = rs.getLong(1);
                    }
                }
            }
            return new DrawJson(id, h.year(), h.seed(), h.seedSource(), h.populationHash(), h.algorithm(),
                    h.status(), h.drawnOn().toString(), h.drawnBy(), h.counts(), coverage, shares,
                    new Workload(pool, min, max), replaces, json);
        }
    }

    /**
     * Recomputes a draw: the population now (as certified on the draw's day) must hash as stored, the same seed
     * must give the same targets and inspectors, and the stored rows must still match the digest taken at draw time.
     */
    Verification verify(long id) throws Exception {
        Timing time = new Timing("verify");
        Header h;
        try (Connection c = ctx.store().connection()) {
            h = header(c, id);
        }
        // the stored targets are read while the population is read and the draw recomputed
        ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "enforcement-verify-read");
            t.setDaemon(true);
            return t;
        });
        List<Target> stored;
        Population p;
        DrawEngine.Result again = null;
        String now;
        String algorithm = DrawEngine.VERSION + "+" + Sampler.ALGORITHM;
        try {
            Future<List<Target>> storedRows = reader.submit(() -> {
                try (Connection c = ctx.store().connection()) {
                    return targets(c, id);
                }
            });
            p = population(h.drawnOn());
            time.lap("population");
            if (algorithm.equals(h.algorithm())) {
                try {
                    again = engine.draw(p, h.rules(), h.seed(), ctx::countyName, null);
                    now = again.populationHash();
                } catch (BadInputException infeasible) {
                    // the population changed so much that the rules cannot be met any more: reported below
                    now = engine.populationHash(p);
                }
            } else {
                now = engine.populationHash(p);
            }
            time.lap("engine");
            stored = get(storedRows);
            time.lap("read");
        } finally {
            reader.shutdownNow();
        }
        List<String> problems = new ArrayList<>();
        boolean storedIntact = DrawEngine.digest(stored).equals(h.digest());
        if (!storedIntact) {
            problems.add("已存的抽取结果与抽取时的摘要不符：抽取结果在抽取后被改动");
        }
        if (!algorithm.equals(h.algorithm())) {
            problems.add("算法版本不同：抽取时 " + h.algorithm() + "，现在 " + algorithm);
        }
        Map<String, Integer> countsNow = new LinkedHashMap<>();
        for (String s : DrawEngine.STRATA) {
            countsNow.put(s, p.stratum(s).size());
        }
        countsNow.put("inspectors", p.inspectors().size());
        if (!now.equals(h.populationHash())) {
            StringBuilder sb = new StringBuilder("抽取总体已变化（名录库单位、乡镇或持证执法人员名单与抽取时不同）：");
            for (Map.Entry<String, Integer> e : h.counts().entrySet()) {
                int n = countsNow.getOrDefault(e.getKey(), 0);
                sb.append(' ').append(e.getKey()).append(' ').append(e.getValue())
                        .append(n == e.getValue() ? "" : " → " + n);
            }
            problems.add(sb.toString());
        } else if (again != null) {
            if (!DrawEngine.digest(again.targets()).equals(h.digest())) {
                problems.add("用同一种子和总体重算，结果与登记的抽取不同");
            }
            if (!problems.isEmpty()) {
                problems.addAll(differences(stored, again.targets()));
            }
        }
        time.done();
        return new Verification(id, problems.isEmpty(), h.populationHash(), now, h.algorithm(), h.counts(),
                countsNow, problems);
    }

    /** At most this many differing targets are named; the rest are counted. */
    static final int MAX_DIFFERENCES = 20;

    /** The targets where the stored draw and the recomputed one differ, each named with what differs. */
    static List<String> differences(List<Target> stored, List<Target> recomputed) {
        Map<String, Target> again = new LinkedHashMap<>();
        for (Target t : recomputed) {
            again.put(t.stratum() + "|" + t.code(), t);
        }
        List<String> out = new ArrayList<>();
        int count = 0;
        for (Target t : stored) {
            Target r = again.remove(t.stratum() + "|" + t.code());
            String what = null;
            if (r == null) {
                what = "对象 " + t.code() + "（" + t.stratum() + "）登记在抽取结果中，重算却没有抽到";
            } else if (!teamIds(t).equals(teamIds(r)) || !t.countyCode().equals(r.countyCode())) {
                what = "对象 " + t.code() + " 的执法人员登记为 " + teamIds(t) + "，重算为 " + teamIds(r);
            }
            if (what != null && ++count <= MAX_DIFFERENCES) {
                out.add(what);
            }
        }
        for (Target r : again.values()) {
            if (++count <= MAX_DIFFERENCES) {
                out.add("对象 " + r.code() + "（" + r.stratum() + "）重算时抽到，抽取结果中却没有");
            }
        }
        if (count > MAX_DIFFERENCES) {
            out.add("另有 " + (count - MAX_DIFFERENCES) + " 处不同");
        }
        return out;
    }

    private static List<String> teamIds(Target t) {
        return t.inspectors().stream().map(DrawEngine.Inspector::id).sorted().toList();
    }

    /** Writes the publication list (一公开) as CSV (UTF-8 with BOM, for Excel) or HTML, chosen by extension. */
    int export(long id, Path file) throws Exception {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        boolean html = name.endsWith(".html") || name.endsWith(".htm");
        if (!html && !name.endsWith(".csv")) {
            throw Inputs.bad(InputError.of("file", file.toString(),
                    "文件名应以 .csv 或 .html 结尾"));
        }
        DrawJson d = load(id);
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        Map<String, String> unitNames = new HashMap<>();
        for (TargetJson t : d.targets()) {
            String n = t.kind().equals("township") ? ctx.countyName(t.code())
                    : ctx.register().find(t.code()).map(Unit::name).orElse("");
            unitNames.put(t.code(), n);
        }
        Map<String, String> results = results(id);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            if (html) {
                writeHtml(w, d, unitNames, results);
            } else {
                w.write('\uFEFF');
                try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT)) {
                    p.printRecord("序号", "对象类型", "代码", "名称", "县区代码", "县区", "层", "执法人员", "检查结果");
                    int i = 0;
                    for (TargetJson t : d.targets()) {
                        p.printRecord(++i, kindLabel(t), t.code(), unitNames.get(t.code()), t.countyCode(),
                                ctx.countyName(t.countyCode()), t.stratum(), team(t),
                                results.getOrDefault(t.code(), NOT_CHECKED));
                    }
                    p.printRecord();
                    p.printRecord("抽取编号", d.id(), "年度", d.year(), "种子", d.seed(), "总体哈希",
                            d.populationHash(), "算法", d.algorithm());
                }
            }
        }
        return d.targets().size();
    }

    static final String NOT_CHECKED = "尚未检查";

    /**
     * The results published with the list (一公开): per target its checks, each with date and verdict (合格, or the
     * failed checklist items), and the cases filed on them.
     */
    private Map<String, String> results(long drawId) throws Exception {
        Map<String, String> out = new HashMap<>();
        try (Connection c = ctx.store().connection(); PreparedStatement ps = c.prepareStatement("SELECT k.target_code, "
                + "k.check_date, k.failed_items, s.violation, s.status FROM enf_check k LEFT JOIN enf_case s ON "
                + "s.check_id = k.id WHERE k.draw_id = ? ORDER BY k.check_date, k.id, s.id")) {
            ps.setLong(1, drawId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    StringBuilder sb = new StringBuilder();
                    sb.append(rs.getObject(2, LocalDate.class)).append(' ');
                    String failed = rs.getString(3);
                    if (failed.isEmpty()) {
                        sb.append("合格");
                    } else {
                        sb.append("不合格：");
                        String sep = "";
                        for (String f : failed.split(",")) {
                            sb.append(sep).append(Cases.CHECKLIST.getOrDefault(f, f));
                            sep = "；";
                        }
                    }
                    String violation = rs.getString(4);
                    if (violation != null) {
                        sb.append("；已立案（").append(Cases.VIOLATIONS.getOrDefault(violation, violation)).append("）");
                    }
                    out.merge(rs.getString(1), sb.toString(), (a, b) -> a + " / " + b);
                }
            }
        }
        return out;
    }

    private static String kindLabel(TargetJson t) {
        return switch (t.stratum()) {
            case "above" -> "四上单位";
            case "below" -> "四下单位";
            default -> "乡镇";
        };
    }

    private static String team(TargetJson t) {
        StringBuilder sb = new StringBuilder();
        for (InspectorJson i : t.inspectors()) {
            sb.append(sb.length() == 0 ? "" : "、").append(i.name()).append("（").append(i.certificateNo())
                    .append("）");
        }
        return sb.toString();
    }

    private void writeHtml(Writer w, DrawJson d, Map<String, String> names, Map<String, String> results)
            throws IOException {
        w.write("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>" + d.year()
                + " 年统计“双随机”抽查结果公示</title>\n<style>table{border-collapse:collapse}td,th{border:1px solid #999;"
                + "padding:2px 6px}</style></head><body>\n");
        w.write("<h1>" + d.year() + " 年统计“双随机”抽查对象及执法人员名单</h1>\n");
        w.write("<p>抽取编号 " + d.id() + "，抽取日期 " + esc(d.drawnOn()) + "，随机种子 " + d.seed() + "，总体哈希 <code>"
                + esc(d.populationHash()) + "</code>，算法 " + esc(d.algorithm()) + "。凭以上信息可复核抽取结果。</p>\n");
        w.write("<table><tr><th>序号</th><th>对象类型</th><th>代码</th><th>名称</th><th>县区</th><th>执法人员</th><th>检查结果</th></tr>\n");
        int i = 0;
        for (TargetJson t : d.targets()) {
            w.write("<tr><td>" + (++i) + "</td><td>" + kindLabel(t) + "</td><td>" + esc(t.code()) + "</td><td>"
                    + esc(names.get(t.code())) + "</td><td>" + esc(ctx.countyName(t.countyCode())) + "</td><td>"
                    + esc(team(t)) + "</td><td>" + esc(results.getOrDefault(t.code(), NOT_CHECKED)) + "</td></tr>\n");
        }
        w.write("</table></body></html>\n");
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Achieved coverage (核查面) of the year's active draw per stratum: targets actually checked over population. */
    Coverage coverage(int year) throws Exception {
        Optional<DrawSummary> d = active(year);
        Map<String, StratumCoverage> strata = new LinkedHashMap<>();
        Settings s = ctx.settings().get();
        if (d.isEmpty()) {
            for (String st : DrawEngine.STRATA) {
                strata.put(st, new StratumCoverage(0, 0, 0, s.rules().share(st), null, null, false));
            }
            return new Coverage(year, null, strata);
        }
        try (Connection c = ctx.store().connection()) {
            Header h = header(c, d.get().id());
            Map<String, Integer> drawn = countBy(c, "SELECT stratum, COUNT(*) FROM enf_draw_target WHERE draw_id = ? "
                    + "GROUP BY stratum", h.id());
            Map<String, Integer> checked = countBy(c, "SELECT t.stratum, COUNT(DISTINCT t.code) FROM enf_draw_target t "
                    + "JOIN enf_check k ON k.draw_id = t.draw_id AND k.target_code = t.code WHERE t.draw_id = ? "
                    + "GROUP BY t.stratum", h.id());
            for (String st : DrawEngine.STRATA) {
                int pop = h.counts().getOrDefault(st, 0);
                int dr = drawn.getOrDefault(st, 0);
                int ch = checked.getOrDefault(st, 0);
                double target = h.rules().share(st);
                Double achieved = pop == 0 ? null : ch / (double) pop;
                // a stratum with nothing in it has nothing left to check: met, with no share to show
                strata.put(st, new StratumCoverage(pop, dr, ch, target, pop == 0 ? null : dr / (double) pop,
                        achieved, achieved == null || achieved >= target - 1e-12));
            }
        }
        return new Coverage(year, d.get().id(), strata);
    }

    private static Map<String, Integer> countBy(Connection c, String sql, long id) throws Exception {
        Map<String, Integer> m = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    m.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        return m;
    }

    /** The target of a draw with this code, or bad input. */
    Target target(long drawId, String code, LocalDate checkDate) throws Exception {
        try (Connection c = ctx.store().connection()) {
            Header h = header(c, drawId);
            if (checkDate.isBefore(h.drawnOn())) {
                throw Inputs.bad(InputError.of("date", checkDate.toString(), "检查日期早于第 " + drawId + " 号抽取的日期 "
                        + h.drawnOn() + "：只能检查已抽中的对象"));
            }
            if (!h.status().equals("active")) {
                throw Inputs.bad(InputError.of("draw", String.valueOf(drawId),
                        "第 " + drawId + " 号抽取已被重抽替代，检查应按 " + h.year() + " 年有效的抽取登记"));
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT kind, code, county_code, stratum FROM "
                    + "enf_draw_target WHERE draw_id = ? AND code = ?")) {
                ps.setLong(1, drawId);
                ps.setString(2, code);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw Inputs.bad(InputError.of("target", code,
                                "不是第 " + drawId + " 号抽取的检查对象"));
                    }
                    return new Target(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), List.of());
                }
            }
        }
    }
}
