package org.statdesk.charts.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.charts.ChartService;
import org.statdesk.api.command.Args;
import org.statdesk.api.command.Command;
import org.statdesk.api.command.CommandResult;
import org.statdesk.api.command.CommandSpec;
import org.statdesk.api.input.Inputs;
import org.statdesk.api.input.OutputFiles;

/** {@code chart:export}: a chart to a PNG or SVG file, headless (导出图表). */
@Component(service = Command.class)
@CommandSpec(name = "chart:export",
        usage = "chart:export --kind variance|series|hb|county|rates --period YYYY-MM [--indicator I]"
                + " [--unit CODE] [--specialty S] [--width 1200 --height 800] --out FILE(.png|.svg)",
        description = "Exports a comparison chart as PNG or SVG (导出对比图)")
public class ChartExportCommand implements Command {
    static final int MIN_SIZE = 200;
    static final int MAX_SIZE = 8000;
    private final ChartService charts;
    private final Path dataFolder;

    @Activate
    public ChartExportCommand(@Reference ChartService charts, BundleContext ctx) {
        this(charts, dataFolder(ctx.getProperty("statdesk.data")));
    }

    /** {@code dataFolder}: where the database lives, never a place for a chart. */
    ChartExportCommand(ChartService charts, Path dataFolder) {
        this.charts = charts;
        this.dataFolder = dataFolder;
    }

    /** The data folder as the store opens it: {@code statdesk.data}, else ~/.statdesk. */
    static Path dataFolder(String property) {
        return Path.of(property == null ? System.getProperty("user.home") + "/.statdesk" : property);
    }

    @Override
    public CommandResult execute(Args args) throws Exception {
        args.allow("kind", "period", "indicator", "unit", "specialty", "width", "height", "out");
        String kind = args.required("kind");
        if (!ChartService.KINDS.contains(kind)) {
            throw Periods.bad("kind", kind, "图表种类应为 " + String.join("|", ChartService.KINDS));
        }
        String period = args.required("period");
        Periods.parse("period", period);
        int width = size(args, "width", 1200);
        int height = size(args, "height", 800);
        String given = args.required("out");
        String name = Path.of(given).getFileName() == null ? ""
                : Path.of(given).getFileName().toString().toLowerCase(Locale.ROOT);
        String format = name.endsWith(".svg") ? "svg" : name.endsWith(".png") ? "png" : null;
        if (format == null) {
            throw Periods.bad("out", given, "文件名应以 .png 或 .svg 结尾");
        }
        Path out;
        try {
            out = OutputFiles.check(Path.of(given), dataFolder);
        } catch (Inputs.InvalidValueException e) {
            throw Periods.bad("out", given, e.getMessage());
        }
        Map<String, String> p = new LinkedHashMap<>();
        p.put("period", period);
        args.option("indicator").ifPresent(v -> p.put("indicator", v));
        args.option("unit").ifPresent(v -> p.put("unit", v));
        args.option("specialty").ifPresent(v -> p.put("specialty", v));
        long started = System.nanoTime();
        // Written beside the target and renamed in place: a failed export leaves no half file behind.
        OutputFiles.write(out, os -> {
            try {
                charts.export(kind, p, format, width, height, os);
            } catch (IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException(e);
            }
        });
        try {
            // The temporary file was private (0600); the chart is a document to share like any other.
            Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: it keeps the defaults there
        }
        long ms = (System.nanoTime() - started) / 1_000_000;
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", kind);
        json.put("period", period);
        json.put("indicator", p.get("indicator"));
        json.put("unit", p.get("unit"));
        json.put("specialty", p.get("specialty"));
        json.put("format", format);
        json.put("width", width);
        json.put("height", height);
        json.put("out", out.toString());
        json.put("bytes", Files.size(out));
        json.put("millis", ms);
        return CommandResult.ok(json, "chart " + kind + " " + period + " → " + out + " (" + width + "×" + height + ", "
                + format + ", " + Files.size(out) + " bytes)");
    }

    private static int size(Args args, String name, int def) {
        long v = args.integer(name, def);
        if (v < MIN_SIZE || v > MAX_SIZE) {
            throw Periods.bad(name, String.valueOf(v), "应在 " + MIN_SIZE + " 到 " + MAX_SIZE + " 像素之间");
        }
        return (int) v;
    }
}
