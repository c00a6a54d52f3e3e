package org.statdesk.api.review;

import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/** Review of monthly reports (审核), as charts and views use it. */
@ProviderType
public interface ReviewService {
    /**
     * What the totals, charts and exports of a month not released carry (未经评估，不得对外公布).
     *
     * @since 1.4
     */
    String NOT_FOR_PUBLICATION = "未经评估，不得对外公布";

    /**
     * Whether the month of a specialty is released (evaluated and then released, and no figure changed since): only
     * then may its figures leave the bureau.
     *
     * @since 1.4
     */
    boolean released(String period, String specialty);

    /** The report forms now contributed by enabled specialties. */
    List<ReportForm> forms();

    /** Flags stored for a period (from the last review run), highest score first; specialty may be null. */
    List<Flag> flags(String period, String specialty);

    /** Runs the review of a period (and stores its flags); specialty may be null for all. */
    List<Flag> run(String period, String specialty);

    /** Values of one indicator of every unit for a period: credit code to value. */
    Map<String, Double> values(String period, String indicator);

    /** One unit's value of an indicator by period ({@code YYYY-MM}), for the periods from..to inclusive. */
    Map<String, Double> series(String creditCode, String indicator, String fromPeriod, String toPeriod);

    /** Moves a flag on in its workflow: explained, corrected (with the revised value), confirmed, closed. */
    Flag resolve(long flagId, String action, String text, Double revisedValue, String reason);

    /** Reporting rates by county for a period: county code to {reported, timely, accurate} shares 0..1. */
    Map<String, Rates> rates(String period, String specialty);

    /**
     * Every unit due on a form in a period (in the register, above scale, of a specialty with an enabled form) and
     * whether and when it filed: the units behind {@link #rates}'s counts, one filing per unit and form.
     */
    List<Filing> filings(String period, String specialty);

    /**
     * One due unit's filing of a period: {@code filedOn} the day it was filed ({@code YYYY-MM-DD}) or null when it did
     * not report; {@code timely} whether by the form's deadline; {@code deadline} that day.
     */
    record Filing(String creditCode, String county, String specialty, String form, String filedOn, String deadline,
            boolean timely) {
        public boolean reported() {
            return filedOn != null;
        }
    }

    /** 上报率, 及时率, 准确率 of a county (shares from 0 to 1) with the counts behind them. */
    record Rates(int due, int reported, int timely, int accurate, double reportingRate, double timelinessRate,
            double accuracyRate) {
    }
}
