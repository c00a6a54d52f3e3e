package org.statdesk.review.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.review.Flag;
import org.statdesk.api.review.ReportForm;
import org.statdesk.api.review.ReviewService;
import org.statdesk.api.store.Store;
import org.statdesk.review.internal.flags.FlagWorkflow;
import org.statdesk.review.internal.forms.FormCatalogue;
import org.statdesk.review.internal.scope.ReviewScope;
import org.statdesk.review.internal.rates.ReportingRates;
import org.statdesk.review.internal.status.PeriodStatuses;
import org.statdesk.review.internal.run.ReviewRun;
import org.statdesk.review.internal.tables.FormSlotTable;
import org.statdesk.review.internal.tables.ReportTable;
import org.statdesk.review.internal.tables.ReviewSchema;

/**
 * The review as charts and views see it ({@link ReviewService}): each question goes to the room that answers it;
 * only the reads of reported figures (values, a unit's series) are answered here.
 */
@Component(service = ReviewService.class)
public final class ReviewServiceImpl implements ReviewService {
    private final Store store;
    private final FormCatalogue forms;
    private final ReviewRun runs;
    private final FlagWorkflow flags;
    private final ReportingRates rates;
    private final ReviewScope scope;

    /** The period's status, read where every other reader reads it. */
    private final PeriodStatuses statuses;

    @Activate
    public ReviewServiceImpl(@Reference ReviewSchema schema, @Reference FormCatalogue forms,
            @Reference ReviewRun runs, @Reference FlagWorkflow flags, @Reference ReportingRates rates,
            @Reference ReviewScope scope, @Reference PeriodStatuses statuses) {
        this.statuses = statuses;
        this.store = schema.store();
        this.forms = forms;
        this.runs = runs;
        this.flags = flags;
        this.rates = rates;
        this.scope = scope;
    }

    @Override
    public boolean released(String period, String specialty) {
        Checks.period(period);
        return statuses.status(period, specialty).status().equals("released");
    }

    @Override
    public List<ReportForm> forms() {
        return forms.forms();
    }

    @Override
    public List<Flag> flags(String period, String specialty) {
        return flags.flags(period, specialty);
    }

    @Override
    public List<Flag> run(String period, String specialty) {
        return runs.run(period, specialty);
    }

    @Override
    public Flag resolve(long flagId, String action, String text, Double revisedValue, String reason) {
        return flags.resolve(flagId, action, text, revisedValue, reason);
    }

    @Override
    public Map<String, Rates> rates(String period, String specialty) {
        return rates.rates(period, specialty);
    }

    /** The figures of the units within the scope of the person working. */
    @Override
    public List<Filing> filings(String period, String specialty) {
        return rates.filings(period, specialty);
    }

    @Override
    public Map<String, Double> values(String period, String indicator) {
        Map<String, Double> all = figures(indicator, ReportTable::selectIndicator, period);
        all.keySet().removeIf(scope.visible(null).negate());
        return all;
    }

    /** One unit's figures; a unit outside the scope of the person working is "not permitted". */
    @Override
    public Map<String, Double> series(String creditCode, String indicator, String fromPeriod, String toPeriod) {
        scope.requireUnit(creditCode);
        return figures(indicator, ReportTable::selectSeries, creditCode, fromPeriod, toPeriod);
    }

    /**
     * Key (credit code or period) to figure of one indicator, over every form that has it: the statement for the
     * indicator's column, bound with the first parameter, the form, then the rest.
     */
    private Map<String, Double> figures(String indicator, java.util.function.IntFunction<String> sql,
            String first, String... rest) {
        Map<String, Double> out = new TreeMap<>();
        try (Connection c = store.connection()) {
            for (FormSpec f : forms.specs()) {
                Integer slot = FormSlotTable.read(c, f.code()).get(indicator);
                if (slot == null || f.indexOf(indicator) < 0) {
                    continue;
                }
                try (PreparedStatement ps = c.prepareStatement(sql.apply(slot))) {
                    ps.setString(1, first);
                    ps.setString(2, f.code());
                    for (int i = 0; i < rest.length; i++) {
                        ps.setString(3 + i, rest[i]);
                    }
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
}
