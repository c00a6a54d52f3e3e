package org.statdesk.review.internal.run;

import java.util.List;
import org.statdesk.api.review.Flag;
import org.statdesk.review.internal.Settings;

/** The review of a period (审核): every edit over the period's panel, its flags stored, the reports marked seen. */
public interface ReviewRun {
    /** Runs the review of a period for one specialty or all (null); the flags highest score first. */
    List<Flag> run(String period, String specialty);

    /** The settings in force (HB's U, A, C, bands, slips). */
    Settings settings();

    /** Timings of the last run, for the benchmark: reading, computing, storing (ms). */
    long[] lastTimings();
}
