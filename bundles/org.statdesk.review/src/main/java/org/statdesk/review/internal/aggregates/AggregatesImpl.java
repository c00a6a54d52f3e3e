package org.statdesk.review.internal.aggregates;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.people.Scope;
import org.statdesk.api.registry.Unit;
import org.statdesk.api.review.Indicator;
import org.statdesk.api.store.Store;
import org.statdesk.review.internal.Checks;
import org.statdesk.review.internal.FormSpec;
import org.statdesk.review.internal.Period;
import org.statdesk.review.internal.forms.FormCatalogue;
import org.statdesk.review.internal.scope.ReviewScope;
import org.statdesk.review.internal.status.PeriodStatuses;
import org.statdesk.review.internal.tables.FormSlotTable;
import org.statdesk.review.internal.tables.ReportTable;
import org.statdesk.review.internal.tables.ReviewSchema;

/** Sums the reports of a period, last month and last year's month by county and for the city. */
@Component(service = Aggregates.class)
public final class AggregatesImpl implements Aggregates {
    private static final int[] OFFSETS = {0, 1, 12};
    private final Store store;
    private final ReviewScope scope;
    private final FormCatalogue forms;
    private final PeriodStatuses statuses;

    @Activate
    public AggregatesImpl(@Reference ReviewSchema schema, @Reference ReviewScope scope,
            @Reference FormCatalogue forms, @Reference PeriodStatuses statuses) {
        this.store = schema.store();
        this.scope = scope;
        this.forms = forms;
        this.statuses = statuses;
    }

    /**
     * The totals within the scope of the person working: a county user their county's (not the city's), a section
     * user their specialty's.
     */
    @Override
    public List<Aggregate> aggregate(String period, String specialty) {
        Checks.period(period);
        Scope mine = scope.scope();
        List<Aggregate> out = new ArrayList<>();
        try (Connection c = store.connection()) {
            for (FormSpec f : forms.selected(specialty)) {
                if (!mine.covers(mine.county(), f.specialty())) {
                    continue;
                }
                Map<String, double[][]> sums = sums(c, f, period);
                if (mine.county() != null) {
                    sums.keySet().retainAll(java.util.Set.of(mine.county()));
                }
                List<Total> totals = new ArrayList<>();
                sums.forEach((area, s) -> {
                    for (int j = 0; j < f.indicators().size(); j++) {
                        Indicator ind = f.indicators().get(j);
                        Double mom = ind.kind().equals("ytd") || s[1][j] == 0 ? null : round(s[0][j] / s[1][j] - 1);
                        Double yoy = s[2][j] == 0 ? null : round(s[0][j] / s[2][j] - 1);
                        totals.add(new Total(area, ind.code(), ind.name(), ind.unit(),
                                Math.round(s[0][j] * 1000) / 1000.0, mom, yoy));
                    }
                });
                PeriodStatuses.PeriodStatus st = statuses.status(period, f.specialty());
                boolean released = st.status().equals("released");
                out.add(new Aggregate(period, f.specialty(), f.code(), st.status(), released,
                        released ? "已发布" : NOT_FOR_PUBLICATION, st.note(),
                        totals));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** Area (county code, {@code city}) to the sums [this month, last month, last year's month][indicator]. */
    private Map<String, double[][]> sums(Connection c, FormSpec f, String period) throws SQLException {
        Map<String, Unit> units = scope.units(f.specialty());
        Map<String, Integer> slots = FormSlotTable.read(c, f.code());
        int m = f.indicators().size();
        Map<String, double[][]> sums = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement(ReportTable.SELECT_FIGURES)) {
            for (int o = 0; o < OFFSETS.length; o++) {
                ps.setString(1, Period.shift(period, -OFFSETS[o]));
                ps.setString(2, f.code());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Unit u = units.get(rs.getString(1));
                        String county = u == null ? "?" : u.countyCode();
                        for (String area : new String[] {county, "city"}) {
                            double[][] s = sums.computeIfAbsent(area, k -> new double[3][m]);
                            for (int j = 0; j < m; j++) {
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
        return sums;
    }

    private static Double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
