package org.statdesk.api.review;

import java.net.URL;
import java.util.List;
import java.util.Map;

/**
 * A report form (报表) declared by its facts: a specialty's form component extends this and passes its code, title,
 * indicators, rules resource and so on to the constructor, so that no specialty writes the same getters again.
 * <pre>
 * &#64;Component(service = ReportForm.class)
 * public final class TradeForm extends DeclaredForm {
 *     public TradeForm() {
 *         super("E204-1", "批发零售住宿餐饮业商品销售和营业额（月报）", "trade", INDICATORS,
 *                 List.of("sales", "retail_sales", "turnover"), TradeForm.class.getResource("/rules/trade.rules.json"),
 *                 List.of("industry_division", "county"), 8);
 *     }
 * }
 * </pre>
 */
public abstract class DeclaredForm implements ReportForm {
    private final String code;
    private final String title;
    private final String specialty;
    private final List<Indicator> indicators;
    private final List<String> compared;
    private final URL rules;
    private final List<String> stratification;
    private final int deadlineDay;
    private final Map<String, List<String>> confronted;

    protected DeclaredForm(String code, String title, String specialty, List<Indicator> indicators,
            List<String> comparedIndicators, URL rules, List<String> stratification, int deadlineDay) {
        this(code, title, specialty, indicators, comparedIndicators, rules, stratification, deadlineDay, Map.of());
    }

    /** A form whose indicators are also confronted with records ({@link ReportForm#confronted()}); since 1.4. */
    protected DeclaredForm(String code, String title, String specialty, List<Indicator> indicators,
            List<String> comparedIndicators, URL rules, List<String> stratification, int deadlineDay,
            Map<String, List<String>> confronted) {
        this.code = code;
        this.title = title;
        this.specialty = specialty;
        this.indicators = List.copyOf(indicators);
        this.compared = List.copyOf(comparedIndicators);
        this.rules = rules;
        this.stratification = List.copyOf(stratification);
        this.deadlineDay = deadlineDay;
        Map<String, List<String>> c = new java.util.LinkedHashMap<>();
        confronted.forEach((source, codes) -> c.put(source, List.copyOf(codes)));
        this.confronted = java.util.Collections.unmodifiableMap(c);
    }

    @Override
    public final String code() {
        return code;
    }

    @Override
    public final String title() {
        return title;
    }

    @Override
    public final String specialty() {
        return specialty;
    }

    @Override
    public final List<Indicator> indicators() {
        return indicators;
    }

    @Override
    public final List<String> comparedIndicators() {
        return compared;
    }

    @Override
    public final URL rules() {
        return rules;
    }

    @Override
    public final List<String> stratification() {
        return stratification;
    }

    @Override
    public final int deadlineDay() {
        return deadlineDay;
    }

    @Override
    public final Map<String, List<String>> confronted() {
        return confronted;
    }
}
