package org.statdesk.review.internal.run;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.IntStream;
import org.statdesk.api.registry.Unit;
import org.statdesk.api.review.Indicator;
import org.statdesk.api.store.Store;
import org.statdesk.review.internal.FormSpec;
import org.statdesk.review.internal.Panel;
import org.statdesk.review.internal.Period;
import org.statdesk.review.internal.tables.FormSlotTable;
import org.statdesk.review.internal.tables.ReportTable;
import org.statdesk.review.internal.tables.Sql;

/**
 * Reads the panel of a form for period t: units that reported at t, with the months the review needs. Reads only
 * the indicator columns each month is used for (every indicator this month, last month and last year's month; the
 * month figures in 千元 and the compared indicators for the unit's own median and 1-2月), one period at a time in
 * key order, and places each row by a merge with the sorted units of t (no map per row).
 */
public final class PanelReader {
    private final Store store;

    public PanelReader(Store store) {
        this.store = store;
    }

    /**
     * The panel with the months back to t - {@code deepest} (and last year's months when {@code lastYear}): a run
     * reads as deep as the unit's own median needs, a comparison only what the month-on-month test needs.
     */
    public Panel load(Connection c, FormSpec f, String period, Map<String, Unit> units, int deepest, boolean lastYear)
            throws SQLException {
        Map<String, Integer> slots = FormSlotTable.read(c, f.code());
        int m = f.indicators().size();
        int[] slotOf = new int[m];
        boolean[] deep = new boolean[m];
        for (int j = 0; j < m; j++) {
            Indicator ind = f.indicators().get(j);
            slotOf[j] = slots.getOrDefault(ind.code(), 0);
            deep[j] = f.compared().contains(ind.code()) || f.isConfronted(ind.code())
                    || (ind.unit().equals("千元") && !ind.kind().equals("ytd"));
        }
        // stream the rows rather than copy a 100,000-row result (spilled to disk beyond H2's memory rows)
        store.streamResults(c, true);
        try {
            List<String> codes = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(ReportTable.SELECT_UNITS)) {
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
            readMonths(c, f, p, slotOf, deep, code, deepest, lastYear);
            return p;
        } finally {
            store.streamResults(c, false); // a pooled connection goes back as it came
        }
    }

    private void readMonths(Connection c, FormSpec f, Panel p, int[] slotOf, boolean[] deep, String[] code,
            int deepest, boolean lastYear) throws SQLException {
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
        // the months are independent: a second connection reads every other one on a second thread (the time goes
        // into the database's row lookups, and a workstation has at least two cores)
        final Map<String, Integer> idx = index;
        List<Integer> mine = new ArrayList<>();
        List<Integer> theirs = new ArrayList<>();
        for (int i = 0; i < offs.size(); i++) {
            (i % 2 == 0 ? mine : theirs).add(offs.get(i));
        }
        CompletableFuture<Void> other = CompletableFuture.runAsync(() -> {
            try (Connection c2 = store.connection()) {
                store.streamResults(c2, true);
                try {
                    for (int off : theirs) {
                        readMonth(c2, f, p, off, slotOf, deep, code, idx);
                    }
                } finally {
                    store.streamResults(c2, false);
                }
            } catch (SQLException e) {
                throw new CompletionException(e);
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
            } catch (CompletionException e) {
                if (e.getCause() instanceof SQLException se) {
                    throw se;
                }
                throw e;
            }
        }
    }

    /** Reads the columns month t - off is used for into the panel, placing rows by merge (or by map). */
    private static void readMonth(Connection c, FormSpec f, Panel p, int off, int[] slotOf, boolean[] deep,
            String[] code, Map<String, Integer> index) throws SQLException {
        boolean all = off == 0 || off == 1 || off == 12;
        int[] js = IntStream.range(0, slotOf.length).filter(j -> slotOf[j] > 0 && (all || deep[j])).toArray();
        int[] slots = IntStream.of(js).map(j -> slotOf[j]).toArray();
        double[][] x = p.x[off];
        try (PreparedStatement ps = c.prepareStatement(ReportTable.selectSlots(slots))) {
            ps.setFetchSize(10_000);
            ps.setString(1, Period.shift(p.period, -off));
            ps.setString(2, f.code());
            try (ResultSet rs = ps.executeQuery()) {
                int u = 0;
                while (index != null && rs.next()) {
                    Integer at = index.get(rs.getString(1));
                    if (at != null) {
                        for (int k = 0; k < js.length; k++) {
                            x[js[k]][at] = Sql.getDouble(rs, 2 + k);
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
                        x[js[k]][u] = Sql.getDouble(rs, 2 + k);
                    }
                    u++;
                }
            }
        }
    }
}
