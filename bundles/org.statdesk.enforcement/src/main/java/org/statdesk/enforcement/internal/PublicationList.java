package org.statdesk.enforcement.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.command.InputError;
import org.statdesk.api.input.Cells;
import org.statdesk.api.input.Inputs.InvalidValueException;
import org.statdesk.api.input.OutputFiles;
import org.statdesk.api.input.TableFiles;
import org.statdesk.api.registry.Unit;

/**
 * Writes the publication list. Names and results come from the register and from what staff typed, so every CSV
 * cell is neutralised against spreadsheet formulas and every HTML text escaped; the file is written to a temporary
 * name and renamed, never inside the data folder.
 */
@Component(service = Publisher.class)
public final class PublicationList implements Publisher {
    private final Schema schema;
    private final Bureau bureau;
    private static final List<String> HEADER = List.of("序号", "对象类型", "代码", "名称", "县区代码", "县区", "层",
            "执法人员", "检查结果");
    private final Draws draws;
    private final TableFiles tables;

    @Activate
    public PublicationList(@Reference Schema schema, @Reference Bureau bureau, @Reference Draws draws,
            @Reference TableFiles tables) {
        this.schema = schema;
        this.bureau = bureau;
        this.draws = draws;
        this.tables = tables;
    }

    @Override
    public int export(long id, Path file) throws Exception {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean html = name.endsWith(".html") || name.endsWith(".htm");
        boolean xlsx = TableFiles.xlsxName(file);
        if (!html && !xlsx && !name.endsWith(".csv")) {
            throw Inputs.bad(InputError.of("file", Inputs.shownOrNull(file.toString()),
                    "文件名应以 .csv、.xlsx 或 .html 结尾"));
        }
        Path out = outputPath(file);
        Draws.DrawJson d = draws.load(id);
        Map<String, String> unitNames = new HashMap<>();
        for (Draws.TargetJson t : d.targets()) {
            String n = t.kind().equals("township") ? bureau.countyName(t.code())
                    : bureau.register().find(t.code()).map(Unit::name).orElse("");
            unitNames.put(t.code(), n);
        }
        Map<String, String> results = results(id);
        if (xlsx) {
            tables.write(out, sheets(d, unitNames, results));
            return d.targets().size();
        }
        OutputFiles.write(out, os -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8));
            if (html) {
                writeHtml(w, d, unitNames, results);
            } else {
                writeCsv(w, d, unitNames, results);
            }
            w.flush();
        });
        return d.targets().size();
    }

    /**
     * Where the list may go: not inside the data folder (judged on the path as typed, before any folder is made for
     * it), not onto a database file; missing folders are made, as before.
     */
    private Path outputPath(Path file) throws IOException {
        Path abs = file.toAbsolutePath().normalize();
        Path data = schema.store().dataFolder();
        try {
            if (data != null && abs.startsWith(data.toAbsolutePath().normalize())) {
                throw new InvalidValueException("output file " + file + " is inside the data folder " + data
                        + ": write it elsewhere");
            }
            if (abs.getParent() != null && !Files.isDirectory(abs.getParent())) {
                Files.createDirectories(abs.getParent());
            }
            return OutputFiles.check(abs, data);
        } catch (InvalidValueException e) {
            throw Inputs.bad(InputError.of("file", Inputs.shownOrNull(file.toString()), e.getMessage()));
        }
    }

    private void writeCsv(Writer w, Draws.DrawJson d, Map<String, String> names, Map<String, String> results)
            throws IOException {
        w.write('\uFEFF');
        CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT);
        p.printRecord(HEADER.toArray());
        int i = 0;
        for (Draws.TargetJson t : d.targets()) {
            p.printRecord(++i, kindLabel(t), cell(t.code()), cell(names.get(t.code())), cell(t.countyCode()),
                    cell(bureau.countyName(t.countyCode())), cell(t.stratum()), cell(team(t)),
                    cell(results.getOrDefault(t.code(), NOT_CHECKED)));
        }
        p.printRecord();
        p.printRecord("抽取编号", d.id(), "年度", d.year(), "种子", d.seed(), "总体哈希", cell(d.populationHash()),
                "算法", cell(d.algorithm()));
        p.flush();
    }

    /**
     * The list as a workbook: the targets alone on the first sheet (header in row 1), the draw's provenance (id,
     * year, seed, population hash, algorithm) on a second, where the CSV has it below the list. The seed is text:
     * a 64-bit number does not survive a spreadsheet's doubles.
     */
    private List<TableFiles.Sheet> sheets(Draws.DrawJson d, Map<String, String> names, Map<String, String> results) {
        List<List<?>> rows = new ArrayList<>();
        int i = 0;
        for (Draws.TargetJson t : d.targets()) {
            rows.add(Arrays.asList(++i, kindLabel(t), t.code(), names.get(t.code()), t.countyCode(),
                    bureau.countyName(t.countyCode()), t.stratum(), team(t), results.getOrDefault(t.code(),
                            NOT_CHECKED)));
        }
        return List.of(new TableFiles.Sheet("双随机抽取名单 " + d.year(), HEADER, rows),
                new TableFiles.Sheet("抽取信息", List.of("抽取编号", "年度", "种子", "总体哈希", "算法"),
                        List.of(Arrays.asList(d.id(), d.year(), Long.toString(d.seed()), d.populationHash(),
                                d.algorithm()))));
    }

    /** A text cell as a spreadsheet may open it safely (numbers are printed as numbers, untouched). */
    private static String cell(String s) {
        return Cells.neutralise(s);
    }

    /**
     * The results published with the list (一公开): per target its checks, each with date and verdict (合格, or the
     * failed checklist items), and the cases filed on them.
     */
    private Map<String, String> results(long drawId) throws Exception {
        Map<String, String> out = new HashMap<>();
        List<CheckTable.Result> rows;
        try (Connection c = schema.store().connection()) {
            rows = CheckTable.results(c, drawId);
        }
        for (CheckTable.Result r : rows) {
            StringBuilder sb = new StringBuilder();
            sb.append(r.date()).append(' ');
            if (r.failedItems().isEmpty()) {
                sb.append("合格");
            } else {
                sb.append("不合格：");
                String sep = "";
                for (String f : r.failedItems().split(",")) {
                    sb.append(sep).append(Cases.CHECKLIST.getOrDefault(f, f));
                    sep = "；";
                }
            }
            if (r.violation() != null) {
                sb.append("；已立案（").append(Cases.VIOLATIONS.getOrDefault(r.violation(), r.violation())).append("）");
            }
            out.merge(r.targetCode(), sb.toString(), (a, b) -> a + " / " + b);
        }
        return out;
    }

    private static String kindLabel(Draws.TargetJson t) {
        return switch (t.stratum()) {
            case "above" -> "四上单位";
            case "below" -> "四下单位";
            default -> "乡镇";
        };
    }

    private static String team(Draws.TargetJson t) {
        StringBuilder sb = new StringBuilder();
        for (Draws.InspectorJson i : t.inspectors()) {
            sb.append(sb.length() == 0 ? "" : "、").append(i.name()).append("（").append(i.certificateNo())
                    .append("）");
        }
        return sb.toString();
    }

    private void writeHtml(Writer w, Draws.DrawJson d, Map<String, String> names, Map<String, String> results)
            throws IOException {
        w.write("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>" + d.year()
                + " 年统计“双随机”抽查结果公示</title>\n<style>table{border-collapse:collapse}td,th{border:1px solid #999;"
                + "padding:2px 6px}</style></head><body>\n");
        w.write("<h1>" + d.year() + " 年统计“双随机”抽查对象及执法人员名单</h1>\n");
        w.write("<p>抽取编号 " + d.id() + "，抽取日期 " + esc(d.drawnOn()) + "，随机种子 " + d.seed() + "，总体哈希 <code>"
                + esc(d.populationHash()) + "</code>，算法 " + esc(d.algorithm()) + "。凭以上信息可复核抽取结果。</p>\n");
        w.write("<table><tr><th>序号</th><th>对象类型</th><th>代码</th><th>名称</th><th>县区</th><th>执法人员</th>"
                + "<th>检查结果</th></tr>\n");
        int i = 0;
        for (Draws.TargetJson t : d.targets()) {
            w.write("<tr><td>" + (++i) + "</td><td>" + kindLabel(t) + "</td><td>" + esc(t.code()) + "</td><td>"
                    + esc(names.get(t.code())) + "</td><td>" + esc(bureau.countyName(t.countyCode())) + "</td><td>"
                    + esc(team(t)) + "</td><td>" + esc(results.getOrDefault(t.code(), NOT_CHECKED)) + "</td></tr>\n");
        }
        w.write("</table></body></html>\n");
    }

    /** Text as HTML shows it and never runs it: the five characters that matter in text and attributes escaped. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
