package org.statdesk.charts.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.statdesk.api.command.Args;
import org.statdesk.api.command.BadInputException;
import org.statdesk.api.command.CommandResult;
import org.statdesk.testing.FakeReview;
import org.statdesk.testing.ListRegister;

/** Renders every kind headless and looks at the pixels. */
class ChartRenderTest {
    private final Object[] demo = Fakes.demo(200);
    private final ChartServiceImpl service = new ChartServiceImpl((FakeReview) demo[0], (Fakes.Compare) demo[2], (ListRegister) demo[1],
            "zh");
    /** The data folder of the command under test: no chart may be written into it. */
    @TempDir
    Path dataFolder;
    private static final Map<String, String> P = Map.of("period", "2024-06", "unit", "91620602MA00000000");

    static BufferedImage png(byte[] bytes) throws Exception {
        return ImageIO.read(new ByteArrayInputStream(bytes));
    }

    static int colours(BufferedImage img) {
        Set<Integer> c = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                c.add(img.getRGB(x, y) & 0xFFFFFF);
            }
        }
        return c.size();
    }

    /** Share of sampled pixels that are not white. */
    static double ink(BufferedImage img) {
        int n = 0;
        int ink = 0;
        for (int y = 0; y < img.getHeight(); y += 3) {
            for (int x = 0; x < img.getWidth(); x += 3) {
                n++;
                if ((img.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                    ink++;
                }
            }
        }
        return ink / (double) n;
    }

    static int near(BufferedImage img, int rgb, int tolerance) {
        return near(img, rgb, tolerance, 0);
    }

    /** Pixels within tolerance of a colour, from row {@code fromY} down (below the legend and titles). */
    static int near(BufferedImage img, int rgb, int tolerance, int fromY) {
        int count = 0;
        for (int y = fromY; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int p = img.getRGB(x, y);
                if (Math.abs(((p >> 16) & 255) - ((rgb >> 16) & 255)) <= tolerance
                        && Math.abs(((p >> 8) & 255) - ((rgb >> 8) & 255)) <= tolerance
                        && Math.abs((p & 255) - (rgb & 255)) <= tolerance) {
                    count++;
                }
            }
        }
        return count;
    }

    @ParameterizedTest
    @ValueSource(strings = {"variance", "series", "hb", "county", "rates"})
    void everyKindRendersAPngOfTheAskedSizeWithContent(String kind) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        service.export(kind, P, "png", 1200, 800, out);
        // Kept under target/ so a reviewer can look at what the test saw.
        Files.write(Path.of("target", "chart-" + kind + ".png"), out.toByteArray());
        BufferedImage img = png(out.toByteArray());
        assertEquals(1200, img.getWidth());
        assertEquals(800, img.getHeight());
        double ink = ink(img);
        assertTrue(ink > 0.02 && ink < 0.6, kind + ": ink share " + ink);
        assertTrue(colours(img) > 20, kind + ": a chart has more than a handful of colours");
    }

    @Test
    void theFlaggedUnitIsDrawnInTheFlagColour() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        service.export("variance", P, "png", 1200, 800, out);
        // Inside the plot, below legend and subtitles: the flagged unit (+400%, drawn as an arrowhead at the top
        // edge since the bulk decides the range) and nothing else in that red.
        int red = near(png(out.toByteArray()), Charts.FLAGGED.getRGB(), 12, 130);
        assertTrue(red > 25, "flag-coloured pixels: " + red);

        // Without flags the red disappears: the colour comes from the flag, not from decoration.
        ((FakeReview) demo[0]).flags.clear();
        ByteArrayOutputStream out2 = new ByteArrayOutputStream();
        service.export("variance", P, "png", 1200, 800, out2);
        int red2 = near(png(out2.toByteArray()), Charts.FLAGGED.getRGB(), 12, 130);
        assertTrue(red2 < red / 4, "without flags " + red2 + " vs " + red);
    }

    @Test
    void aUnitSlipPutsTheSeriesOnALogAxisAndOrdinarySeriesStayLinear() {
        Map<String, String> p = Map.of("period", "2024-06", "unit", "91620602MA00000001", "indicator",
                "output_value");
        assertTrue(service.chart("series", p).getCategoryPlot().getRangeAxis() instanceof
                org.jfree.chart.axis.NumberAxis, "an ordinary unit: linear from zero");
        // entered in 元 instead of 千元: a thousand times its months
        ((FakeReview) demo[0]).put("2024-06", "output_value", "91620602MA00000001", 1_037_000);
        assertTrue(service.chart("series", p).getCategoryPlot().getRangeAxis() instanceof
                org.jfree.chart.axis.LogAxis, "a slip: log axis");
    }

    @Test
    void exportedFilesAreReadableByOthers(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("r.png");
        new ChartExportCommand(service, dataFolder).execute(Args.of("--kind", "rates", "--period", "2024-06", "--out",
                out.toString()));
        if (out.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(out)));
        }
    }

    @Test
    void chineseTextRendersWithACjkFont() {
        String family = Fonts.family();
        assertEquals(-1, new java.awt.Font(family, java.awt.Font.PLAIN, 12).canDisplayUpTo("环比变化工业总产值"),
                "font " + family + " cannot draw Chinese; install fonts-noto-cjk");
    }

    @Test
    void svgIsAnSvgDocumentWithTheChineseTitle() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        service.export("county", P, "svg", 900, 600, out);
        String svg = out.toString(StandardCharsets.UTF_8);
        assertTrue(svg.contains("<svg"), "svg root");
        assertTrue(svg.matches("(?s).*<svg[^>]*width=.900(\\.0)?.*"), "width 900");
        assertTrue(svg.contains("分县区增速"), "Chinese title kept as text");
        assertTrue(svg.contains("凉州区"), "county name");
        assertTrue(svg.contains("Microsoft YaHei") && svg.contains("sans-serif"),
                "fonts with Chinese glyphs on other machines named as fallbacks");
    }

    @Test
    void aSpecialtyIsNamedAsItsFeatureFileNamesItElseByItsForms() throws Exception {
        Map<String, String> p = Map.of("period", "2024-06", "specialty", "industrial");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        service.export("county", p, "svg", 900, 600, out);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("工业产销总值及主要产品产量"), "the form's title");
        service.features = new org.statdesk.api.feature.FeatureManager() {
            public java.util.List<FeatureInfo> features() {
                return java.util.List.of();
            }

            public FeatureInfo enable(String name) {
                throw new UnsupportedOperationException();
            }

            public FeatureInfo disable(String name) {
                throw new UnsupportedOperationException();
            }

            @Override
            public String title(String name, String language) {
                return name.equals("industrial") ? ("en".equals(language) ? "Industry" : "工业") : name;
            }
        };
        ByteArrayOutputStream titled = new ByteArrayOutputStream();
        service.export("county", p, "svg", 900, 600, titled);
        String svg = titled.toString(StandardCharsets.UTF_8);
        assertTrue(svg.contains("工业 · ") && !svg.contains("工业产销总值"), "the feature's title");
    }

    @Test
    void englishLocaleTitlesInEnglish() throws Exception {
        ChartServiceImpl en = new ChartServiceImpl((FakeReview) demo[0], (Fakes.Compare) demo[2], (ListRegister) demo[1], "en");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        en.export("rates", P, "svg", 900, 600, out);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("reporting, timeliness and accuracy rates"));
    }

    @Test
    void exportCommandWritesTheFileAndReportsIt(@TempDir Path dir) throws Exception {
        ChartExportCommand cmd = new ChartExportCommand(service, dataFolder);
        Path out = dir.resolve("v.png");
        CommandResult r = cmd.execute(Args.of("--kind", "variance", "--period", "2024-06", "--out", out.toString(),
                "--json"));
        assertEquals(0, r.exitCode());
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) r.json();
        assertEquals(1200, json.get("width"));
        assertEquals(800, json.get("height"));
        assertEquals("png", json.get("format"));
        BufferedImage img = ImageIO.read(out.toFile());
        assertEquals(1200, img.getWidth());
        assertEquals(Files.size(out), json.get("bytes"));

        Path svg = dir.resolve("s.svg");
        cmd.execute(Args.of("--kind", "series", "--period", "2024-06", "--unit", "91620602MA00000000", "--width",
                "800", "--height", "500", "--out", svg.toString()));
        assertTrue(Files.readString(svg).matches("(?s).*<svg[^>]*width=.800(\\.0)?.*"));
    }

    @Test
    void exportCommandRejectsBadInputAndWritesNothing(@TempDir Path dir) throws Exception {
        ChartExportCommand cmd = new ChartExportCommand(service, dataFolder);
        String out = dir.resolve("x.png").toString();
        assertField(cmd, "kind", "--kind", "pie", "--period", "2024-06", "--out", out);
        assertField(cmd, "period", "--kind", "variance", "--period", "2024-6", "--out", out);
        assertField(cmd, "width", "--kind", "variance", "--period", "2024-06", "--width", "50", "--out", out);
        assertField(cmd, "out", "--kind", "variance", "--period", "2024-06", "--out", dir.resolve("x.gif").toString());
        assertField(cmd, "unit", "--kind", "series", "--period", "2024-06", "--out", out);
        assertField(cmd, "unit", "--kind", "series", "--period", "2024-06", "--unit", "NOPE", "--out", out);
        assertField(cmd, "indicator", "--kind", "variance", "--period", "2024-06", "--indicator", "sales", "--out", out);
        assertThrows(BadInputException.class, () -> cmd.execute(Args.of("--kind", "variance", "--period", "2024-06",
                "--out", out, "--colour", "red")));
        try (var s = Files.list(dir)) {
            assertEquals(0, s.count(), "nothing written, no temporary file left");
        }
    }

    @Test
    void exportCommandRefusesTheDataFolderAndWritesNothingThere() throws Exception {
        ChartExportCommand cmd = new ChartExportCommand(service, dataFolder);
        assertField(cmd, "out", "--kind", "variance", "--period", "2024-06", "--out",
                dataFolder.resolve("v.png").toString());
        assertField(cmd, "out", "--kind", "variance", "--period", "2024-06", "--out",
                dataFolder.resolve("no-such-folder").resolve("v.png").toString());
        try (var s = Files.list(dataFolder)) {
            assertEquals(0, s.count(), "nothing written into the data folder");
        }
    }

    private static void assertField(ChartExportCommand cmd, String field, String... tokens) {
        BadInputException e = assertThrows(BadInputException.class, () -> cmd.execute(Args.of(tokens)));
        assertEquals(field, e.errors().get(0).field(), e.getMessage());
    }
}
