package org.statdesk.charts.internal;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.statdesk.api.charts.ChartService;
import org.statdesk.api.command.BadInputException;
import org.statdesk.api.feature.FeatureManager;
import org.statdesk.api.registry.Register;
import org.statdesk.api.review.Comparisons;
import org.statdesk.api.review.Indicator;
import org.statdesk.api.review.ReportForm;
import org.statdesk.api.review.ReviewService;

/**
 * The chart service (对比图服务): models from the review (its comparisons and flags) and the register, drawn by
 * JFreeChart, PNG or SVG.
 */
@Component(service = {ChartService.class, ChartSource.class})
public class ChartServiceImpl implements ChartSource {
    static final String SVG_FALLBACK = "\"Noto Sans CJK SC\", \"Source Han Sans SC\", \"Microsoft YaHei\", "
            + "\"PingFang SC\", \"WenQuanYi Zen Hei\", \"SimHei\", sans-serif";
    private final ChartData data;
    private final Charts charts;
    private final Msg msg;

    /** The feature files' titles name a specialty (工业, Industry); without them the titles of its forms do. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile FeatureManager features;

    @Activate
    public ChartServiceImpl(@Reference ReviewService review, @Reference Comparisons comparisons,
            @Reference Register register, BundleContext ctx) {
        this(review, comparisons, register, ctx.getProperty("statdesk.locale"));
    }

    public ChartServiceImpl(ReviewService review, Comparisons comparisons, Register register, String language) {
        this.data = new ChartData(review, comparisons, register);
        this.msg = Msg.of(language);
        this.charts = new Charts(msg, this::scopeTitle, data::released);
    }

    private String scopeTitle(String specialty) {
        FeatureManager fm = features;
        return fm != null ? fm.title(specialty, msg.english() ? "en" : "zh") : data.scopeTitle(specialty);
    }

    ChartData data() {
        return data;
    }

    Charts charts() {
        return charts;
    }

    Msg msg() {
        return msg;
    }

    @Override
    public List<ReportForm> forms(String specialty) {
        return data.forms(specialty);
    }

    @Override
    public Indicator indicator(String code, String specialty) {
        return data.indicator(code, specialty);
    }

    @Override
    public JFreeChart chart(String kind, Map<String, String> p) {
        String period = p.get("period");
        Periods.parse("period", period);
        String specialty = blankToNull(p.get("specialty"));
        String indicator = blankToNull(p.get("indicator"));
        switch (kind == null ? "" : kind) {
            case VARIANCE:
                return charts.variance(data.variance(period, indicator, specialty));
            case HB:
                return charts.hb(data.variance(period, indicator, specialty));
            case SERIES: {
                String unit = blankToNull(p.get("unit"));
                if (unit == null) {
                    throw Periods.bad("unit", null, "单位序列图需要 --unit 统一社会信用代码");
                }
                return charts.series(data.series(unit, period, indicator, specialty));
            }
            case COUNTY:
                return charts.county(data.county(period, indicator, specialty));
            case RATES:
                return charts.rates(data.rates(period, specialty));
            default:
                throw Periods.bad("kind", kind, "图表种类应为 " + String.join("|", KINDS));
        }
    }

    @Override
    public void export(String kind, Map<String, String> parameters, String format, int width, int height,
            OutputStream out) throws Exception {
        if (!"png".equals(format) && !"svg".equals(format)) {
            throw new BadInputException("format must be png or svg, not '" + format + "'");
        }
        JFreeChart chart = chart(kind, parameters);
        if ("svg".equals(format)) {
            writeSvg(chart, width, height, out);
        } else {
            writePng(render(chart, width, height), out);
        }
    }

    static BufferedImage render(JFreeChart chart, int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            g.dispose();
        }
        return img;
    }

    /** PNG at a light compression: charts are flat colours, so size barely grows while encoding is much faster. */
    static void writePng(BufferedImage img, OutputStream out) throws IOException {
        ImageWriter w = ImageIO.getImageWritersByFormatName("png").next();
        try (ImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
            w.setOutput(ios);
            ImageWriteParam param = w.getDefaultWriteParam();
            if (param.canWriteCompressed()) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(0.75f);
            }
            w.write(null, new IIOImage(img, null, null), param);
        } finally {
            w.dispose();
        }
    }

    static void writeSvg(JFreeChart chart, int width, int height, OutputStream out) throws IOException {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        // The SVG is opened elsewhere (a bureau's Windows PC, a browser): name the Chinese fonts found there too,
        // so that text never falls back to a font without Chinese glyphs.
        g.setFontFunction(family -> "\"" + family + "\", " + SVG_FALLBACK);
        chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        out.write(g.getSVGDocument().getBytes(StandardCharsets.UTF_8));
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
