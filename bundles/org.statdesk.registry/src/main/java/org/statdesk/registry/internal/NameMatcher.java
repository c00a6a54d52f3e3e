package org.statdesk.registry.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Near-identical unit names (疑似重复): names are normalised (punctuation, spaces, place prefixes and company
 * suffixes removed) and compared by character-bigram Dice similarity. Candidates are blocked through an inverted
 * index of bigrams with a prefix filter on the rarest bigrams, so 100,000 names need no pairwise comparison.
 */
public final class NameMatcher {
    static final String[] SUFFIXES = {"股份有限公司", "有限责任公司", "有限公司", "责任公司", "分公司", "总公司", "公司",
        "集团", "股份"};
    private final List<String> places;
    private final double threshold;

    public NameMatcher(List<String> placeNames, double threshold) {
        this.places = placeNames;
        this.threshold = threshold;
    }

    /** Letters and digits only, full-width ASCII folded, lower case. */
    static String clean(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch >= '\uFF01' && ch <= '\uFF5E') {
                ch = (char) (ch - 0xFEE0);
            }
            if (Character.isLetterOrDigit(ch)) {
                sb.append(Character.toLowerCase(ch));
            }
        }
        return sb.toString();
    }

    String normaliseName(String name) {
        String s = clean(name);
        boolean again = true;
        while (again) {
            again = false;
            for (String suf : SUFFIXES) {
                if (s.endsWith(suf) && s.length() > suf.length()) {
                    s = s.substring(0, s.length() - suf.length());
                    again = true;
                }
            }
            for (String p : places) {
                if (s.startsWith(p) && s.length() > p.length() + 1) {
                    s = s.substring(p.length());
                    again = true;
                }
            }
        }
        return s;
    }

    /** Distinct character bigrams as sorted ints; a one-character string is its own token. */
    static int[] bigrams(String s) {
        if (s.length() < 2) {
            return s.isEmpty() ? new int[0] : new int[] {s.charAt(0)};
        }
        int[] out = new int[s.length() - 1];
        for (int i = 0; i + 1 < s.length(); i++) {
            out[i] = (s.charAt(i) << 16) | s.charAt(i + 1);
        }
        Arrays.sort(out);
        int n = 0;
        for (int i = 0; i < out.length; i++) {
            if (i == 0 || out[i] != out[i - 1]) {
                out[n++] = out[i];
            }
        }
        return Arrays.copyOf(out, n);
    }

    static double dice(int[] a, int[] b) {
        if (a.length == 0 || b.length == 0) {
            return 0;
        }
        int i = 0;
        int j = 0;
        int common = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                common++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return 2.0 * common / (a.length + b.length);
    }

    static double addressSimilarity(String a, String b) {
        return dice(bigrams(clean(a)), bigrams(clean(b)));
    }

    /** A record to compare: {@code fresh} ones are compared with all; old ones only with fresh ones. */
    public record Item(String id, String code, String name, String address, boolean fresh) {
    }

    public record Match(int a, int b, double nameSimilarity, double addressSimilarity, double score) {
    }

    /** Pairs with name similarity at or above the threshold and different credit codes; at least one fresh. */
    public List<Match> matches(List<Item> items) {
        int n = items.size();
        int[][] grams = new int[n][];
        // Bigrams renumbered densely, so that counts and postings are plain arrays.
        Map<Integer, Integer> ids = new HashMap<>();
        int[] df = new int[1024];
        for (int i = 0; i < n; i++) {
            int[] g = bigrams(normaliseName(items.get(i).name()));
            for (int k = 0; k < g.length; k++) {
                Integer id = ids.get(g[k]);
                if (id == null) {
                    id = ids.size();
                    ids.put(g[k], id);
                    if (id == df.length) {
                        df = Arrays.copyOf(df, id * 2);
                    }
                }
                g[k] = id;
                df[id]++;
            }
            Arrays.sort(g);
            grams[i] = g;
        }
        int[][] postings = new int[ids.size()][];
        int[] fill = new int[ids.size()];
        for (int id = 0; id < postings.length; id++) {
            postings[id] = new int[df[id]];
        }
        for (int i = 0; i < n; i++) {
            for (int g : grams[i]) {
                postings[g][fill[g]++] = i;
            }
        }
        // Dice ≥ t means overlap ≥ t/(2-t)·|x|: two such names share one of the |x| - ceil(that) + 1 rarest
        // bigrams of each (prefix filter); and their sizes are within a factor t/(2-t) (length filter).
        double jaccard = threshold / (2 - threshold);
        List<Match> out = new ArrayList<>();
        int[] seen = new int[n];
        Arrays.fill(seen, -1);
        for (int i = 0; i < n; i++) {
            int[] g = grams[i];
            if (g.length == 0) {
                continue;
            }
            long[] byRarity = new long[g.length];
            for (int k = 0; k < g.length; k++) {
                byRarity[k] = ((long) df[g[k]] << 32) | g[k];
            }
            Arrays.sort(byRarity);
            int prefix = Math.min(g.length, g.length - (int) Math.ceil(jaccard * g.length - 1e-9) + 1);
            double minLen = jaccard * g.length - 1e-9;
            double maxLen = g.length / jaccard + 1e-9;
            boolean freshI = items.get(i).fresh();
            for (int k = 0; k < prefix; k++) {
                for (int j : postings[(int) byRarity[k]]) {
                    if (j <= i || seen[j] == i) {
                        continue;
                    }
                    seen[j] = i;
                    int len = grams[j].length;
                    if (len < minLen || len > maxLen || !(freshI || items.get(j).fresh())) {
                        continue;
                    }
                    double sim = dice(g, grams[j]);
                    if (sim >= threshold) {
                        Item a = items.get(i);
                        Item b = items.get(j);
                        if (a.code().equals(b.code())) {
                            continue;
                        }
                        double addr = addressSimilarity(a.address(), b.address());
                        out.add(new Match(i, j, round(sim), round(addr), round(0.7 * sim + 0.3 * addr)));
                    }
                }
            }
        }
        return out;
    }

    static double round(double d) {
        return Math.round(d * 100) / 100.0;
    }
}
