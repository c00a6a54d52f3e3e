package org.statdesk.charts.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.charts.ChartService;
import org.statdesk.api.workbench.View;

/**
 * The chart views contributed to the workbench (whiteboard): one component per chart kind. Their service.ranking
 * puts them first in the editor area, in the order a reviewer uses them: variance, unit series, HB, counties, rates.
 */
public final class ChartViews {
    private ChartViews() {
    }

    @Component(service = View.class, property = {View.ID + "=statdesk.charts.variance", "service.ranking:Integer=50",
        View.TITLE + "=环比差异图", View.TITLE_EN + "=Variance", View.SPECIALTY + "=core", View.AREA + "=editor"})
    public static class Variance extends ChartView {
        @Activate
        public Variance(@Reference ChartSource charts) {
            super(charts, ChartService.VARIANCE);
        }
    }

    @Component(service = View.class, property = {View.ID + "=statdesk.charts.series", "service.ranking:Integer=49",
        View.TITLE + "=单位走势", View.TITLE_EN + "=Unit series", View.SPECIALTY + "=core", View.AREA + "=editor"})
    public static class Series extends ChartView {
        @Activate
        public Series(@Reference ChartSource charts) {
            super(charts, ChartService.SERIES);
        }
    }

    @Component(service = View.class, property = {View.ID + "=statdesk.charts.hb", "service.ranking:Integer=48",
        View.TITLE + "=HB 离群图", View.TITLE_EN + "=HB outliers", View.SPECIALTY + "=core", View.AREA + "=editor"})
    public static class HbPlot extends ChartView {
        @Activate
        public HbPlot(@Reference ChartSource charts) {
            super(charts, ChartService.HB);
        }
    }

    @Component(service = View.class, property = {View.ID + "=statdesk.charts.county", "service.ranking:Integer=47",
        View.TITLE + "=县区对比", View.TITLE_EN + "=Counties", View.SPECIALTY + "=core", View.AREA + "=editor"})
    public static class County extends ChartView {
        @Activate
        public County(@Reference ChartSource charts) {
            super(charts, ChartService.COUNTY);
        }
    }

    @Component(service = View.class, property = {View.ID + "=statdesk.charts.rates", "service.ranking:Integer=46",
        View.TITLE + "=三率", View.TITLE_EN + "=Rates", View.SPECIALTY + "=core", View.AREA + "=editor"})
    public static class Rates extends ChartView {
        @Activate
        public Rates(@Reference ChartSource charts) {
            super(charts, ChartService.RATES);
        }
    }
}
