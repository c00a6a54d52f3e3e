package org.statdesk.charts.internal;

import java.awt.Shape;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.AbstractXYDataset;
import org.statdesk.charts.internal.ChartData.Point;

/** What the variance and HB charts plot: their datasets (points clamped into the visible range) and renderer. */
final class Plotted {
    private Plotted() {
    }

    /** Points in series by their verdict, keyed for the legend, values clamped into the visible range. */
    abstract static class PointDataset extends AbstractXYDataset implements ClampedValues {
        private static final long serialVersionUID = 1L;
        final List<List<Point>> series;
        private final String[] keys;
        final double low;
        final double high;

        PointDataset(String[] keys, double low, double high) {
            this.keys = keys;
            this.low = low;
            this.high = high;
            List<List<Point>> s = new ArrayList<>();
            for (int i = 0; i < keys.length; i++) {
                s.add(new ArrayList<>());
            }
            this.series = List.copyOf(s);
        }

        Point point(int s, int item) {
            return series.get(s).get(item);
        }

        @Override
        public int getSeriesCount() {
            return keys.length;
        }

        @Override
        public Comparable<?> getSeriesKey(int s) {
            return keys[s];
        }

        @Override
        public int getItemCount(int s) {
            return series.get(s).size();
        }
    }

    /** Variance points split in two series (unflagged, flagged), values clamped into the visible range. */
    static final class VarianceDataset extends PointDataset {
        private static final long serialVersionUID = 1L;
        final List<int[]> rank = List.of(new int[0], new int[0]);
        private final int[][] ranks;

        VarianceDataset(List<Point> points, String normal, String flagged, double low, double high) {
            super(new String[] {normal, flagged}, low, high);
            int[] counts = new int[2];
            for (Point p : points) {
                counts[p.flagged() ? 1 : 0]++;
            }
            ranks = new int[][] {new int[counts[0]], new int[counts[1]]};
            int r = 0;
            int[] at = new int[2];
            for (Point p : points) {
                int s = p.flagged() ? 1 : 0;
                series.get(s).add(p);
                ranks[s][at[s]++] = ++r;
            }
        }

        @Override
        public Number getX(int s, int item) {
            return ranks[s][item];
        }

        @Override
        public Number getY(int s, int item) {
            // Extreme changes stay visible at the edge; the tooltip gives the true value.
            return Math.max(low, Math.min(high, series.get(s).get(item).changePct()));
        }

        @Override
        public double trueY(int s, int item) {
            return series.get(s).get(item).changePct();
        }
    }

    /** HB points in three series: ordinary, HB outlier, flagged by the review. */
    static final class HbDataset extends PointDataset {
        private static final long serialVersionUID = 1L;

        HbDataset(List<Point> points, String[] keys, double low, double high) {
            super(keys, low, high);
            for (Point p : points) {
                series.get(p.flagged() ? 2 : p.hbOutlier() ? 1 : 0).add(p);
            }
        }

        @Override
        public Number getX(int s, int item) {
            return series.get(s).get(item).size();
        }

        @Override
        public Number getY(int s, int item) {
            return Math.max(low, Math.min(high, series.get(s).get(item).eScaled()));
        }

        @Override
        public double trueY(int s, int item) {
            return series.get(s).get(item).eScaled();
        }
    }

    /** Draws a point clamped to the edge of the plot as an arrowhead pointing off the chart. */
    static final class ClampedRenderer extends XYLineAndShapeRenderer {
        private static final long serialVersionUID = 1L;
        private final double lo;
        private final double hi;

        ClampedRenderer(double lo, double hi) {
            super(false, true);
            this.lo = lo;
            this.hi = hi;
        }

        @Override
        public Shape getItemShape(int series, int item) {
            org.jfree.data.xy.XYDataset d = getPlot() == null ? null : getPlot().getDataset(0);
            if (d instanceof ClampedValues c) {
                double v = c.trueY(series, item);
                if (v >= hi || v <= lo) {
                    double a = 6;
                    java.awt.geom.Path2D.Double t = new java.awt.geom.Path2D.Double();
                    int dir = v > hi ? -1 : 1; // screen y grows downwards
                    t.moveTo(0, dir * a);
                    t.lineTo(-a, -dir * a * 0.4);
                    t.lineTo(a, -dir * a * 0.4);
                    t.closePath();
                    return t;
                }
            }
            return super.getItemShape(series, item);
        }
    }

    /** A dataset whose y values are clamped into the plot, knowing the true ones. */
    interface ClampedValues {
        double trueY(int series, int item);
    }
}
