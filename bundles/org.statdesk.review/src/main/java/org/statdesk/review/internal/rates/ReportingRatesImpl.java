package org.statdesk.review.internal.rates;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.people.Scope;
import org.statdesk.api.registry.Unit;
import org.statdesk.api.review.ReviewService.Filing;
import org.statdesk.api.review.ReviewService.Rates;
import org.statdesk.api.store.Store;
import org.statdesk.review.internal.Checks;
import org.statdesk.review.internal.FormSpec;
import org.statdesk.review.internal.Period;
import org.statdesk.review.internal.forms.FormCatalogue;
import org.statdesk.review.internal.scope.ReviewScope;
import org.statdesk.review.internal.tables.FlagTable;
import org.statdesk.review.internal.tables.ReportTable;
import org.statdesk.review.internal.tables.ReviewSchema;

/**
 * 上报率 = reported / due (units in the register, above scale, of a specialty with an enabled form); 及时率 =
 * reported by the form's deadline day of the next month / due; 准确率 = reported with no open error flag and no
 * correction / reported.
 */
@Component(service = ReportingRates.class)
public final class ReportingRatesImpl implements ReportingRates {
    private final Store store;
    private final ReviewScope scope;
    private final FormCatalogue forms;

    @Activate
    public ReportingRatesImpl(@Reference ReviewSchema schema, @Reference ReviewScope scope,
            @Reference FormCatalogue forms) {
        this.store = schema.store();
        this.scope = scope;
        this.forms = forms;
    }

    /** The rates of the units within the scope of the person working (a county user: no city row). */
    @Override
    public List<RateRow> rateRows(String period, String specialty) {
        Checks.period(period);
        Scope mine = scope.scope();
        List<FormSpec> selected = selected(specialty, mine);
        Map<String, int[]> counts = new TreeMap<>(); // county|specialty -> due, reported, timely, accurate
        due(period, selected, mine, d -> {
            int[] row = counts.computeIfAbsent(d.filing().county() + "|" + d.filing().specialty(), k -> new int[4]);
            int[] all = counts.computeIfAbsent(d.filing().county() + "|all", k -> new int[4]);
            int[][] rows = mine.county() == null ? new int[][] {row, all, counts.computeIfAbsent("all|all",
                    k -> new int[4])} : new int[][] {row, all};
            for (int[] r : rows) {
                r[0]++;
                if (d.filing().reported()) {
                    r[1]++;
                    r[2] += d.filing().timely() ? 1 : 0;
                    r[3] += d.accurate() ? 1 : 0;
                }
            }
        });
        List<RateRow> out = new ArrayList<>();
        counts.forEach((k, r) -> {
            String[] parts = k.split("\\|");
            if (selected.size() == 1 && parts[1].equals("all") && !parts[0].equals("all")) {
                return; // one specialty: the county's "all" row repeats its specialty row
            }
            out.add(new RateRow(parts[0], parts[1], new Rates(r[0], r[1], r[2], r[3], share(r[1], r[0]),
                    share(r[2], r[0]), share(r[3], r[1]))));
        });
        return out;
    }

    @Override
    public List<Filing> filings(String period, String specialty) {
        Checks.period(period);
        Scope mine = scope.scope();
        List<Filing> out = new ArrayList<>();
        due(period, selected(specialty, mine), mine, d -> out.add(d.filing()));
        return out;
    }

    /** The forms of {@code specialty} (null: every enabled one) that the person's scope covers. */
    private List<FormSpec> selected(String specialty, Scope mine) {
        return forms.selected(specialty).stream().filter(f -> mine.covers(mine.county(), f.specialty())).toList();
    }

    /** A due unit's filing and whether it counts as accurate: what both the rates and the filings list are made of. */
    private record Due(Filing filing, boolean accurate) {
    }

    private void due(String period, List<FormSpec> selected, Scope mine, Consumer<Due> on) {
        try (Connection c = store.connection()) {
            for (FormSpec f : selected) {
                due(c, f, period, mine, on);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void due(Connection c, FormSpec f, String period, Scope mine, Consumer<Due> on)
            throws SQLException {
        LocalDate deadline = LocalDate.parse(Period.shift(period, 1) + "-01").withDayOfMonth(
                Math.min(f.deadlineDay(), 28));
        Map<String, LocalDate> reported = new HashMap<>();
        Map<String, Integer> revisions = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(ReportTable.SELECT_FILED)) {
            ps.setString(1, period);
            ps.setString(2, f.code());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    reported.put(rs.getString(1), rs.getDate(2).toLocalDate());
                    revisions.put(rs.getString(1), rs.getInt(3));
                }
            }
        }
        Set<String> notAccurate = FlagTable.notAccurate(c, period, f.code());
        for (Unit u : scope.units(f.specialty()).values()) {
            if (!u.inRegister() || "below".equals(u.scale()) || !mine.covers(u.countyCode(), u.specialty())) {
                continue; // 四下 sample units are not due on the monthly form
            }
            LocalDate filed = reported.get(u.creditCode());
            boolean accurate = filed != null && revisions.get(u.creditCode()) == 0
                    && !notAccurate.contains(u.creditCode());
            on.accept(new Due(new Filing(u.creditCode(), u.countyCode(), f.specialty(), f.code(),
                    filed == null ? null : filed.toString(), deadline.toString(),
                    filed != null && !filed.isAfter(deadline)), accurate));
        }
    }

    private static double share(int a, int b) {
        return b == 0 ? 1.0 : Math.round(a * 10000.0 / b) / 10000.0;
    }
}
