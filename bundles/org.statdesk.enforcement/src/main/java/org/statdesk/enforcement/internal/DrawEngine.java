package org.statdesk.enforcement.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.statdesk.api.command.BadInputException;
import org.statdesk.api.command.InputError;
import org.statdesk.api.registry.Sampler;

/**
 * The double-random draw (双随机抽取) as a pure function of population, rules and seed: targets per stratum and
 * county, then certified inspectors per target, never from the target's county (回避) unless city staff, with the
 * workload spread evenly. Every random choice goes through the workstation's {@link Sampler}, so the same population
 * and seed always give the same draw and a later verify can recompute it.
 */
public final class DrawEngine {
    /** Version of this procedure; stored with each draw so that a verify knows what it recomputes. */
    public static final String VERSION = "statdesk-enf-draw-v1";
    public static final List<String> STRATA = List.of("above", "township", "below");

    /** A unit or township of the frozen population. */
    public record Member(String code, String countyCode) {
    }

    /** A certified inspector: {@code id} is the certificate number, unique in the roster. */
    public record Inspector(String id, String name, String countyCode) {
    }

    public record Population(List<Member> above, List<Member> townships, List<Member> below,
            List<Inspector> inspectors) {
        List<Member> stratum(String s) {
            return switch (s) {
                case "above" -> above;
                case "township" -> townships;
                default -> below;
            };
        }

        Map<String, Integer> counts() {
            Map<String, Integer> m = new LinkedHashMap<>();
            for (String s : STRATA) {
                m.put(s, stratum(s).size());
            }
            m.put("inspectors", inspectors.size());
            return m;
        }
    }

    /** Shares per stratum, inspectors per target, and the city code whose staff may inspect any county. */
    public record Rules(double aboveShare, double townshipShare, double belowShare, int perTarget,
            String cityCode) {
        double share(String stratum) {
            return switch (stratum) {
                case "above" -> aboveShare;
                case "township" -> townshipShare;
                default -> belowShare;
            };
        }

        String encode() {
            return "above=" + aboveShare + ";township=" + townshipShare + ";below=" + belowShare + ";per_target="
                    + perTarget + ";city=" + cityCode;
        }

        static Rules decode(String s) {
            Map<String, String> m = new HashMap<>();
            for (String part : s.split(";")) {
                int eq = part.indexOf('=');
                m.put(part.substring(0, eq), part.substring(eq + 1));
            }
            return new Rules(Double.parseDouble(m.get("above")), Double.parseDouble(m.get("township")),
                    Double.parseDouble(m.get("below")), Integer.parseInt(m.get("per_target")), m.get("city"));
        }
    }

    public record Target(String kind, String code, String countyCode, String stratum, List<Inspector> inspectors) {
    }

    public record Result(long seed, String populationHash, String algorithm, List<Target> targets,
            Map<String, Integer> populationCounts) {
    }

    private static final java.util.concurrent.Executor HASH_THREAD = r -> {
        Thread t = new Thread(r, "enforcement-population-hash");
        t.setDaemon(true);
        t.start();
    };

    private final Sampler sampler;

    public DrawEngine(Sampler sampler) {
        this.sampler = sampler;
    }

    /** The population as the strings hashed and sampled: the hash covers units, townships and inspectors. */
    public String populationHash(Population p) {
        List<String> all = new ArrayList<>(p.above().size() + p.below().size() + p.townships().size() + 512);
        for (String s : STRATA) {
            for (Member m : p.stratum(s)) {
                all.add(s + "|" + m.code() + "|" + m.countyCode());
            }
        }
        for (Inspector i : p.inspectors()) {
            all.add("inspector|" + i.id() + "|" + i.name() + "|" + i.countyCode());
        }
        return sampler.populationHash(all);
    }

    /** Number of targets a stratum of {@code n} needs: the share rounded up, so that the share is met. */
    static int needed(double share, int n) {
        // the epsilon keeps 0.2 × 5 = 1.0000000000000002 from becoming 2
        return (int) Math.min(n, Math.ceil(share * n - 1e-9));
    }

    /**
     * Draws. Throws {@link BadInputException} naming each county whose targets cannot get enough certified
     * inspectors from outside it; nothing is drawn then.
     */
    public Result draw(Population p, Rules r, long seed, Function<String, String> countyName) {
        return draw(p, r, seed, countyName, null);
    }

    /**
     * Draws, with the population's hash when the caller has it already (a verify); otherwise it is computed on a
     * second thread while the draw runs, since the two do not depend on each other.
     */
    public Result draw(Population p, Rules r, long seed, Function<String, String> countyName, String knownHash) {
        CompletableFuture<String> hash = knownHash != null ? CompletableFuture.completedFuture(knownHash)
                : CompletableFuture.supplyAsync(() -> populationHash(p), HASH_THREAD);
        // targets: per stratum and county, so that each county bureau's units are covered at the share too
        List<Target> picked = new ArrayList<>();
        for (String stratum : STRATA) {
            Map<String, List<String>> byCounty = new TreeMap<>();
            for (Member m : p.stratum(stratum)) {
                byCounty.computeIfAbsent(m.countyCode(), k -> new ArrayList<>()).add(m.code());
            }
            for (Map.Entry<String, List<String>> e : byCounty.entrySet()) {
                int k = needed(r.share(stratum), e.getValue().size());
                if (k == 0) {
                    continue;
                }
                Sampler.Sample s = sampler.sample(e.getValue(), k, derive(seed, "targets|" + stratum + "|" + e.getKey()));
                for (String code : s.members()) {
                    picked.add(new Target(stratum.equals("township") ? "township" : "unit", code, e.getKey(),
                            stratum, List.of()));
                }
            }
        }
        checkFeasible(picked, p.inspectors(), r, countyName);

        // inspectors: targets in a random order, each given the eligible inspectors with the least work so far;
        // ties at each workload level are broken by a fresh random ranking, so teams vary from round to round.
        // Counties are compared as small numbers: this loop runs targets × inspectors times.
        int n = p.inspectors().size();
        List<String> ids = new ArrayList<>(n);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            ids.add(p.inspectors().get(i).id());
            index.put(p.inspectors().get(i).id(), i);
        }
        Map<String, Integer> countyNo = new HashMap<>();
        int[] county = new int[n];
        boolean[] city = new boolean[n];
        for (int i = 0; i < n; i++) {
            String c = p.inspectors().get(i).countyCode();
            county[i] = countyNo.computeIfAbsent(c, x -> countyNo.size());
            city[i] = c.equals(r.cityCode());
        }
        int[] targetCounty = new int[picked.size()];
        Map<String, Integer> targetIndex = new HashMap<>();
        List<String> keys = new ArrayList<>(picked.size());
        for (int t = 0; t < picked.size(); t++) {
            String key = picked.get(t).stratum() + "|" + picked.get(t).code();
            keys.add(key);
            targetIndex.put(key, t);
            targetCounty[t] = countyNo.computeIfAbsent(picked.get(t).countyCode(), x -> countyNo.size());
        }
        List<String> drawnOrder = picked.isEmpty() ? List.of()
                : sampler.sample(keys, keys.size(), derive(seed, "order")).members();
        // the most constrained targets first (fewest eligible inspectors, i.e. the county with most inspectors of
        // its own); the flexible ones come last and fill the gaps, so the workload ends up even. A stable sort by
        // that count, as a counting sort over the few distinct counts.
        int[] eligibleCount = new int[countyNo.size()];
        for (int c = 0; c < eligibleCount.length; c++) {
            for (int i = 0; i < n; i++) {
                if (city[i] || county[i] != c) {
                    eligibleCount[c]++;
                }
            }
        }
        int[] order = stableByCount(drawnOrder, targetIndex, targetCounty, eligibleCount, n);
        int[] load = new int[n];
        List<int[]> rankByLevel = new ArrayList<>();
        int[][] teams = new int[picked.size()][];
        int[] chosen = new int[r.perTarget()];
        int maxLoad = 0;
        for (int t : order) {
            // Ranks of every load level an inspector can have now, made before the 300-inspector scan so that the
            // scan only indexes (it ran 20,000 × 300 times through rank()). A level's ranks depend on the seed and
            // the level only, so making them earlier draws the same teams.
            rank(rankByLevel, maxLoad, ids, index, seed);
            int tc = targetCounty[t];
            int got = 0;
            for (int i = 0; i < n; i++) {
                if (!city[i] && county[i] == tc) {
                    continue;
                }
                int li = load[i];
                int rank = rankByLevel.get(li)[i];
                // insertion into the k best so far by (load, rank)
                int pos = got < chosen.length ? got++ : chosen.length;
                while (pos > 0) {
                    int b = chosen[pos - 1];
                    int lb = load[b];
                    boolean better = li != lb ? li < lb : rank < rankByLevel.get(lb)[b];
                    if (!better) {
                        break;
                    }
                    if (pos < chosen.length) {
                        chosen[pos] = chosen[pos - 1];
                    }
                    pos--;
                }
                if (pos < chosen.length) {
                    chosen[pos] = i;
                }
            }
            teams[t] = chosen.clone();
            for (int i : chosen) {
                load[i]++;
                maxLoad = Math.max(maxLoad, load[i]);
            }
        }
        rebalance(targetCounty, teams, load, county, city, rankByLevel.isEmpty() ? new int[n] : rankByLevel.get(0));
        Target[] assigned = new Target[picked.size()];
        for (int t = 0; t < picked.size(); t++) {
            Target target = picked.get(t);
            List<Inspector> team = new ArrayList<>(teams[t].length);
            for (int i : teams[t]) {
                team.add(p.inspectors().get(i));
            }
            team.sort(Comparator.comparing(Inspector::id));
            assigned[t] = new Target(target.kind(), target.code(), target.countyCode(), target.stratum(),
                    List.copyOf(team));
        }
        List<Target> out = new ArrayList<>(List.of(assigned));
        out.sort(TARGET_ORDER);
        return new Result(seed, hash.join(), VERSION + "+" + Sampler.ALGORITHM, List.copyOf(out), p.counts());
    }

    /**
     * Evens out what the greedy pass left uneven under 回避: while some inspector has at least two targets more than
     * another, hand one of the busier one's targets to the idler one where the rules allow. Deterministic: inspectors
     * by load then by their random rank, targets in draw order.
     */
    private static void rebalance(int[] targetCounty, int[][] teams, int[] load, int[] county, boolean[] city,
            int[] rank) {
        int n = load.length;
        if (n == 0) {
            return;
        }
        List<List<Integer>> work = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            work.add(new ArrayList<>());
        }
        for (int t = 0; t < teams.length; t++) {
            for (int i : teams[t]) {
                work.get(i).add(t);
            }
        }
        Integer[] byLoad = new Integer[n];
        boolean moved = true;
        while (moved) {
            moved = false;
            for (int i = 0; i < n; i++) {
                byLoad[i] = i;
            }
            java.util.Arrays.sort(byLoad, (a, b) -> load[a] != load[b] ? Integer.compare(load[b], load[a])
                    : Integer.compare(rank[a], rank[b]));
            outer:
            for (int x = 0; x < n; x++) {
                int busy = byLoad[x];
                for (int y = n - 1; y > x; y--) {
                    int idle = byLoad[y];
                    if (load[idle] > load[busy] - 2) {
                        break;
                    }
                    List<Integer> mine = work.get(busy);
                    for (int k = 0; k < mine.size(); k++) {
                        int t = mine.get(k);
                        if ((!city[idle] && county[idle] == targetCounty[t]) || contains(teams[t], idle)) {
                            continue;
                        }
                        for (int j = 0; j < teams[t].length; j++) {
                            if (teams[t][j] == busy) {
                                teams[t][j] = idle;
                            }
                        }
                        mine.remove(k);
                        work.get(idle).add(t);
                        load[busy]--;
                        load[idle]++;
                        moved = true;
                        break outer;
                    }
                }
            }
        }
    }

    private static boolean contains(int[] a, int v) {
        for (int x : a) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    static final Comparator<Target> TARGET_ORDER = Comparator
            .comparingInt((Target t) -> stratumNo(t.stratum())).thenComparing(Target::countyCode)
            .thenComparing(Target::code);

    /** The random ranking of inspectors used to break ties among those with {@code level} targets so far. */
    private int[] rank(List<int[]> ranks, int level, List<String> ids, Map<String, Integer> index, long seed) {
        while (ranks.size() <= level) {
            List<String> perm = sampler.sample(ids, ids.size(), derive(seed, "inspectors|" + ranks.size())).members();
            int[] rank = new int[ids.size()];
            for (int j = 0; j < perm.size(); j++) {
                rank[index.get(perm.get(j))] = j;
            }
            ranks.add(rank);
        }
        return ranks.get(level);
    }

    /** 回避: no inspector checks a target of their own county; city bureau staff may check anywhere. */
    static boolean eligible(String inspectorCounty, String targetCounty, String cityCode) {
        return inspectorCounty.equals(cityCode) || !inspectorCounty.equals(targetCounty);
    }

    private static void checkFeasible(List<Target> targets, List<Inspector> inspectors, Rules r,
            Function<String, String> countyName) {
        Map<String, Integer> targetsByCounty = new TreeMap<>();
        for (Target t : targets) {
            targetsByCounty.merge(t.countyCode(), 1, Integer::sum);
        }
        List<InputError> errors = new ArrayList<>();
        for (Map.Entry<String, Integer> e : targetsByCounty.entrySet()) {
            int eligible = 0;
            for (Inspector i : inspectors) {
                if (eligible(i.countyCode(), e.getKey(), r.cityCode())) {
                    eligible++;
                }
            }
            if (eligible < r.perTarget()) {
                errors.add(InputError.of("inspectors", e.getKey(), "回避规则无法满足：" + countyName.apply(e.getKey())
                        + "（" + e.getKey() + "）有 " + e.getValue() + " 个检查对象，每个对象至少需要 " + r.perTarget()
                        + " 名持证执法人员，而本县区以外（含市局）的持证执法人员只有 " + eligible + " 名"));
            }
        }
        if (!errors.isEmpty()) {
            throw new BadInputException("抽取无法满足执法人员规则，未抽取：" + errors.get(0).message(), errors);
        }
    }

    private static int stratumNo(String s) {
        return switch (s) {
            case "above" -> 0;
            case "township" -> 1;
            default -> 2;
        };
    }

    /** Target indexes in drawn order, stably sorted by the eligible-inspector count of their county. */
    private static int[] stableByCount(List<String> drawnOrder, Map<String, Integer> targetIndex, int[] targetCounty,
            int[] eligibleCount, int n) {
        int[] start = new int[n + 2];
        int[] ts = new int[drawnOrder.size()];
        for (int k = 0; k < ts.length; k++) {
            ts[k] = targetIndex.get(drawnOrder.get(k));
            start[eligibleCount[targetCounty[ts[k]]] + 1]++;
        }
        for (int c = 1; c < start.length; c++) {
            start[c] += start[c - 1];
        }
        int[] out = new int[ts.length];
        for (int t : ts) {
            out[start[eligibleCount[targetCounty[t]]]++] = t;
        }
        return out;
    }

    /** A seed for one use, derived from the draw's seed by SplitMix64 over the label, so uses are independent. */
    static long derive(long seed, String label) {
        long h = seed;
        for (byte b : label.getBytes(StandardCharsets.UTF_8)) {
            h = mix(h ^ (b & 0xff));
        }
        return mix(h);
    }

    private static long mix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** SHA-256 over the targets and their inspectors in canonical order: what a verify compares. */
    public static String digest(List<Target> targets) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            List<Target> sorted = new ArrayList<>(targets);
            sorted.sort(TARGET_ORDER);
            for (Target t : sorted) {
                StringBuilder sb = new StringBuilder();
                sb.append(t.stratum()).append('|').append(t.kind()).append('|').append(t.code()).append('|')
                        .append(t.countyCode());
                t.inspectors().stream().map(Inspector::id).sorted().forEach(id -> sb.append('|').append(id));
                sb.append('\n');
                md.update(sb.toString().getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
