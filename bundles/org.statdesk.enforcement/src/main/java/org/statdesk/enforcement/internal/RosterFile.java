package org.statdesk.enforcement.internal;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a roster CSV strictly: UTF-8 (with or without BOM) or GBK as Chinese Excel saves it, decoded with errors
 * reported rather than replaced, so that no garbled name is stored; a header naming each column once, every row with
 * as many cells as the header. Rows are handed on one by one with their line number (header = line 1).
 */
final class RosterFile {
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

    /** Reads {@code bytes}, handing each data row to {@code handler}; returns how many data rows there were. */
    static int read(byte[] bytes, Errors errors, RowHandler handler) throws IOException {
        String text = decode(bytes, errors);
        if (text == null) {
            return 0;
        }
        LineIndex lines = new LineIndex(text);
        List<String> header = null;
        int rows = 0;
        try (CSVParser p = CSVParser.parse(new StringReader(text), CSVFormat.DEFAULT.builder().setTrim(true).get())) {
            for (CSVRecord r : p) {
                int line = lines.of(text, r.getCharacterPosition());
                if (header == null) {
                    header = header(r, errors);
                    if (!errors.isEmpty()) {
                        return 0;
                    }
                    continue;
                }
                rows++;
                if (r.size() != header.size()) {
                    String missing = r.size() < header.size() ? header.get(r.size()) : null;
                    errors.add(line, missing, String.join(",", r.toList()), r.size() < header.size()
                            ? "缺少单元格：表头有 " + header.size() + " 列，这一行只有 " + r.size() + " 列"
                            : "多出单元格：表头有 " + header.size() + " 列，这一行有 " + r.size() + " 列");
                    continue;
                }
                Map<String, String> values = new HashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    values.put(header.get(i), r.get(i));
                }
                handler.row(line, values);
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

    /** The header's column names, lower case; unknown, duplicate and missing columns are errors on line 1. */
    private static List<String> header(CSVRecord r, Errors errors) {
        List<String> names = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (String h : r) {
            String name = h.strip().toLowerCase(Locale.ROOT);
            names.add(name);
            if (!REQUIRED.contains(name) && !OPTIONAL.contains(name)) {
                errors.add(1, name, name, "未知的列；可用的列：" + String.join(",", REQUIRED) + "," + OPTIONAL.get(0));
            } else if (seen.merge(name, 1, Integer::sum) == 2) {
                errors.add(1, name, name, "列重复：每列只能出现一次");
            }
        }
        for (String need : REQUIRED) {
            if (!seen.containsKey(need)) {
                errors.add(1, need, null, "缺少列 " + need);
            }
        }
        return names;
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
