package org.statdesk.review.internal.evaluation;

import java.util.List;
import java.util.Map;

/**
 * The city's evaluation of each county's figures (评估，下管一级): what was checked, by whom, with what result. A period
 * of a specialty is evaluated when every county due to report has passed.
 */
public interface Evaluations {
    /** passed, or returned to the county with reasons. */
    List<String> RESULTS = List.of("passed", "returned");

    /**
     * A county's evaluation: {@code result} pending (none yet), passed, returned or reopened (its figures changed
     * after it passed); {@code checks} what the evaluator saw when deciding, or for a pending county what they see now.
     */
    record CountyEvaluation(String county, String result, String note, String evaluator, String at,
            Map<String, Object> checks) {
    }

    /** The evaluations of a period and specialty with the period's status. */
    record PeriodEvaluation(String period, String specialty, String status, boolean evaluated,
            List<CountyEvaluation> counties) {
    }

    PeriodEvaluation evaluations(String period, String specialty);

    /** Records the evaluation of one county (the period must be reviewed); the period becomes evaluated when all pass. */
    PeriodEvaluation evaluate(String period, String specialty, String county, String result, String note)
            throws Exception;

    /**
     * {@code review:status --set evaluated}: a passed evaluation by the person working for every county not yet
     * evaluated, then the period is evaluated (refused while a county is returned or reopened).
     */
    PeriodEvaluation passRemaining(String period, String specialty, String note) throws Exception;

    /** 台账规范达标率 of the specialty's units by county (and {@code all}); empty when no ledger was imported. */
    Map<String, LedgerCoverage.Coverage> ledgers(String period, String specialty);
}
