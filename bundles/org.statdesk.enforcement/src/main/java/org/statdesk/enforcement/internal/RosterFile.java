package org.statdesk.enforcement.internal;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.statdesk.api.input.Columns;
import org.statdesk.api.input.TableFiles;

/**
 * Reads a roster file: a workbook's sheet, or a CSV read strictly: UTF-8 (with or without BOM) or GBK as Chinese Excel saves it, decoded with errors
 * reported rather than replaced, so that no garbled name is stored; a header naming each column once, every row with
 * as many cells as the header. Rows are handed on one by one with their line number (header = line 1).
 */
final class RosterFile {
    /** The roster's columns and the headers a bureau's own list may give them. */
    static final List<Columns.Field> FIELDS = List.of(new Columns.Field("name", null, List.of("姓名")),
            new Columns.Field("certificate_no", null, List.of("执法证号", "执法证编号", "执法证件号", "证件编号")),
            new Columns.Field("certificate_date", null, List.of("发证日期", "取证日期")),
            new Columns.Field("county_code", null, List.of("县区代码", "区县代码", "县级区划代码")),
            new Columns.Field("specialty", null, List.of("专业")),
            new Columns.Field("exam_required", null, List.of("需参加考试", "是否需考试")));
    static final List<String> REQUIRED = List.of("name", "certificate_no", "certificate_date", "county_code",
            "specialty");
    static final List<String> OPTIONAL = List.of("exam_required");
    private static final Charset GBK = Charset.forName("GBK");

    /** What is done with each data row. */
    @FunctionalInterface
    interface RowHandler {
        void row(int line, Map<String, String> values);
    }

    private RosterFile() {
    }

    /**
     * Reads {@code bytes}, handing each data row to {@code handler}; returns how many data rows there were. The
     * columns read as no field are added to {@code ignored}.
     */
    static int read(byte[] bytes, Errors errors, RowHandler handler, List<String> ignored) throws IOException {
        String text = decode(bytes, errors);
        if (text == null) {
            return 0;
        }
        LineIndex lines = new LineIndex(text);
        String[] header = null;
        int rows = 0;
        try (CSVParser p = CSVParser.parse(new StringReader(text), CSVFormat.DEFAULT.builder().setTrim(true).get())) {
            for (CSVRecord r : p) {
                int line = lines.of(text, r.getCharacterPosition());
                if (header == null) {
                    header = header(r.toList(), 1, errors, ignored);
                    if (!errors.isEmpty()) {
                        return 0;
                    }
                    continue;
                }
                rows++;
                if (r.size() != header.length) {
                    String missing = r.size() < header.length ? header[r.size()] : null;
                    errors.add(line, missing, String.join(",", r.toList()), r.size() < header.length
                            ? "缺少单元格：表头有 " + header.length + " 列，这一行只有 " + r.size() + " 列"
                            : "多出单元格：表头有 " + header.length + " 列，这一行有 " + r.size() + " 列");
                    continue;
                }
                handler.row(line, values(header, r.toList()));
            }
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            // commons-csv reports a broken quote by an exception naming the position
            errors.add(0, null, null, "CSV 格式错误：" + org.statdesk.api.input.Inputs.shown(e.getMessage()));
            return rows;
        }
        if (header == null) {
            errors.add(1, null, null, "文件为空：没有表头，也没有执法人员");
        }
        return rows;
    }

    /**
     * The field of each column (null: ignored); missing and repeated fields, units and unknown English codes are
     * errors on {@code line} (a misspelt code would drop a field unseen), other columns are added to {@code ignored}.
     */
    private static String[] header(List<String> cells, int line, Errors errors, List<String> ignored) {
        Columns.Header h = Columns.match(cells, FIELDS);
        for (String code : h.unknownCodes()) {
            errors.add(line, code, code, "未知的列；可用的列：" + String.join(",", REQUIRED) + "," + OPTIONAL.get(0));
        }
        for (Columns.Problem p : h.problems()) {
            errors.add(line, p.field(), p.header(), p.message().startsWith("列重复") ? "列重复：每列只能出现一次"
                    : p.message());
        }
        for (Columns.Field f : FIELDS) {
            if (REQUIRED.contains(f.code()) && !h.has(f.code())) {
                errors.add(line, f.code(), null, Columns.missing("缺少列 " + f.code(), f, cells));
            }
        }
        ignored.addAll(h.ignored());
        String[] fields = new String[cells.size()];
        h.columns().values().forEach(c -> fields[c.index()] = c.field().code());
        return fields;
    }

    private static Map<String, String> values(String[] header, List<String> cells) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
            if (header[i] != null) {
                values.put(header[i], i < cells.size() ? cells.get(i) : "");
            }
        }
        return values;
    }

    /**
     * Reads a workbook's sheet as a roster: the header is its first row of two cells or more, a row's line its row
     * number; cells past the header's must be blank.
     */
    static int readSheet(TableFiles tables, Path file, String sheet, Errors errors, RowHandler handler,
            List<String> ignored) throws IOException {
        String[][] header = {null};
        int[] rows = {0};
        tables.read(file, sheet, row -> {
            List<String> cells = row.cells();
            if (header[0] == null) {
                if (errors.isEmpty() && cells.stream().filter(c -> !c.isBlank()).count() >= 2) {
                    header[0] = header(cells, row.number(), errors, ignored);
                }
                return;
            }
            if (!errors.isEmpty() && rows[0] == 0) {
                return; // the header was wrong
            }
            rows[0]++;
            for (int i = header[0].length; i < cells.size(); i++) {
                if (!cells.get(i).isBlank()) {
                    errors.add(row.number(), null, String.join(",", cells), "多出单元格：表头有 " + header[0].length
                            + " 列，这一行第 " + TableFiles.columnLetter(i) + " 列还有内容");
                    return;
                }
            }
            handler.row(row.number(), values(header[0], cells));
        });
        if (header[0] == null && errors.isEmpty()) {
            errors.add(1, null, null, "工作表为空：没有表头，也没有执法人员");
        }
        return rows[0];
    }

    /**
     * The text of the file, or null with errors naming the lines that are in no encoding, or in another encoding
     * than the rest (a GBK file with lines pasted from a UTF-8 one).
     */
    static String decode(byte[] bytes, Errors errors) {
        boolean bom = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF;
        int from = bom ? 3 : 0;
        String utf8 = strictly(StandardCharsets.UTF_8, bytes, from, bytes.length);
        if (utf8 != null) {
            return utf8;
        }
        // line by line: '\n' never occurs inside a UTF-8 or GBK character, so lines can be judged apart
        int line = 1;
        int start = from;
        for (int i = from; i <= bytes.length; i++) {
            if (i < bytes.length && bytes[i] != '\n') {
                continue;
            }
            boolean isUtf8 = strictly(StandardCharsets.UTF_8, bytes, start, i) != null;
            if (bom && !isUtf8) {
                errors.add(line, null, null, "文件以 UTF-8 标记（BOM）开头，这一行却不是 UTF-8 编码");
            } else if (!bom && isUtf8 && hasMultiByteCharacter(bytes, start, i)) {
                errors.add(line, null, null, "这一行是 UTF-8 编码，文件的其他行却不是：请将整个文件以同一种编码"
                        + "（UTF-8 或 GBK）保存");
            } else if (!bom && !isUtf8 && strictly(GBK, bytes, start, i) == null) {
                errors.add(line, null, null, "这一行既不是 UTF-8 也不是 GBK 编码，无法读取");
            }
            line++;
            start = i + 1;
        }
        if (!errors.isEmpty()) {
            return null;
        }
        return strictly(GBK, bytes, from, bytes.length);
    }

    /** Whether a valid UTF-8 line holds a character of three or more bytes (as every Chinese character is). */
    private static boolean hasMultiByteCharacter(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if ((b[i] & 0xff) >= 0xE0) {
                return true;
            }
        }
        return false;
    }

    private static String strictly(Charset cs, byte[] b, int from, int to) {
        try {
            return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, from, to - from))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Line numbers of character positions, for records that span lines or follow blank ones. */
    private static final class LineIndex {
        private final List<Integer> breaks = new ArrayList<>();

        LineIndex(String text) {
            for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
                breaks.add(i);
            }
        }

        /** The line a record starts on; the parser's position is before any blank lines it skipped. */
        int of(String text, long start) {
            int position = (int) start;
            while (position < text.length() && (text.charAt(position) == '\n' || text.charAt(position) == '\r')) {
                position++;
            }
            int lo = 0;
            int hi = breaks.size();
            while (lo < hi) { // how many line breaks come before the position
                int mid = (lo + hi) >>> 1;
                if (breaks.get(mid) < position) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo + 1;
        }
    }
}
