package org.statdesk.review.internal.compare;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.registry.Unit;
import org.statdesk.api.review.Comparison;
import org.statdesk.api.review.Comparisons;
import org.statdesk.api.review.Flag;
import org.statdesk.api.store.Store;
import org.statdesk.review.internal.Engine;
import org.statdesk.review.internal.FormSpec;
import org.statdesk.review.internal.Hb;
import org.statdesk.review.internal.Panel;
import org.statdesk.review.internal.Period;
import org.statdesk.review.internal.Settings;
import org.statdesk.review.internal.flags.FlagWorkflow;
import org.statdesk.review.internal.forms.FormCatalogue;
import org.statdesk.review.internal.scope.ReviewScope;
import org.statdesk.review.internal.run.ReviewRun;
import org.statdesk.review.internal.tables.ReviewSchema;

/**
 * The review's month-on-month comparisons unit by unit (比较): the panel a run reads, tested by the run's own
 * {@link Engine} with the run's settings, and the stored flags of the last run; so that a chart says of a unit what
 * the Problems view says.
 */
@Component(service = Comparisons.class, configurationPid = ComparisonsImpl.PID)
public final class ComparisonsImpl implements Comparisons {
    /** The review's configuration; only whether one exists is read here, the settings are the run's. */
    static final String PID = "org.statdesk.review";
    private final ReviewRun runs;
    private final FormCatalogue forms;
    private final FlagWorkflow flags;
    private final Store store;
    private final ReviewScope scope;
    private volatile String source;

    @Activate
    public ComparisonsImpl(@Reference ReviewRun runs, @Reference FormCatalogue forms, @Reference FlagWorkflow flags,
            @Reference ReviewSchema schema, @Reference ReviewScope scope, Map<String, Object> properties) {
        this(runs, forms, flags, schema.store(), scope, sourceOf(properties));
    }

    /**
     * For tests: {@code source} names the configuration the settings came from, null for the defaults. A factory,
     * not a second public constructor of the same length, which would leave DS to pick the wrong one.
     */
    public static ComparisonsImpl of(ReviewRun runs, FormCatalogue forms, FlagWorkflow flags, Store store,
            ReviewScope scope, String source) {
        return new ComparisonsImpl(runs, forms, flags, store, scope, source);
    }

    private ComparisonsImpl(ReviewRun runs, FormCatalogue forms, FlagWorkflow flags, Store store, ReviewScope scope,
            String source) {
        this.runs = runs;
        this.forms = forms;
        this.flags = flags;
        this.store = store;
        this.scope = scope;
        this.source = source;
    }

    @Modified
    void modified(Map<String, Object> properties) {
        source = sourceOf(properties);
    }

    private static String sourceOf(Map<String, Object> properties) {
        // ConfigAdmin adds service.pid to the component's properties when etc/org.statdesk.review.cfg exists
        return properties != null && properties.get("service.pid") != null ? PID : null;
    }

    @Override
    public Parameters parameters() {
        Settings s = runs.settings();
        return new Parameters(s.hbU(), s.hbA(), s.hbC(), s.minStratum(), s.momBand(), source);
    }

    /**
     * Tested over every unit of the city (the strata and bounds are the city's, whoever looks), the comparisons of
     * the units within the scope of the person working are returned: a chart of a county shows its county's units.
     */
    @Override
    public List<Comparison> comparisons(String period, String indicator, String specialty) {
        if (!Period.valid(period)) {
            throw new IllegalArgumentException("period must be YYYY-MM, not '" + period + "'");
        }
        FormSpec form = formOf(forms.specs(), indicator, specialty);
        if (form == null) {
            return List.of();
        }
        Map<String, Unit> units = scope.units(form.specialty());
        Predicate<String> visible = scope.visible(form.specialty());
        Panel panel;
        try (Connection c = store.connection()) {
            // the month-on-month test reads this month, last month and, for a 1-2月 report, December
            panel = runs.panel(c, form, period, units, Period.month(period) == 2 ? 2 : 1, false);
        } catch (SQLException e) {
            throw new IllegalStateException("comparisons of " + form.code() + " for " + period + ": " + e, e);
        }
        List<Comparison> all = of(form, panel, runs.settings(), indicator, flags.flags(period, form.specialty()));
        return all.stream().filter(cmp -> visible.test(cmp.creditCode())).toList();
    }

    /** The enabled form holding the indicator, of the specialty when given; the first by form code. */
    static FormSpec formOf(List<FormSpec> specs, String indicator, String specialty) {
        return specs.stream().filter(f -> specialty == null || specialty.equals(f.specialty()))
                .filter(f -> f.indexOf(indicator) >= 0).min(Comparator.comparing(FormSpec::code)).orElse(null);
    }

    /**
     * The comparisons of one indicator on a panel, as {@link Engine#run()} tests it with these settings, marked
     * with the given flags of the period (those of other indicators are passed over).
     */
    public static List<Comparison> of(FormSpec form, Panel panel, Settings s, String indicator, List<Flag> flags) {
        int j = form.indexOf(indicator);
        if (j < 0) {
            return List.of();
        }
        Map<String, List<String>> rules = new HashMap<>();
        for (Flag f : flags) {
            if (indicator.equals(f.indicator())) {
                List<String> r = rules.computeIfAbsent(f.creditCode(), k -> new ArrayList<>());
                if (!r.contains(f.rule())) {
                    r.add(f.rule());
                }
            }
        }
        Engine.MonthOnMonth m = new Engine(form, panel, s).monthOnMonth(j);
        String previous = Period.shift(panel.period, -1);
        String december = Period.shift(panel.period, -2);
        List<Comparison> out = new ArrayList<>();
        for (int u = 0; u < panel.size(); u++) {
            double cur = m.current()[u];
            double base = m.previous()[u];
            if (!(cur > 0 && base > 0)) {
                continue; // no ratio: a unit that stopped or started is another edit's
            }
            double median = m.medianRatio()[u];
            double size = Math.max(cur, base);
            boolean tested = m.stratum()[u] != null;
            double[] bounds = tested ? Hb.ratioBounds(median, m.lower()[u], m.upper()[u], size, s.hbU())
                    : new double[] {Double.NaN, Double.NaN};
            Unit info = panel.info[u];
            out.add(new Comparison(panel.units[u], info == null ? panel.units[u] : info.name(), indicator,
                    info == null ? null : info.countyCode(),
                    m.stratum()[u], m.size()[u], panel.period, cur, m.combined()[u] ? december : previous, base,
                    m.combined()[u], cur / base, median, median / s.momBand(), median * s.momBand(), size,
                    m.effect()[u], m.effectMedian()[u], m.lower()[u], m.upper()[u], bounds[0], bounds[1],
                    m.outlier()[u], rules.getOrDefault(panel.units[u], List.of())));
        }
        return out;
    }
}
