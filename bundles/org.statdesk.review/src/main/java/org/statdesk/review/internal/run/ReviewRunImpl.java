package org.statdesk.review.internal.run;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.statdesk.api.audit.Journal;
import org.statdesk.api.command.BadInputException;
import org.statdesk.api.people.Scope;
import org.statdesk.api.records.Records;
import org.statdesk.api.registry.Unit;
import org.statdesk.api.review.Flag;
import org.statdesk.api.store.Store;
import org.statdesk.review.internal.Checks;
import org.statdesk.review.internal.Confront;
import org.statdesk.review.internal.Engine;
import org.statdesk.review.internal.FormSpec;
import org.statdesk.review.internal.Panel;
import org.statdesk.review.internal.ReviewConfig;
import org.statdesk.review.internal.Settings;
import org.statdesk.review.internal.forms.FormCatalogue;
import org.statdesk.review.internal.scope.ReviewScope;
import org.statdesk.review.internal.tables.ReviewMarkTable;
import org.statdesk.review.internal.tables.ReviewSchema;

/**
 * Runs the review of a period: reads each form's panel ({@link PanelReader}), runs the {@link Engine} in memory over
 * arrays, confronts the reports with the imported records when the records bundle is there ({@link Confront}; the
 * reference is optional: without records the review runs as before), stores the flags ({@link RunFlags}). Its
 * settings are the review's ({@code etc/org.statdesk.review.cfg}).
 */
@Component(service = ReviewRun.class, configurationPid = "org.statdesk.review")
@Designate(ocd = ReviewConfig.class)
public final class ReviewRunImpl implements ReviewRun {
    private final Store store;
    private final Journal journal;
    private final ReviewScope scope;
    private final FormCatalogue forms;
    private final PanelReader reader;
    private volatile Settings settings;
    private volatile Confront.Bands bands;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Records records;
    private volatile long[] lastTimings = new long[3];

    @Activate
    public ReviewRunImpl(@Reference ReviewSchema schema, @Reference Journal journal, @Reference ReviewScope scope,
            @Reference FormCatalogue forms, ReviewConfig config) {
        this(schema, journal, scope, forms, settingsOf(config));
        this.bands = bandsOf(config);
    }

    /** For tests and the benchmark: settings given. */
    public ReviewRunImpl(ReviewSchema schema, Journal journal, ReviewScope scope, FormCatalogue forms,
            Settings settings) {
        this.store = schema.store();
        this.journal = journal;
        this.scope = scope;
        this.forms = forms;
        this.reader = new PanelReader(store);
        this.settings = settings;
        this.bands = Confront.Bands.defaults();
    }

    /** For tests: settings, records and bands given. */
    public ReviewRunImpl(ReviewSchema schema, Journal journal, ReviewScope scope, FormCatalogue forms,
            Settings settings, Records records, Confront.Bands bands) {
        this(schema, journal, scope, forms, settings);
        this.records = records;
        this.bands = bands;
    }

    @Modified
    void modified(ReviewConfig config) {
        settings = settingsOf(config);
        bands = bandsOf(config);
    }

    private static Confront.Bands bandsOf(ReviewConfig c) {
        return new Confront.Bands(c.recordsTaxBand(), c.recordsPowerBand(), c.ledgerTolerance());
    }

    private static Settings settingsOf(ReviewConfig c) {
        return new Settings(c.hbU(), c.hbA(), c.hbC(), c.minStratum(), c.momBand(), c.yoyBand(), c.slipTolerance(),
                c.slipHistory());
    }

    @Override
    public Settings settings() {
        return settings;
    }

    @Override
    public long[] lastTimings() {
        return lastTimings.clone();
    }

    /** The panel of a form for a period, as a run reads it (the benchmark times it alone). */
    public Panel load(Connection c, FormSpec f, String period, Map<String, Unit> units) throws java.sql.SQLException {
        return reader.load(c, f, period, units, depth(settings), true);
    }

    @Override
    public Panel panel(Connection c, FormSpec f, String period, Map<String, Unit> units, int deepest,
            boolean lastYear) throws java.sql.SQLException {
        return reader.load(c, f, period, units, deepest, lastYear);
    }

    /**
     * How many months back a run reads: the unit's own median's, between the month before the confrontation's window
     * (a year-to-date month and a 1-2月 report need it) and seven.
     */
    private static int depth(Settings s) {
        return Math.max(Confront.DEPTH, Math.min(7, s.slipHistory()));
    }

    /**
     * The run compares every unit of the city (strata and HB bounds are the city's), but stores the flags of the
     * units within the scope of the person running it only: a county its county's, a section its specialty's.
     */
    @Override
    public List<Flag> run(String period, String specialty) {
        Checks.period(period);
        Scope mine = scope.scope();
        if (specialty != null) {
            mine.require(mine.county(), specialty);
        }
        String only = specialty != null ? specialty : mine.specialty();
        Settings s = settings;
        List<Flag> all = new ArrayList<>();
        long read = 0;
        long compute = 0;
        long save = 0;
        for (FormSpec f : forms.selected(only)) {
            try {
                long t0 = System.nanoTime();
                Map<String, Unit> units = scope.units(f.specialty());
                Predicate<String> mineOnly = scope.visible(f.specialty());
                Panel p;
                long seen;
                try (Connection c = store.connection()) {
                    // the latest write number, read before the reports are: all of those the review sees
                    seen = ReviewMarkTable.lastWritten(c, period, f.code());
                    p = reader.load(c, f, period, units, depth(s), true);
                }
                long t1 = System.nanoTime();
                Engine.Result r = new Engine(f, p, s).run();
                List<Flag> raised = withRecords(f, p, r);
                long t2 = System.nanoTime();
                all.addAll(store.inTransaction(c -> RunFlags.save(c, journal, f, period, raised, seen,
                        mineOnly, mine.county() == null)));
                long t3 = System.nanoTime();
                read += t1 - t0;
                compute += t2 - t1;
                save += t3 - t2;
            } catch (BadInputException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("review of " + f.code() + " for " + period + " failed: " + e, e);
            }
        }
        lastTimings = new long[] {read / 1_000_000, compute / 1_000_000, save / 1_000_000};
        all.sort(Engine.ORDER);
        return all;
    }

    /** The engine's flags and the confrontation's, each with its unit's score; the engine's alone without records. */
    private List<Flag> withRecords(FormSpec f, Panel p, Engine.Result r) {
        Records rec = records;
        if (rec == null) {
            return r.flags();
        }
        Map<String, Integer> at = new HashMap<>();
        for (int u = 0; u < p.size(); u++) {
            at.put(p.units[u], u);
        }
        List<Flag> out = new ArrayList<>(r.flags());
        for (Flag fl : Confront.run(f, p, rec, bands).flags()) {
            out.add(new Flag(0, fl.creditCode(), fl.period(), fl.indicator(), fl.rule(), fl.kind(), fl.severity(),
                    fl.value(), fl.expected(), r.scores()[at.get(fl.creditCode())], fl.message(), "open"));
        }
        out.sort(Engine.ORDER);
        return out;
    }

    /**
     * How many units of the person's scope reporting for the period had records to confront, per source
     * ({@code tax}, {@code power}, {@code ledger}); null when the records bundle is not running.
     */
    @Override
    public Map<String, Integer> confronted(String period, String specialty) {
        Checks.period(period);
        Records rec = records;
        if (rec == null) {
            return null;
        }
        Scope mine = scope.scope();
        String only = specialty != null ? specialty : mine.specialty();
        Map<String, Set<String>> units = new LinkedHashMap<>();
        for (String source : List.of(Records.TAX, Records.POWER, Records.LEDGER)) {
            units.put(source, new TreeSet<>());
        }
        for (FormSpec f : forms.selected(only)) {
            if (!mine.covers(mine.county(), f.specialty())) {
                continue;
            }
            Predicate<String> visible = scope.visible(f.specialty());
            try (Connection c = store.connection()) {
                Panel p = reader.load(c, f, period, scope.units(f.specialty()), Confront.DEPTH, false);
                Confront.run(f, p, rec, bands).confronted().forEach((source, codes) -> codes.stream()
                        .filter(visible).forEach(units.get(source)::add));
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        Map<String, Integer> out = new LinkedHashMap<>();
        units.forEach((source, codes) -> out.put(source, codes.size()));
        return out;
    }
}
