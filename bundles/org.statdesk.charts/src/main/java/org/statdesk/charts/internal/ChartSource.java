package org.statdesk.charts.internal;

import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.statdesk.api.charts.ChartService;
import org.statdesk.api.review.Indicator;
import org.statdesk.api.review.ReportForm;

/**
 * What a chart view needs of the chart service besides export: the chart itself (to show, not a file), and the
 * forms and default indicator its indicator list offers. Registered by {@link ChartServiceImpl} beside
 * {@link ChartService}, so that views bind to an interface rather than cast to the implementation.
 */
public interface ChartSource extends ChartService {
    /** The chart of a kind; parameters as in {@link ChartService}. Bad parameters are bad input. */
    JFreeChart chart(String kind, Map<String, String> parameters);

    /** The enabled report forms of a specialty (all when null), by form code. */
    List<ReportForm> forms(String specialty);

    /** The indicator to chart: the one asked for (checked against the enabled forms), else the form's first. */
    Indicator indicator(String code, String specialty);
}
