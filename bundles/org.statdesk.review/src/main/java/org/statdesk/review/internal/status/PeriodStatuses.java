package org.statdesk.review.internal.status;

import java.util.List;

/** The status of a period of a specialty: 采集 collecting → 已审核 reviewed → 已评估 evaluated → 已发布 released. */
public interface PeriodStatuses {
    List<String> STEPS = List.of("collecting", "reviewed", "evaluated", "released");

    record PeriodStatus(String period, String specialty, String status, String note) {
    }

    PeriodStatus status(String period, String specialty);

    /**
     * Moves a period one step on: reviewed needs no open error flag left, evaluated the evaluation note. Journaled.
     */
    default PeriodStatus advance(String period, String specialty, String to, String note) throws Exception {
        return advance(period, specialty, to, note, c -> { });
    }

    /** As {@link #advance(String, String, String, String)}, with {@code also} written in the same transaction. */
    PeriodStatus advance(String period, String specialty, String to, String note, Also also) throws Exception;

    /** What a step writes besides the status (the evaluations of the counties), in its transaction. */
    interface Also {
        void write(java.sql.Connection c) throws java.sql.SQLException;
    }
}
