package org.statdesk.review.internal.run;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.statdesk.api.audit.Journal;
import org.statdesk.api.command.BadInputException;
import org.statdesk.api.people.Scope;
import org.statdesk.api.registry.Unit;
import org.statdesk.api.review.Flag;
import org.statdesk.api.store.Store;
import org.statdesk.review.internal.Checks;
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
 * arrays, stores the flags ({@link RunFlags}). Its settings are the review's ({@code etc/org.statdesk.review.cfg}).
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
    private volatile long[] lastTimings = new long[3];

    @Activate
    public ReviewRunImpl(@Reference ReviewSchema schema, @Reference Journal journal, @Reference ReviewScope scope,
            @Reference FormCatalogue forms, ReviewConfig config) {
        this(schema, journal, scope, forms, settingsOf(config));
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
    }

    @Modified
    void modified(ReviewConfig config) {
        settings = settingsOf(config);
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

    /** How many months back a run reads: the unit's own median's, between last month but one and seven. */
    private static int depth(Settings s) {
        return Math.max(2, Math.min(7, s.slipHistory()));
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
                long t2 = System.nanoTime();
                all.addAll(store.inTransaction(c -> RunFlags.save(c, journal, f, period, r.flags(), seen,
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
}
