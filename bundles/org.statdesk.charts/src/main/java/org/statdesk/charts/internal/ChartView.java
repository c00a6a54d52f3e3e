package org.statdesk.charts.internal;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.EventQueue;
import java.awt.FlowLayout;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javax.swing.BorderFactory;
import javax.swing.DefaultComboBoxModel;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.SwingConstants;
import javax.swing.filechooser.FileNameExtensionFilter;
import org.jfree.chart.ChartMouseEvent;
import org.jfree.chart.ChartMouseListener;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.entity.XYItemEntity;
import org.statdesk.api.charts.ChartService;
import org.statdesk.api.review.Indicator;
import org.statdesk.api.review.ReportForm;
import org.statdesk.api.workbench.View;
import org.statdesk.api.workbench.ViewContext;

/**
 * A chart as a workbench view: follows the period, the perspective's specialty and (for the unit series) the
 * selected flag; draws off the Swing thread and drops results that a newer request overtook.
 */
abstract class ChartView implements View {
    /** With {@code -Dstatdesk.trace=true}, how long each chart took from request to screen, on stderr. */
    static final boolean TRACE = Boolean.getBoolean("statdesk.trace");
    private final ChartSource service;
    private final String kind;
    private final List<Instance> instances = new ArrayList<>();

    ChartView(ChartSource service, String kind) {
        this.service = service;
        this.kind = kind;
    }

    @Override
    public JComponent create(ViewContext ctx) {
        Instance i = new Instance(ctx);
        synchronized (instances) {
            instances.add(i);
        }
        return i.root;
    }

    @Override
    public void dispose() {
        synchronized (instances) {
            instances.forEach(Instance::close);
            instances.clear();
        }
    }

    boolean usesIndicator() {
        return !ChartService.RATES.equals(kind);
    }

    final class Instance {
        final ViewContext ctx;
        final Msg msg;
        final JPanel root = new JPanel(new BorderLayout());
        final ChartPanel panel = new ChartPanel(null, false, false, false, true, true);
        final JLabel message = new JLabel("", SwingConstants.CENTER);
        final JComboBox<Item> indicators = new JComboBox<>();
        final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "statdesk-chart-" + kind);
            t.setDaemon(true);
            return t;
        });
        final AtomicLong generation = new AtomicLong();
        volatile String unit;
        volatile String indicator;
        volatile JFreeChart chart;
        /** Milliseconds from request to chart shown, for the workbench's speed checks. */
        volatile long lastMillis = -1;
        private boolean filling;

        Instance(ViewContext ctx) {
            this.ctx = ctx;
            this.msg = new Msg(ctx.locale() == null ? Locale.SIMPLIFIED_CHINESE : ctx.locale());
            panel.setMouseWheelEnabled(true);
            panel.setInitialDelay(150);
            panel.setDismissDelay(20000);
            panel.setMaximumDrawWidth(4000);
            panel.setMaximumDrawHeight(3000);
            panel.setMinimumDrawWidth(200);
            panel.setMinimumDrawHeight(150);
            message.setForeground(new Color(0x66, 0x66, 0x66));
            JPanel bar = new JPanel(new FlowLayout(FlowLayout.LEFT, 8, 4));
            bar.setBorder(BorderFactory.createEmptyBorder(2, 4, 2, 4));
            if (usesIndicator()) {
                bar.add(new JLabel(msg.get("view.indicator")));
                bar.add(indicators);
                indicators.addActionListener(e -> {
                    Item it = (Item) indicators.getSelectedItem();
                    if (!filling && it != null) {
                        indicator = it.code;
                        reload();
                    }
                });
            }
            JButton png = new JButton(msg.get("view.exportPng"));
            png.addActionListener(e -> export("png"));
            JButton svg = new JButton(msg.get("view.exportSvg"));
            svg.addActionListener(e -> export("svg"));
            bar.add(png);
            bar.add(svg);
            root.add(bar, BorderLayout.NORTH);
            root.add(message, BorderLayout.CENTER);
            root.putClientProperty(ChartView.class, this);
            if (ChartService.VARIANCE.equals(kind) || ChartService.HB.equals(kind)) {
                panel.addChartMouseListener(new ChartMouseListener() {
                    @Override
                    public void chartMouseClicked(ChartMouseEvent e) {
                        ChartData.Point p = pointOf(e);
                        if (p != null) {
                            ctx.selectUnit(p.code());
                        }
                    }

                    @Override
                    public void chartMouseMoved(ChartMouseEvent e) {
                    }
                });
            }
            ctx.onPeriodChange(p -> reload());
            ctx.onSpecialtyChange(s -> {
                fillIndicators();
                reload();
            });
            if (ChartService.SERIES.equals(kind)) {
                ctx.onFlagSelected(f -> {
                    unit = f.creditCode();
                    indicator = f.indicator();
                    selectIndicator(f.indicator());
                    reload();
                });
                ctx.onUnitSelected(code -> {
                    if (!code.equals(unit)) {
                        unit = code;
                        reload();
                    }
                });
            }
            fillIndicators();
            reload();
        }

        private ChartData.Point pointOf(ChartMouseEvent e) {
            if (e.getEntity() instanceof XYItemEntity x) {
                if (x.getDataset() instanceof Plotted.VarianceDataset v) {
                    return v.point(x.getSeriesIndex(), x.getItem());
                }
                if (x.getDataset() instanceof Plotted.HbDataset h) {
                    return h.point(x.getSeriesIndex(), x.getItem());
                }
            }
            return null;
        }

        void fillIndicators() {
            if (!usesIndicator()) {
                return;
            }
            DefaultComboBoxModel<Item> model = new DefaultComboBoxModel<>();
            for (ReportForm f : service.forms(ctx.specialty())) {
                for (Indicator i : f.indicators()) {
                    if (f.comparedIndicators().contains(i.code())) {
                        model.addElement(new Item(i.code(), i.name() + " (" + i.unit() + ")"));
                    }
                }
            }
            filling = true;
            indicators.setModel(model);
            filling = false;
            if (indicator == null || !selectIndicator(indicator)) {
                try {
                    indicator = service.indicator(null, ctx.specialty()).code();
                    selectIndicator(indicator);
                } catch (RuntimeException e) {
                    indicator = null;
                }
            }
        }

        boolean selectIndicator(String code) {
            for (int k = 0; k < indicators.getItemCount(); k++) {
                if (indicators.getItemAt(k).code.equals(code)) {
                    filling = true;
                    indicators.setSelectedIndex(k);
                    filling = false;
                    return true;
                }
            }
            return false;
        }

        Map<String, String> parameters() {
            Map<String, String> p = new HashMap<>();
            p.put("period", ctx.period());
            if (ctx.specialty() != null) {
                p.put("specialty", ctx.specialty());
            }
            if (indicator != null) {
                p.put("indicator", indicator);
            }
            if (unit != null) {
                p.put("unit", unit);
            }
            return p;
        }

        void reload() {
            long gen = generation.incrementAndGet();
            long started = System.nanoTime();
            if (ChartService.SERIES.equals(kind) && unit == null) {
                show(null, msg.get("view.noUnit"));
                return;
            }
            Map<String, String> p = parameters();
            worker.execute(() -> {
                if (gen != generation.get()) {
                    return;
                }
                JFreeChart c;
                String error = null;
                try {
                    c = service.chart(kind, p);
                } catch (org.statdesk.api.command.BadInputException e) {
                    c = null;
                    error = hint(e);
                } catch (RuntimeException e) {
                    c = null;
                    error = msg.get("view.error", e.getMessage());
                }
                JFreeChart done = c;
                String err = error;
                EventQueue.invokeLater(() -> {
                    if (gen == generation.get()) {
                        show(done, err);
                        lastMillis = (System.nanoTime() - started) / 1_000_000;
                        if (TRACE) {
                            System.err.println("statdesk.charts: " + kind + " " + p.get("unit") + " shown "
                                    + lastMillis + " ms after the request");
                        }
                    }
                });
            });
        }

        /**
         * What a view says when the chart cannot be drawn from what is chosen: a hint in words, never the command
         * line's text (an option's name, an indicator's code).
         */
        String hint(org.statdesk.api.command.BadInputException e) {
            String field = e.errors().isEmpty() ? null : e.errors().get(0).field();
            if ("indicator".equals(field)) {
                return msg.get("view.noIndicator");
            }
            if (String.valueOf(e.getMessage()).startsWith("no report form")) {
                return msg.get("view.noForm");
            }
            String said = e.errors().isEmpty() ? e.getMessage() : e.errors().get(0).message();
            return said == null || said.contains("--") ? msg.get("view.cannot") : msg.get("view.error", said);
        }

        void show(JFreeChart c, String text) {
            chart = c;
            root.remove(message);
            root.remove(panel);
            if (c != null) {
                panel.setChart(c);
                root.add(panel, BorderLayout.CENTER);
            } else {
                message.setText(text);
                root.add(message, BorderLayout.CENTER);
            }
            root.revalidate();
            root.repaint();
        }

        void export(String format) {
            JFileChooser fc = new JFileChooser();
            fc.setFileFilter(new FileNameExtensionFilter(format.toUpperCase(Locale.ROOT), format));
            fc.setSelectedFile(new java.io.File(kind + "-" + ctx.period() + "." + format));
            if (fc.showSaveDialog(root) != JFileChooser.APPROVE_OPTION) {
                return;
            }
            Path out = fc.getSelectedFile().toPath();
            Path target = out.toString().endsWith("." + format) ? out : Path.of(out + "." + format);
            Map<String, String> p = parameters();
            ctx.runInBackground(msg.get("view.exporting"), cancelled -> {
                Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), ".chart-", ".tmp");
                try {
                    try (OutputStream os = Files.newOutputStream(tmp)) {
                        service.export(kind, p, format, 1200, 800, os);
                    }
                    if (!cancelled.getAsBoolean()) {
                        Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                } finally {
                    Files.deleteIfExists(tmp);
                }
            });
        }

        void close() {
            generation.incrementAndGet();
            worker.shutdownNow();
        }
    }

    record Item(String code, String label) {
        @Override
        public String toString() {
            return label;
        }
    }
}
