package org.statdesk.review.internal.evaluation;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.statdesk.api.audit.Journal;
import org.statdesk.api.command.BadInputException;
import org.statdesk.api.people.Person;
import org.statdesk.api.records.Records;
import org.statdesk.api.registry.Unit;
import org.statdesk.api.review.Flag;
import org.statdesk.api.review.ReviewService.Rates;
import org.statdesk.api.store.Store;
import org.statdesk.review.internal.Checks;
import org.statdesk.review.internal.FormSpec;
import org.statdesk.review.internal.Period;
import org.statdesk.review.internal.aggregates.Aggregates;
import org.statdesk.review.internal.flags.FlagWorkflow;
import org.statdesk.review.internal.forms.FormCatalogue;
import org.statdesk.review.internal.rates.ReportingRates;
import org.statdesk.review.internal.scope.ReviewScope;
import org.statdesk.review.internal.status.PeriodStatuses;
import org.statdesk.review.internal.tables.EvaluationTable;
import org.statdesk.review.internal.tables.ReviewSchema;

/**
 * Evaluations, county by county, with the checks the evaluator saw stored beside the result (as JSON), so that what a
 * decision rested on can be shown as it was. The period's step to evaluated is {@link PeriodStatuses}'s, taken in
 * the same transaction as the last county's pass.
 */
@Component(service = Evaluations.class)
public final class EvaluationsImpl implements Evaluations {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Store store;
    private final Journal journal;
    private final ReviewScope scope;
    private final FormCatalogue forms;
    private final FlagWorkflow flags;
    private final ReportingRates rates;
    private final Aggregates aggregates;
    private final PeriodStatuses statuses;

    /** Optional: without the records bundle, the checks say no records were confronted. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile Records records;

    @Activate
    public EvaluationsImpl(@Reference ReviewSchema schema, @Reference Journal journal, @Reference ReviewScope scope,
            @Reference FormCatalogue forms, @Reference FlagWorkflow flags, @Reference ReportingRates rates,
            @Reference Aggregates aggregates, @Reference PeriodStatuses statuses) {
        this.store = schema.store();
        this.journal = journal;
        this.scope = scope;
        this.forms = forms;
        this.flags = flags;
        this.rates = rates;
        this.aggregates = aggregates;
        this.statuses = statuses;
    }

    @Override
    public PeriodEvaluation evaluations(String period, String specialty) {
        Checks.period(period);
        forms.selected(specialty);
        String status = statuses.status(period, specialty).status();
        Map<String, EvaluationTable.Row> stored = stored(period, specialty);
        Map<String, Map<String, Object>> now = checksAll(period, specialty);
        List<CountyEvaluation> out = new ArrayList<>();
        for (String county : union(now.keySet(), stored.keySet())) {
            EvaluationTable.Row r = stored.get(county);
            out.add(r == null || r.checks() == null || r.result().equals("reopened")
                    ? new CountyEvaluation(county, r == null ? "pending" : r.result(), r == null ? null : r.note(),
                            r == null ? null : r.evaluator(), r == null ? null : r.at(), now.get(county))
                    : new CountyEvaluation(county, r.result(), r.note(), r.evaluator(), r.at(), parse(r.checks())));
        }
        return new PeriodEvaluation(period, specialty, status, status.equals("evaluated")
                || status.equals("released"), out);
    }

    @Override
    public PeriodEvaluation evaluate(String period, String specialty, String county, String result, String note)
            throws Exception {
        Checks.period(period);
        forms.selected(specialty);
        if (!RESULTS.contains(result)) {
            throw new BadInputException("--result must be passed or returned, not '" + result + "'");
        }
        if (result.equals("returned") && (note == null || note.isBlank())) {
            throw new BadInputException("a returned evaluation needs --note (the reasons, 退回理由)");
        }
        Person who = requireEvaluator(specialty);
        requireReviewed(period, specialty);
        Map<String, Map<String, Object>> now = checksAll(period, specialty);
        if (!now.containsKey(county)) {
            throw new BadInputException("county " + county + " has no unit due to report " + specialty + " in "
                    + period + "; counties: " + now.keySet());
        }
        Map<String, EvaluationTable.Row> stored = stored(period, specialty);
        EvaluationTable.Row row = new EvaluationTable.Row(county, result, note, json(now.get(county)), name(who),
                null);
        boolean last = result.equals("passed") && now.keySet().stream().filter(k -> !k.equals(county))
                .allMatch(k -> stored.containsKey(k) && stored.get(k).result().equals("passed"));
        PeriodStatuses.Also write = c -> write(c, period, specialty, row, stored.get(county));
        if (last) {
            statuses.advance(period, specialty, "evaluated", "各县区评估通过 (every county passed)"
                    + (note == null || note.isBlank() ? "" : "：" + note), write);
        } else {
            store.inTransaction(c -> {
                write.write(c);
                return null;
            });
        }
        return evaluations(period, specialty);
    }

    @Override
    public PeriodEvaluation passRemaining(String period, String specialty, String note) throws Exception {
        Checks.period(period);
        forms.selected(specialty);
        if (note == null || note.isBlank()) {
            throw new BadInputException("an evaluation needs --note (the city's evaluation, 评估意见)");
        }
        Person who = requireEvaluator(specialty);
        requireReviewed(period, specialty);
        Map<String, EvaluationTable.Row> stored = stored(period, specialty);
        for (EvaluationTable.Row r : stored.values()) {
            if (r.result().equals("returned")) {
                throw new BadInputException("county " + r.county() + " was returned (" + r.note() + "): evaluate it"
                        + " again with review:evaluate --county " + r.county());
            }
        }
        Map<String, Map<String, Object>> now = checksAll(period, specialty);
        List<EvaluationTable.Row> rows = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> e : now.entrySet()) {
            EvaluationTable.Row was = stored.get(e.getKey());
            if (was == null || !was.result().equals("passed")) {
                rows.add(new EvaluationTable.Row(e.getKey(), "passed", note, json(e.getValue()), name(who), null));
            }
        }
        statuses.advance(period, specialty, "evaluated", note, c -> {
            for (EvaluationTable.Row r : rows) {
                write(c, period, specialty, r, stored.get(r.county()));
            }
        });
        return evaluations(period, specialty);
    }

    @Override
    public Map<String, LedgerCoverage.Coverage> ledgers(String period, String specialty) {
        Checks.period(period);
        var selected = forms.selected(specialty);
        Map<String, LedgerCoverage.Coverage> all;
        try (Connection c = store.connection()) {
            all = LedgerCoverage.of(c, records, selected, scope.units(specialty), period);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        var mine = scope.scope();
        if (mine.county() != null) {
            all.keySet().retainAll(java.util.Set.of(mine.county()));
        }
        return all;
    }

    private void write(Connection c, String period, String specialty, EvaluationTable.Row row,
            EvaluationTable.Row was) throws SQLException {
        EvaluationTable.write(c, period, specialty, row);
        journal.recordRow(c, EvaluationTable.NAME, EvaluationTable.key(period, specialty, row.county()), "result",
                was == null ? null : was.result(), row.result(), row.note());
    }

    /** The evaluation is the city section's (下管一级): a county's scope never covers a specialty's period. */
    private Person requireEvaluator(String specialty) {
        Person who = scope.require("review.status.evaluated");
        scope.scope().require(null, specialty);
        return who;
    }

    private void requireReviewed(String period, String specialty) {
        String status = statuses.status(period, specialty).status();
        if (!status.equals("reviewed")) {
            throw new BadInputException("period " + period + " of " + specialty + " is " + status + ": "
                    + (status.equals("collecting") ? "it must be reviewed before it is evaluated"
                            : "it was evaluated already"));
        }
    }

    private static String name(Person who) {
        return who == null ? System.getProperty("user.name") : who.journalName();
    }

    private Map<String, EvaluationTable.Row> stored(String period, String specialty) {
        try (Connection c = store.connection()) {
            return EvaluationTable.read(c, period, specialty);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The checks of every county due to report the specialty in the period: its three rates against 100%, its open
     * flags, what its records confronted, its growth against the city's and against its invoiced sales', its ledgers.
     */
    private Map<String, Map<String, Object>> checksAll(String period, String specialty) {
        Map<String, Rates> byCounty = new TreeMap<>();
        for (ReportingRates.RateRow r : rates.rateRows(period, specialty)) {
            if (r.specialty().equals(specialty) && !r.county().equals("all")) {
                byCounty.put(r.county(), r.rates());
            }
        }
        Map<String, Unit> units = scope.units(specialty);
        List<Flag> all = flags.flags(period, specialty);
        Map<String, Map<String, Double>> yoy = new TreeMap<>(); // area -> indicator -> growth
        Map<String, String> names = new LinkedHashMap<>();
        for (Aggregates.Aggregate a : aggregates.aggregate(period, specialty)) {
            for (Aggregates.Total t : a.totals()) {
                names.putIfAbsent(t.indicator(), t.name());
                yoy.computeIfAbsent(t.area(), k -> new LinkedHashMap<>()).put(t.indicator(), t.yoy());
            }
        }
        Records rec = records;
        Map<String, double[]> invoiced = invoiced(rec, period, units);
        Map<String, LedgerCoverage.Coverage> ledgers;
        try (Connection c = store.connection()) {
            ledgers = LedgerCoverage.of(c, rec, forms.selected(specialty), units, period);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        Map<String, Map<String, Object>> out = new TreeMap<>();
        byCounty.forEach((county, r) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            Map<String, Object> rm = new LinkedHashMap<>();
            rm.put("due", r.due());
            rm.put("reported", r.reported());
            rm.put("reporting_rate", r.reportingRate());
            rm.put("timeliness_rate", r.timelinessRate());
            rm.put("accuracy_rate", r.accuracyRate());
            rm.put("all_100", r.reported() == r.due() && r.timely() == r.due() && r.accurate() == r.reported());
            m.put("rates", rm);
            long errors = 0;
            long warnings = 0;
            long recordFlags = 0;
            long recordOpen = 0;
            for (Flag f : all) {
                Unit u = units.get(f.creditCode());
                if (u == null || !county.equals(u.countyCode())) {
                    continue;
                }
                boolean open = f.status().equals("open");
                errors += open && f.severity().equals("error") ? 1 : 0;
                warnings += open && !f.severity().equals("error") ? 1 : 0;
                if (f.kind().equals("records")) {
                    recordFlags++;
                    recordOpen += open ? 1 : 0;
                }
            }
            m.put("open_errors", errors);
            m.put("open_warnings", warnings);
            Map<String, Object> rc = new LinkedHashMap<>();
            rc.put("available", rec != null);
            rc.put("flags", recordFlags);
            rc.put("open", recordOpen);
            double[] inv = invoiced.get(county);
            rc.put("invoiced_units", inv == null ? 0 : (int) inv[2]);
            rc.put("invoiced_yoy", inv == null || inv[1] == 0 ? null : round(inv[0] / inv[1] - 1));
            m.put("records", rc);
            List<Map<String, Object>> growth = new ArrayList<>();
            Map<String, Double> mine = yoy.getOrDefault(county, Map.of());
            Map<String, Double> city = yoy.getOrDefault("city", Map.of());
            names.forEach((code, name) -> {
                Map<String, Object> g = new LinkedHashMap<>();
                g.put("indicator", code);
                g.put("name", name);
                g.put("county_yoy", mine.get(code));
                g.put("city_yoy", city.get(code));
                growth.add(g);
            });
            m.put("growth", growth);
            LedgerCoverage.Coverage lc = ledgers.get(county);
            Map<String, Object> lm = new LinkedHashMap<>();
            lm.put("units", lc == null ? 0 : lc.units());
            lm.put("covered", lc == null ? 0 : lc.covered());
            lm.put("rate", lc == null ? null : lc.rate());
            m.put("ledger", lm);
            out.put(county, m);
        });
        return out;
    }

    /**
     * County to [invoiced this month, the same month a year before, units]: over the register's units of the
     * specialty with invoices in both months, so that the growth compares like with like.
     */
    private static Map<String, double[]> invoiced(Records rec, String period, Map<String, Unit> units) {
        Map<String, double[]> out = new TreeMap<>();
        if (rec == null) {
            return out;
        }
        String before = Period.shift(period, -12);
        for (Map.Entry<String, NavigableMap<String, Double>> e : rec.monthly(Records.TAX, before, period)
                .entrySet()) {
            Unit u = units.get(e.getKey());
            Double now = e.getValue().get(period);
            Double then = e.getValue().get(before);
            if (u == null || !u.inRegister() || now == null || then == null) {
                continue;
            }
            double[] s = out.computeIfAbsent(u.countyCode(), k -> new double[3]);
            s[0] += now;
            s[1] += then;
            s[2]++;
        }
        return out;
    }

    private static Double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }

    private static List<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        java.util.TreeSet<String> s = new java.util.TreeSet<>(a);
        s.addAll(b);
        return new ArrayList<>(s);
    }

    private static String json(Map<String, Object> checks) {
        try {
            return JSON.writeValueAsString(checks);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> parse(String checks) {
        try {
            return JSON.readValue(checks, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (Exception e) {
            throw new IllegalStateException("stored checks are not JSON: " + e.getMessage(), e);
        }
    }
}
