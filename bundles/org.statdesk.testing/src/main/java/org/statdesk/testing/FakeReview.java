package org.statdesk.testing;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.statdesk.api.audit.Journal;
import org.statdesk.api.review.Flag;
import org.statdesk.api.review.ReportForm;
import org.statdesk.api.review.ReviewService;

/**
 * A {@link ReviewService} whose forms, values, flags and rates a test sets, so that chart and view tests control
 * every figure. {@link #resolve} moves a flag on and journals it as the real workflow does.
 */
public final class FakeReview implements ReviewService {
    public final List<ReportForm> forms = new ArrayList<>();
    /** period → indicator → credit code → value */
    public final Map<String, Map<String, Map<String, Double>>> values = new HashMap<>();
    public final List<Flag> flags = new ArrayList<>();
    public final Map<String, Rates> rates = new LinkedHashMap<>();
    /** The filings {@link #filings} gives, of every period. */
    public final List<Filing> filings = new ArrayList<>();
    /** {id, action, text, reason} of every resolve call. */
    public final List<String[]> resolved = new ArrayList<>();
    public final List<Journal.Entry> journal = new CopyOnWriteArrayList<>();
    /** The months released, as {@code period/specialty}. */
    public final java.util.Set<String> released = new java.util.HashSet<>();
    /** How often {@link #flags} was asked (views must not ask again on every repaint). */
    public int flagCalls;

    public void put(String period, String indicator, String code, double v) {
        values.computeIfAbsent(period, k -> new HashMap<>()).computeIfAbsent(indicator, k -> new HashMap<>())
                .put(code, v);
    }

    @Override
    public boolean released(String period, String specialty) {
        return released.contains(period + "/" + specialty);
    }

    @Override
    public List<ReportForm> forms() {
        return forms;
    }

    @Override
    public List<Flag> flags(String period, String specialty) {
        flagCalls++;
        return flags.stream().filter(f -> f.period().equals(period)).toList();
    }

    @Override
    public List<Flag> run(String period, String specialty) {
        return flags(period, specialty);
    }

    @Override
    public Map<String, Double> values(String period, String indicator) {
        return values.getOrDefault(period, Map.of()).getOrDefault(indicator, Map.of());
    }

    @Override
    public Map<String, Double> series(String code, String indicator, String from, String to) {
        Map<String, Double> out = new TreeMap<>();
        for (String p : window(to, 240)) {
            if (p.compareTo(from) >= 0) {
                Double v = values(p, indicator).get(code);
                if (v != null) {
                    out.put(p, v);
                }
            }
        }
        return out;
    }

    @Override
    public Flag resolve(long id, String action, String text, Double revised, String reason) {
        resolved.add(new String[] {String.valueOf(id), action, text, reason});
        for (int i = 0; i < flags.size(); i++) {
            Flag f = flags.get(i);
            if (f.id() == id) {
                Flag n = new Flag(f.id(), f.creditCode(), f.period(), f.indicator(), f.rule(), f.kind(),
                        f.severity(), revised == null ? f.value() : revised, f.expected(), f.score(), f.message(),
                        action);
                flags.set(i, n);
                if (revised != null) {
                    // as the workflow does: the correction goes into the report, which the charts and tables read
                    put(f.period(), f.indicator(), f.creditCode(), revised);
                }
                journal.add(new Journal.Entry(journal.size() + 1, "2024-07-03T10:00:00", "reviewer",
                        "org.statdesk.review", "flag", f.creditCode(), "status", f.status(), action, reason, null,
                        "h"));
                return n;
            }
        }
        throw new IllegalArgumentException("no flag " + id);
    }

    @Override
    public Map<String, Rates> rates(String period, String specialty) {
        return rates;
    }

    @Override
    public List<Filing> filings(String period, String specialty) {
        return filings.stream().filter(f -> specialty == null || specialty.equals(f.specialty())).toList();
    }

    /** An open month-on-month warning (环比变化过大) as a test's flag. */
    public static Flag flag(long id, String code, String period, String indicator, double value, double score) {
        return new Flag(id, code, period, indicator, "IND-MOM", "comparative", "warning", value, null, score,
                "环比变化过大", "open");
    }

    /** The {@code count} periods ending with {@code last}, oldest first. */
    public static List<String> window(String last, int count) {
        List<String> out = new ArrayList<>();
        YearMonth end = YearMonth.parse(last);
        for (int i = count - 1; i >= 0; i--) {
            out.add(end.minusMonths(i).toString());
        }
        return out;
    }
}
