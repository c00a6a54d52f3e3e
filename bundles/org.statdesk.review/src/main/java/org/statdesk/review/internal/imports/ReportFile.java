package org.statdesk.review.internal.imports;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.statdesk.api.command.InputError;
import org.statdesk.api.input.Inputs;
import org.statdesk.api.input.TableFiles;
import org.statdesk.review.internal.FormSpec;

/**
 * Reads a monthly report file into values with their line numbers: CSV in the long form
 * ({@code credit_code,period,indicator,value}) or the wide form (indicator codes as columns), UTF-8 with or without
 * BOM or GBK, the header in codes or in Chinese ({@link ReportRows}); a workbook's sheet; or JSON, an array of objects
 * with the same fields. An optional {@code reported_on} (YYYY-MM-DD) says
 * when the unit reported, for the timeliness rate. For JSON the "line" is the line of the file where the object starts.
 */
public final class ReportFile {
    /** One reported figure as read: the value is still text so that a bad number is reported with its line. */
    public record Value(int line, String creditCode, String period, String indicator, String value,
            String reportedOn) {
        /** This value with its period as normalised ({@code 2024年6月} read as {@code 2024-06}). */
        Value withPeriod(String p) {
            return p == null || p.equals(period) ? this : new Value(line, creditCode, p, indicator, value, reportedOn);
        }
    }

    /** A file's values and the columns it has that name nothing known (序号, 单位名称, 备注 ...). */
    public record Read(List<Value> values, List<String> ignoredColumns) {
    }

    private static final List<String> KEYS = List.of("credit_code", "period", "reported_on");
    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[a-z][a-z0-9_]*");

    private ReportFile() {
    }

    /** Reads a CSV or JSON report file; {@code forms} give the Chinese headers a CSV may have instead of codes. */
    public static Read read(byte[] bytes, List<FormSpec> forms, ErrorList errors) throws IOException {
        String text = decode(bytes);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        String trimmed = text.stripLeading();
        if (trimmed.startsWith("[")) {
            return new Read(json(trimmed, errors), List.of());
        }
        return csv(text, forms, errors);
    }

    /** Reads a workbook's sheet; its header is the first row of two cells or more (a title row above is passed over). */
    public static Read sheet(TableFiles tables, Path file, String sheet, List<FormSpec> forms, ErrorList errors)
            throws IOException {
        ReportRows rows = new ReportRows(forms, errors);
        boolean[] refused = {false};
        tables.read(file, sheet, row -> {
            if (refused[0]) {
                return;
            }
            if (!rows.headerRead()) {
                if (row.cells().stream().filter(c -> !c.isBlank()).count() >= 2) {
                    refused[0] = !rows.header(row.number(), row.cells());
                }
                return;
            }
            rows.row(row.number(), row.cells());
        });
        if (!rows.headerRead()) {
            errors.add(new InputError(1, null, null, "工作表为空：没有表头"));
        }
        return new Read(rows.values(), rows.ignored());
    }

    /** UTF-8 when the bytes are valid UTF-8, else GBK (what Chinese Excel writes). */
    static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("GBK"));
        }
    }

    private static Read csv(String text, List<FormSpec> forms, ErrorList errors) throws IOException {
        if (text.indexOf('"') < 0) {
            List<Value> fast = plainCsv(text, errors);
            if (fast != null) {
                return new Read(fast, List.of());
            }
        }
        List<Value> out = new ArrayList<>();
        CSVFormat fmt = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), fmt)) {
            List<String> header = parser.getHeaderNames();
            if (!header.stream().allMatch(h -> CODE.matcher(h).matches())) {
                return named(parser, header, forms, errors);
            }
            for (String need : List.of("credit_code", "period")) {
                if (!header.contains(need)) {
                    errors.add(new InputError(1, need, null, "缺少列 " + need));
                }
            }
            boolean longForm = header.contains("indicator") || header.contains("value");
            if (longForm && !(header.contains("indicator") && header.contains("value"))) {
                errors.add(new InputError(1, "indicator", null, "长表需要 indicator 和 value 两列"));
            }
            if (!errors.isEmpty()) {
                return new Read(out, List.of());
            }
            boolean hasDate = header.contains("reported_on");
            List<String> indicators = header.stream().filter(h -> !KEYS.contains(h) && !h.isBlank()).toList();
            for (CSVRecord r : parser) {
                int line = (int) r.getRecordNumber() + 1; // the header is line 1
                if (!r.isConsistent()) {
                    errors.add(new InputError(line, null, null, "列数与表头不符"));
                    continue;
                }
                String code = r.get("credit_code");
                String period = r.get("period");
                String date = hasDate ? r.get("reported_on") : null;
                if (longForm) {
                    out.add(new Value(line, code, period, r.get("indicator"), r.get("value"), date));
                } else {
                    for (String ind : indicators) {
                        String v = r.get(ind);
                        if (!v.isEmpty()) {
                            out.add(new Value(line, code, period, ind, v, date));
                        }
                    }
                }
            }
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            errors.add(new InputError(0, null, null, "CSV 无法读取: " + e.getMessage()));
        }
        return new Read(out, List.of());
    }

    /** A CSV whose header names columns in Chinese (or has columns besides codes): read as a sheet is. */
    private static Read named(CSVParser parser, List<String> header, List<FormSpec> forms, ErrorList errors) {
        ReportRows rows = new ReportRows(forms, errors);
        if (rows.header(1, header)) {
            for (CSVRecord r : parser) {
                rows.row((int) r.getRecordNumber() + 1, r.toList());
            }
        }
        return new Read(rows.values(), rows.ignored());
    }

    /**
     * A CSV without any quote (what the collection system and Excel write for codes and numbers) split by hand: the
     * general parser costs about a second on a province month. Same reading as the parser (fields trimmed, empty
     * lines skipped and not counted, a record's line is its number + 1); null when the header is one the parser
     * should judge (blank or repeated names, missing key columns), so that its errors stay the same.
     */
    private static List<Value> plainCsv(String text, ErrorList errors) {
        int n = text.length();
        int pos = 0;
        List<String> header = null;
        int iCode = -1, iPeriod = -1, iDate = -1, iInd = -1, iVal = -1;
        boolean longForm = false;
        int[] wide = null;
        List<Value> out = new ArrayList<>();
        int record = 0;
        List<String> f = new ArrayList<>();
        while (pos < n) {
            int end = pos;
            while (end < n && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            int next = end < n && text.charAt(end) == '\r' && end + 1 < n && text.charAt(end + 1) == '\n' ? end + 2
                    : end + 1;
            if (end == pos) {
                pos = next; // an empty line: skipped, as the parser does
                continue;
            }
            f.clear();
            for (int a = pos;;) {
                int c = text.indexOf(',', a);
                if (c < 0 || c > end) {
                    f.add(text.substring(a, end).trim());
                    break;
                }
                f.add(text.substring(a, c).trim());
                a = c + 1;
            }
            pos = next;
            if (header == null) {
                header = List.copyOf(f);
                if (!header.stream().allMatch(h -> CODE.matcher(h).matches())
                        || header.stream().anyMatch(String::isBlank) || header.stream().distinct().count() != header.size()
                        || !header.contains("credit_code") || !header.contains("period")) {
                    return null;
                }
                longForm = header.contains("indicator") || header.contains("value");
                if (longForm && !(header.contains("indicator") && header.contains("value"))) {
                    return null;
                }
                iCode = header.indexOf("credit_code");
                iPeriod = header.indexOf("period");
                iDate = header.indexOf("reported_on");
                iInd = header.indexOf("indicator");
                iVal = header.indexOf("value");
                List<String> h = header;
                wide = java.util.stream.IntStream.range(0, h.size()).filter(i -> !KEYS.contains(h.get(i))).toArray();
                continue;
            }
            int line = ++record + 1; // the header is line 1
            if (f.size() != header.size()) {
                errors.add(new InputError(line, null, null, "列数与表头不符"));
                continue;
            }
            String code = f.get(iCode);
            String period = f.get(iPeriod);
            String date = iDate >= 0 ? f.get(iDate) : null;
            if (longForm) {
                out.add(new Value(line, code, period, f.get(iInd), f.get(iVal), date));
            } else {
                for (int i : wide) {
                    String v = f.get(i);
                    if (!v.isEmpty()) {
                        out.add(new Value(line, code, period, header.get(i), v, date));
                    }
                }
            }
        }
        return header == null ? null : out;
    }

    /**
     * A JSON array of objects; an object's "line" is the line of the file where it starts. A key twice in one object
     * and anything after the array are refused: either would make the file say two things.
     */
    private static List<Value> json(String text, ErrorList errors) throws IOException {
        List<Value> out = new ArrayList<>();
        ObjectMapper mapper = new ObjectMapper();
        try (JsonParser jp = mapper.getFactory().createParser(text)) {
            jp.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            if (jp.nextToken() != JsonToken.START_ARRAY) {
                errors.add(new InputError(jp.currentLocation().getLineNr(), null, null, "JSON 应为对象数组"));
                return out;
            }
            while (jp.nextToken() != JsonToken.END_ARRAY) {
                int line = jp.currentTokenLocation().getLineNr();
                JsonNode o = mapper.readTree(jp);
                if (o == null || !o.isObject()) {
                    errors.add(new InputError(line, null, Inputs.shown(String.valueOf(o)), "应为对象"));
                    continue;
                }
                String code = str(o.get("credit_code"));
                String period = str(o.get("period"));
                String date = str(o.get("reported_on"));
                if (o.has("indicator") || o.has("value")) {
                    out.add(new Value(line, code, period, str(o.get("indicator")), str(o.get("value")), date));
                } else {
                    for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext();) {
                        Map.Entry<String, JsonNode> e = it.next();
                        if (!KEYS.contains(e.getKey()) && !e.getValue().isNull()) {
                            out.add(new Value(line, code, period, e.getKey(), str(e.getValue()), date));
                        }
                    }
                }
            }
            if (jp.nextToken() != null) {
                errors.add(new InputError(jp.currentTokenLocation().getLineNr(), null, null,
                        "JSON 数组之后还有内容：文件应只有一个对象数组"));
            }
        } catch (JsonProcessingException e) {
            errors.add(new InputError(e.getLocation() == null ? 0 : e.getLocation().getLineNr(), null, null,
                    "JSON 无法读取: " + Inputs.shown(e.getOriginalMessage())));
        } catch (IOException e) {
            errors.add(new InputError(0, null, null, "JSON 无法读取: " + e.getMessage()));
        }
        return out;
    }

    private static String str(JsonNode n) {
        return n == null || n.isNull() ? "" : n.asText().trim();
    }
}
