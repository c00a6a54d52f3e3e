package org.statdesk.charts.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.statdesk.api.review.Comparisons;
import org.statdesk.charts.internal.ChartData.CountyModel;
import org.statdesk.charts.internal.ChartData.CountyRow;
import org.statdesk.charts.internal.ChartData.Point;
import org.statdesk.charts.internal.ChartData.RateRow;
import org.statdesk.charts.internal.ChartData.RatesModel;
import org.statdesk.charts.internal.ChartData.SeriesModel;
import org.statdesk.charts.internal.ChartData.VarianceModel;

/** Builds the JFreeChart charts from the models, in one calm look: white plot, light grid, CJK fonts. */
final class Charts {
    static final Color NORMAL = new Color(0x3B, 0x6E, 0xA5);
    static final Color FLAGGED = new Color(0xD6, 0x2D, 0x20);
    static final Color OUTLIER = new Color(0xF0, 0x8C, 0x00);
    static final Color LAST_YEAR = new Color(0x9A, 0xA5, 0xB1);
    static final Color BAND = new Color(0x4C, 0xAF, 0x50, 40);
    static final Color GRID = new Color(0xE3, 0xE6, 0xEA);
    static final Color MARKER = new Color(0x8B, 0x1A, 0x1A);
    static final Color[] BARS = {new Color(0x3B, 0x6E, 0xA5), new Color(0xE0, 0x8E, 0x2B), new Color(0x5A, 0xA4, 0x69)};

    private final Msg msg;
    /** The title of a specialty's report forms, as the forms give it: the charts name no specialty themselves. */
    private final Function<String, String> scopeTitle;
    /** Whether a month of a specialty (null: every one charted) is released; else the chart says it is not public. */
    private final java.util.function.BiPredicate<String, String> released;

    Charts(Msg msg, Function<String, String> scopeTitle) {
        this(msg, scopeTitle, (period, specialty) -> true);
    }

    Charts(Msg msg, Function<String, String> scopeTitle, java.util.function.BiPredicate<String, String> released) {
        this.msg = msg;
        this.scopeTitle = scopeTitle;
        this.released = released;
    }

    /** What a chart covers: the title of the specialty's forms, or all specialties. */
    String scope(String specialty) {
        return specialty == null ? msg.get("specialty.all") : scopeTitle.apply(specialty);
    }

    static StandardChartTheme theme() {
        StandardChartTheme t = (StandardChartTheme) StandardChartTheme.createJFreeTheme();
        t.setExtraLargeFont(Fonts.font(Font.BOLD, 20));
        t.setLargeFont(Fonts.font(Font.PLAIN, 15));
        t.setRegularFont(Fonts.font(Font.PLAIN, 13));
        t.setSmallFont(Fonts.font(Font.PLAIN, 11));
        t.setChartBackgroundPaint(Color.WHITE);
        t.setPlotBackgroundPaint(Color.WHITE);
        t.setDomainGridlinePaint(GRID);
        t.setRangeGridlinePaint(GRID);
        t.setPlotOutlinePaint(new Color(0xC8, 0xCD, 0xD3));
        t.setAxisLabelPaint(new Color(0x33, 0x33, 0x33));
        t.setTickLabelPaint(new Color(0x44, 0x44, 0x44));
        t.setLegendBackgroundPaint(Color.WHITE);
        t.setBarPainter(new StandardBarPainter());
        t.setShadowVisible(false);
        return t;
    }

    /** As {@link #finish(JFreeChart, String)}, marked 未经评估，不得对外公布 unless the month is released. */
    private JFreeChart finish(JFreeChart chart, String subtitle, String period, String specialty) {
        finish(chart, subtitle);
        if (!released.test(period, specialty)) {
            TextTitle notice = new TextTitle(org.statdesk.api.review.ReviewService.NOT_FOR_PUBLICATION,
                    Fonts.font(Font.BOLD, 13));
            notice.setPaint(MARKER);
            notice.setMargin(0, 0, 6, 0);
            chart.addSubtitle(notice);
        }
        return chart;
    }

    private JFreeChart finish(JFreeChart chart, String subtitle) {
        theme().apply(chart);
        chart.setPadding(new RectangleInsets(10, 12, 8, 16));
        chart.getTitle().setMargin(4, 0, 2, 0);
        TextTitle sub = new TextTitle(subtitle, Fonts.font(Font.PLAIN, 13));
        sub.setPaint(new Color(0x55, 0x5B, 0x63));
        sub.setMargin(0, 0, 8, 0);
        chart.addSubtitle(sub);
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setFrame(BlockBorder.NONE);
            legend.setPosition(RectangleEdge.TOP);
            legend.setItemFont(Fonts.font(Font.PLAIN, 13));
        }
        return chart;
    }

    static String pct(double v) {
        // Rounded to one decimal first so that a tiny negative does not print as "-0.0%".
        return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%+.1f%%", Math.round(v * 10) / 10.0 + 0.0);
    }

    static NumberFormat amount() {
        return new DecimalFormat("#,##0.#");
    }

    private String indicatorTitle(org.statdesk.api.review.Indicator i) {
        return i.name() + (i.unit() == null || i.unit().isBlank() ? "" : " (" + i.unit() + ")");
    }

    /**
     * The visible range of a spread of values: the bulk (1st to 99th percentile) and the bounds that matter, with
     * flagged values pulled in up to {@code reach} bulk-widths beyond the bulk; anything further sits at the edge,
     * drawn as an arrowhead, with its true value in the tooltip.
     */
    static double[] range(double[] values, double[] mustShow, double[] flagged, double reach, double minLo,
            double maxHi) {
        if (values.length == 0) {
            return new double[] {-50, 50};
        }
        double lo = Quantiles.of(values, 0.01);
        double hi = Quantiles.of(values, 0.99);
        for (double v : mustShow) {
            if (!Double.isNaN(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        double width = Math.max(hi - lo, 1e-9);
        double capLo = lo - reach * width;
        double capHi = hi + reach * width;
        for (double v : flagged) {
            if (!Double.isNaN(v)) {
                lo = Math.min(lo, Math.max(v, capLo));
                hi = Math.max(hi, Math.min(v, capHi));
            }
        }
        lo = Math.max(lo, minLo);
        hi = Math.min(hi, maxHi);
        double pad = (hi - lo) * 0.06;
        return new double[] {lo - pad, hi + pad};
    }

    JFreeChart variance(VarianceModel m) {
        List<Point> pts = m.points();
        double[] ch = pts.stream().mapToDouble(Point::changePct).toArray();
        double[] bandLow = pts.stream().mapToDouble(Point::bandLow).toArray();
        double[] bandHigh = pts.stream().mapToDouble(Point::bandHigh).toArray();
        double[] flaggedChanges = pts.stream().filter(Point::flagged).mapToDouble(Point::changePct).toArray();
        // The bands of most units must be visible; a wild unit or a tiny unit's wide HB bound need not be.
        double[] r = range(ch, new double[] {Quantiles.of(bandLow, 0.1), Quantiles.of(bandHigh, 0.9)}, flaggedChanges,
                1.5, -100, 1000);
        double lo = r[0];
        double hi = r[1];
        double inset = (hi - lo) * 0.015;
        Plotted.VarianceDataset ds = new Plotted.VarianceDataset(pts, msg.get("variance.normal"),
                msg.get("variance.flagged"), lo + inset, hi - inset);
        JFreeChart chart = ChartFactory.createScatterPlot(
                msg.get("variance.title", m.period(), m.indicator().name()), msg.get("variance.domain"),
                msg.get("variance.range"), ds, PlotOrientation.VERTICAL, true, true, false);
        Comparisons.Parameters set = m.parameters();
        finish(chart, msg.get("variance.subtitle", scope(m.specialty()), pts.size(), m.flaggedCount(),
                pct(m.median()), indicatorTitle(m.indicator())) + "\n" + parameters(m), m.period(), m.specialty());
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer rr = new Plotted.ClampedRenderer(lo + inset, hi - inset);
        rr.setSeriesShape(0, circle(pts.size() > 800 ? 4 : 6));
        rr.setSeriesPaint(0, new Color(NORMAL.getRed(), NORMAL.getGreen(), NORMAL.getBlue(), 170));
        rr.setSeriesShape(1, circle(9));
        rr.setSeriesPaint(1, FLAGGED);
        rr.setDrawOutlines(false);
        NumberFormat f = amount();
        String unit = m.indicator().unit() == null ? "" : m.indicator().unit();
        rr.setDefaultToolTipGenerator((d, series, item) -> {
            Point pt = ds.point(series, item);
            return msg.get("variance.tooltip", pt.name(), pt.code(), f.format(pt.previous()), f.format(pt.current()),
                    pct(pt.changePct()), unit) + (pt.stratum() == null ? msg.get("variance.tooltip.untested")
                    : msg.get("variance.tooltip.bounds", stratumName(pt.stratum()), pt.stratumSize(),
                            pct(pt.bandLow()), pct(pt.bandHigh()), pct(pt.hbLow()), pct(pt.hbHigh())))
                    + (pt.combined() ? msg.get("variance.tooltip.combined") : "");
        });
        plot.setRenderer(rr);
        // The band of each unit's stratum (层中位数 ×÷ momBand) as a ribbon behind the points, in rank order.
        org.jfree.data.xy.YIntervalSeries band = new org.jfree.data.xy.YIntervalSeries(
                msg.get("variance.band", num(set.momBand())));
        org.jfree.data.xy.XYSeries hbLine = new org.jfree.data.xy.XYSeries(msg.get("variance.hb"), false, true);
        for (int i = 0; i < pts.size(); i++) {
            Point p = pts.get(i);
            if (!Double.isNaN(p.bandLow())) {
                double bl = Math.max(lo, Math.min(hi, p.bandLow()));
                double bh = Math.max(lo, Math.min(hi, p.bandHigh()));
                band.add(i + 1, (bl + bh) / 2, bl, bh);
            }
            // Every unit has bounds of its own (they depend on its size), so drawn for all they are a cloud that
            // says nothing; drawn for the flagged and the HB outliers they show how far each one is out.
            if (!p.flagged() && !p.hbOutlier()) {
                continue;
            }
            if (!Double.isNaN(p.hbLow()) && p.hbLow() > lo && p.hbLow() < hi) {
                hbLine.add(i + 1, p.hbLow());
            }
            if (!Double.isNaN(p.hbHigh()) && p.hbHigh() > lo && p.hbHigh() < hi) {
                hbLine.add(i + 1, p.hbHigh());
            }
        }
        org.jfree.data.xy.YIntervalSeriesCollection bands = new org.jfree.data.xy.YIntervalSeriesCollection();
        bands.addSeries(band);
        org.jfree.chart.renderer.xy.DeviationRenderer dev = new org.jfree.chart.renderer.xy.DeviationRenderer(false,
                false) {
            private static final long serialVersionUID = 1L;

            @Override
            public org.jfree.chart.LegendItem getLegendItem(int datasetIndex, int series) {
                // The ribbon draws no line nor shape, so its legend needs a swatch of its own.
                org.jfree.chart.LegendItem li = new org.jfree.chart.LegendItem(band.getKey().toString(), null, null,
                        null, new java.awt.geom.Rectangle2D.Double(-6, -4, 12, 8), new Color(0x4C, 0xAF, 0x50, 90));
                li.setLabelFont(Fonts.font(Font.PLAIN, 13));
                return li;
            }
        };
        dev.setSeriesFillPaint(0, BAND);
        dev.setSeriesPaint(0, new Color(0x4C, 0xAF, 0x50));
        dev.setAlpha(1f);
        plot.setDataset(2, bands);
        plot.setRenderer(2, dev);
        org.jfree.data.xy.XYSeriesCollection ticks = new org.jfree.data.xy.XYSeriesCollection(hbLine);
        XYLineAndShapeRenderer tr = new XYLineAndShapeRenderer(false, true);
        tr.setSeriesShape(0, new java.awt.geom.Rectangle2D.Double(-6, -1, 12, 2));
        tr.setSeriesPaint(0, MARKER);
        tr.setDrawOutlines(false);
        plot.setDataset(1, ticks);
        plot.setRenderer(1, tr);
        // Points over the HB ticks over the band.
        plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.REVERSE);
        plot.setSeriesRenderingOrder(org.jfree.chart.plot.SeriesRenderingOrder.FORWARD);
        NumberAxis y = (NumberAxis) plot.getRangeAxis();
        y.setRange(lo, hi);
        y.setNumberFormatOverride(new DecimalFormat("0'%'"));
        NumberAxis x = (NumberAxis) plot.getDomainAxis();
        x.setRange(0, Math.max(1, pts.size()) + 1);
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        plot.setDomainGridlinesVisible(false);
        if (!Double.isNaN(m.median())) {
            plot.addRangeMarker(line(m.median(), new Color(0x2E, 0x7D, 0x32), false,
                    msg.get("variance.median", pct(m.median())), true), Layer.FOREGROUND);
        }
        return chart;
    }

    /** The review parameters a chart was drawn with, for its subtitle (审核参数). */
    String parameters(VarianceModel m) {
        return parameters(m, "parameters");
    }

    String parameters(VarianceModel m, String key) {
        Comparisons.Parameters s = m.parameters();
        String strat = m.stratification().isEmpty() ? msg.get("strata.none")
                : String.join("×", m.stratification().stream().map(k -> msg.get("strata." + k)).toList());
        String hb = String.format(Locale.ROOT, "U=%s, A=%s, C=%s", num(s.hbU()), num(s.hbA()), num(s.hbC()));
        return msg.get(key, strat, s.minStratum(), m.strata(), num(s.momBand()), hb,
                s.source() != null ? s.source() : msg.get("parameters.defaults"))
                + (m.untested() > 0 ? msg.get("parameters.untested", m.untested()) : "")
                + (m.combinedCount() > 0 ? msg.get("parameters.combined", m.combinedCount()) : "");
    }

    /** A setting as the subtitle shows it: 7 rather than 7.0. */
    static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? String.valueOf((long) v) : String.valueOf(v);
    }

    String stratumName(String key) {
        return "*".equals(key) ? msg.get("strata.all") : key;
    }

    private ValueMarker line(double at, Color color, boolean dashed, String label, boolean left) {
        ValueMarker mk = new ValueMarker(at);
        mk.setPaint(color);
        mk.setStroke(dashed ? new BasicStroke(1.4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
                new float[] {6, 4}, 0) : new BasicStroke(1.4f));
        mk.setLabel(label);
        mk.setLabelFont(Fonts.font(Font.PLAIN, 12));
        mk.setLabelPaint(color);
        mk.setLabelBackgroundColor(new Color(255, 255, 255, 210));
        mk.setLabelAnchor(left ? RectangleAnchor.TOP_LEFT : RectangleAnchor.TOP_RIGHT);
        mk.setLabelTextAnchor(left ? TextAnchor.BOTTOM_LEFT : TextAnchor.BOTTOM_RIGHT);
        mk.setLabelOffset(new RectangleInsets(2, 6, 2, 6));
        return mk;
    }

    private static Shape circle(double d) {
        return new Ellipse2D.Double(-d / 2, -d / 2, d, d);
    }

    JFreeChart series(SeriesModel m) {
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        List<String> periods = m.periods();
        String now = msg.get("series.thisYear", periods.get(0), periods.get(periods.size() - 1));
        String before = msg.get("series.lastYear");
        String flagged = msg.get("series.flagged");
        for (int i = 0; i < periods.size(); i++) {
            String col = periods.get(i);
            ds.addValue(nan(m.thisYear()[i]), now, col);
            ds.addValue(nan(m.lastYear()[i]), before, col);
            ds.addValue(m.flagged()[i] ? nan(m.thisYear()[i]) : null, flagged, col);
        }
        JFreeChart chart = ChartFactory.createLineChart(msg.get("series.title", m.name(), m.code()),
                msg.get("series.domain"), indicatorTitle(m.indicator()), ds, PlotOrientation.VERTICAL, true, false,
                false);
        finish(chart, msg.get("series.subtitle", indicatorTitle(m.indicator())));
        CategoryPlot plot = chart.getCategoryPlot();
        LineAndShapeRenderer r = new LineAndShapeRenderer(true, true);
        r.setSeriesPaint(0, NORMAL);
        r.setSeriesStroke(0, new BasicStroke(2.4f));
        r.setSeriesShape(0, circle(7));
        r.setSeriesPaint(1, LAST_YEAR);
        r.setSeriesStroke(1, new BasicStroke(1.8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10,
                new float[] {5, 4}, 0));
        r.setSeriesShape(1, circle(5));
        r.setSeriesLinesVisible(2, false);
        r.setSeriesShape(2, circle(14));
        r.setSeriesPaint(2, FLAGGED);
        r.setDrawOutlines(false);
        plot.setRenderer(r);
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        boolean nonPositive = false;
        for (double[] v : new double[][] {m.thisYear(), m.lastYear()}) {
            for (double d : v) {
                if (Double.isNaN(d)) {
                    continue;
                }
                if (d <= 0) {
                    nonPositive = true;
                } else {
                    min = Math.min(min, d);
                    max = Math.max(max, d);
                }
            }
        }
        if (!nonPositive && max / min > 100) {
            // A unit slip (1,000 times) flattens every other month to the floor of a linear axis; on a log axis
            // both the slip and the months around it stay readable.
            LogAxis y = new LogAxis(indicatorTitle(m.indicator()) + msg.get("hb.log"));
            y.setNumberFormatOverride(amount());
            y.setSmallestValue(1e-3);
            // ticks at powers of ten: round figures, never 2,511,886.4
            y.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1));
            y.setMinorTickMarksVisible(true);
            y.setLabelFont(Fonts.font(Font.PLAIN, 15));
            y.setTickLabelFont(Fonts.font(Font.PLAIN, 12));
            plot.setRangeAxis(y);
        } else {
            ((NumberAxis) plot.getRangeAxis()).setNumberFormatOverride(amount());
            ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(true);
        }
        plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        plot.getDomainAxis().setCategoryMargin(0.05);
        return chart;
    }

    private static Double nan(double v) {
        return Double.isNaN(v) ? null : v;
    }

    JFreeChart hb(VarianceModel m) {
        String[] keys = {msg.get("hb.normal"), msg.get("hb.outlier"), msg.get("hb.flagged")};
        List<Point> tested = m.points().stream().filter(p -> !Double.isNaN(p.eScaled())).toList();
        double[] es = tested.stream().mapToDouble(Point::eScaled).toArray();
        double[] flaggedE = tested.stream().filter(p -> p.flagged() || p.hbOutlier()).mapToDouble(Point::eScaled)
                .toArray();
        double[] r = range(es, new double[] {-1, 1}, flaggedE, 2, -1e6, 1e6);
        double lo = r[0];
        double hi = r[1];
        double inset = (hi - lo) * 0.015;
        Plotted.HbDataset ds = new Plotted.HbDataset(tested, keys, lo + inset, hi - inset);
        String unit = m.indicator().unit() == null || m.indicator().unit().isBlank() ? "" : m.indicator().unit();
        JFreeChart chart = ChartFactory.createScatterPlot(msg.get("hb.title", m.period(), m.indicator().name()),
                msg.get("hb.domain", unit), msg.get("hb.range"), ds, PlotOrientation.VERTICAL, true, true, false);
        finish(chart, msg.get("hb.subtitle", scope(m.specialty()), tested.size(), m.hbOutlierCount(),
                m.flaggedCount()) + "\n" + parameters(m, "parameters.hb"), m.period(), m.specialty());
        XYPlot plot = chart.getXYPlot();
        double minSize = tested.stream().mapToDouble(Point::size).min().orElse(1);
        double maxSize = tested.stream().mapToDouble(Point::size).max().orElse(10);
        // Sizes spread over decades read best on a log scale with ticks at powers of ten; a narrow spread linear.
        if (maxSize / Math.max(minSize, 1e-9) > 30) {
            LogAxis x = new LogAxis(msg.get("hb.domain", unit) + msg.get("hb.log"));
            x.setSmallestValue(1e-3);
            x.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1));
            x.setMinorTickMarksVisible(true);
            x.setNumberFormatOverride(amount());
            x.setLabelFont(Fonts.font(Font.PLAIN, 15));
            x.setTickLabelFont(Fonts.font(Font.PLAIN, 12));
            plot.setDomainAxis(x);
        } else {
            NumberAxis x = (NumberAxis) plot.getDomainAxis();
            x.setNumberFormatOverride(amount());
            x.setAutoRangeIncludesZero(false);
        }
        NumberAxis y = (NumberAxis) plot.getRangeAxis();
        y.setRange(lo, hi);
        XYLineAndShapeRenderer rr = new Plotted.ClampedRenderer(lo + inset, hi - inset);
        rr.setSeriesShape(0, circle(tested.size() > 800 ? 4 : 6));
        rr.setSeriesPaint(0, new Color(NORMAL.getRed(), NORMAL.getGreen(), NORMAL.getBlue(), 160));
        rr.setSeriesShape(1, circle(8));
        rr.setSeriesPaint(1, OUTLIER);
        rr.setSeriesShape(2, circle(9));
        rr.setSeriesPaint(2, FLAGGED);
        rr.setDrawOutlines(false);
        NumberFormat f = amount();
        DecimalFormat ef = new DecimalFormat("0.###");
        rr.setDefaultToolTipGenerator((d, series, item) -> {
            Point pt = ds.point(series, item);
            return msg.get("hb.tooltip", pt.name(), pt.code(), f.format(pt.size()), ef.format(pt.e()), unit,
                    stratumName(pt.stratum()), pt.stratumSize(), ef.format(pt.eScaled()));
        });
        plot.setRenderer(rr);
        plot.setSeriesRenderingOrder(org.jfree.chart.plot.SeriesRenderingOrder.FORWARD);
        IntervalMarker inside = new IntervalMarker(-1, 1);
        inside.setPaint(new Color(0x4C, 0xAF, 0x50, 22));
        plot.addRangeMarker(inside, Layer.BACKGROUND);
        plot.addRangeMarker(line(-1, MARKER, true, msg.get("hb.lower"), false), Layer.FOREGROUND);
        plot.addRangeMarker(line(1, MARKER, true, msg.get("hb.upper"), false), Layer.FOREGROUND);
        return chart;
    }

    JFreeChart county(CountyModel m) {
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        String mom = msg.get("county.mom");
        String yoy = msg.get("county.yoy");
        for (CountyRow row : m.rows()) {
            String col = row.name() == null ? msg.get("county.whole") : row.name();
            ds.addValue(row.mom(), mom, col);
            ds.addValue(row.yoy(), yoy, col);
        }
        JFreeChart chart = ChartFactory.createBarChart(msg.get("county.title", m.period(), m.indicator().name()),
                msg.get("county.domain"), msg.get("county.range"), ds, PlotOrientation.VERTICAL, true, false, false);
        finish(chart, msg.get("county.subtitle", scope(m.specialty())), m.period(), m.specialty());
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer r = (BarRenderer) plot.getRenderer();
        r.setSeriesPaint(0, BARS[0]);
        r.setSeriesPaint(1, BARS[1]);
        r.setItemMargin(0.04);
        r.setMaximumBarWidth(0.05);
        labels(r, "0.0");
        plot.addRangeMarker(new ValueMarker(0, new Color(0x66, 0x66, 0x66), new BasicStroke(1f)));
        NumberAxis y = (NumberAxis) plot.getRangeAxis();
        y.setNumberFormatOverride(new DecimalFormat("0'%'"));
        y.setUpperMargin(0.12);
        y.setLowerMargin(0.12);
        crowded(plot.getDomainAxis(), m.rows().size());
        return chart;
    }

    JFreeChart rates(RatesModel m) {
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        String[] keys = {msg.get("rates.reporting"), msg.get("rates.timely"), msg.get("rates.accurate")};
        for (RateRow row : m.rows()) {
            String col = row.name() == null ? msg.get("rates.whole") : row.name();
            ds.addValue(row.rates().reportingRate() * 100, keys[0], col);
            ds.addValue(row.rates().timelinessRate() * 100, keys[1], col);
            ds.addValue(row.rates().accuracyRate() * 100, keys[2], col);
        }
        JFreeChart chart = ChartFactory.createBarChart(msg.get("rates.title", m.period()), msg.get("county.domain"),
                msg.get("rates.range"), ds, PlotOrientation.VERTICAL, true, false, false);
        finish(chart, msg.get("rates.subtitle", scope(m.specialty())), m.period(), m.specialty());
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer r = (BarRenderer) plot.getRenderer();
        for (int i = 0; i < 3; i++) {
            r.setSeriesPaint(i, BARS[i]);
        }
        r.setItemMargin(0.04);
        r.setMaximumBarWidth(0.05);
        labels(r, "0.#");
        NumberAxis y = (NumberAxis) plot.getRangeAxis();
        y.setRange(0, 112);
        y.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(10));
        y.setNumberFormatOverride(new DecimalFormat("0'%'"));
        // The target is in the subtitle: a label on the line would collide with the bars' own labels near 100.
        ValueMarker target = line(100, new Color(0x2E, 0x7D, 0x32), true, null, false);
        plot.addRangeMarker(target, Layer.FOREGROUND);
        crowded(plot.getDomainAxis(), m.rows().size());
        return chart;
    }

    private static void labels(BarRenderer r, String format) {
        r.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", new DecimalFormat(format)));
        r.setDefaultItemLabelsVisible(true);
        r.setDefaultItemLabelFont(Fonts.font(Font.PLAIN, 11));
        r.setDefaultItemLabelPaint(new Color(0x33, 0x33, 0x33));
    }

    /** Many counties: slant the names so that they never overlap. */
    private static void crowded(CategoryAxis axis, int columns) {
        axis.setCategoryMargin(0.25);
        axis.setMaximumCategoryLabelLines(2);
        if (columns > 8) {
            axis.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
    }
}
