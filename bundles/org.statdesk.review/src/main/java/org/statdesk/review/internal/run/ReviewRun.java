package org.statdesk.review.internal.run;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.statdesk.api.registry.Unit;
import org.statdesk.api.review.Flag;
import org.statdesk.review.internal.FormSpec;
import org.statdesk.review.internal.Panel;
import org.statdesk.review.internal.Settings;

/** The review of a period (审核): every edit over the period's panel, its flags stored, the reports marked seen. */
public interface ReviewRun {
    /** Runs the review of a period for one specialty or all (null); the flags highest score first. */
    List<Flag> run(String period, String specialty);

    /** The settings in force (HB's U, A, C, bands, slips). */
    Settings settings();

    /**
     * The panel of a form for a period as a run reads it, back to t - {@code deepest} and with last year's months when
     * {@code lastYear} (the comparisons read less than a run).
     */
    Panel panel(Connection c, FormSpec f, String period, Map<String, Unit> units, int deepest, boolean lastYear)
            throws SQLException;

    /** Timings of the last run, for the benchmark: reading, computing, storing (ms). */
    long[] lastTimings();

    /**
     * How many units of the person's scope reporting for the period had records to confront, per source
     * ({@code tax}, {@code power}, {@code ledger}); null when no records are available (the records bundle absent).
     */
    Map<String, Integer> confronted(String period, String specialty);
}
