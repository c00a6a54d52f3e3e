package org.statdesk.records.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.statdesk.api.input.Columns;
import org.statdesk.api.input.Inputs;
import org.statdesk.api.input.TableFiles;

/**
 * Reads a records file: a CSV (UTF-8 with or without BOM, else GBK as Chinese Excel saves it, never decoded with
 * replacement characters) or a workbook's first sheet through {@link TableFiles}. The header is matched with
 * {@link Columns#match}; each data row is handed on with its line (header = line 1; a sheet's row number) and its
 * cells by field code, money already scaled into 千元.
 */
final class RecordFile {
    /** What is done with each data row; {@code cells[i]} is the value of {@code fields.get(i)}, null when absent. */
    @FunctionalInterface
    interface Rows {
        void row(int line, String[] cells);
    }

    private RecordFile() {
    }

    /** Reads {@code file} as a file of {@code source}; returns the data rows read. Errors go to {@code errors}. */
    static int read(Path file, Source source, TableFiles tables, Errors errors, Rows rows) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(8);
        }
        TableFiles.Kind kind = TableFiles.kind(head);
        if (kind.workbook()) {
            return sheet(file, source, tables, errors, rows);
        }
        if (kind == TableFiles.Kind.JSON) {
            errors.add(1, null, null, "文件是 JSON：记录只能以 CSV 或 Excel 工作簿导入");
            return 0;
        }
        return csv(Files.readAllBytes(file), source, errors, rows);
    }

    /** How the file's columns map to the source's fields. */
    private record Layout(Columns.Column[] columns, int width) {
        String[] cells(List<String> row) {
            String[] out = new String[columns.length];
            for (int i = 0; i < columns.length; i++) {
                Columns.Column c = columns[i];
                out[i] = c == null ? null : c.value(c.index() < row.size() ? row.get(c.index()).strip() : "");
            }
            return out;
        }
    }

    /** The layout of a header row, or null with the header's errors on {@code line}. */
    static Layout header(List<String> cells, int line, Source source, Errors errors) {
        Columns.Header h = Columns.match(cells, source.fields);
        for (String code : h.unknownCodes()) {
            // a misspelt English code would otherwise drop its column unseen
            errors.add(line, code, code, "未知的列；" + source.code + " 的列：" + String.join(",",
                    source.fields.stream().map(Columns.Field::code).toList()));
        }
        for (Columns.Problem p : h.problems()) {
            errors.add(line, p.field(), p.header(), p.message());
        }
        for (Columns.Field f : source.fields) {
            if (source.required().contains(f.code()) && !h.has(f.code())) {
                errors.add(line, f.code(), null, Columns.missing("缺少列 " + f.code() + "（" + f.title() + "）", f,
                        cells));
            }
        }
        if (!errors.isEmpty()) {
            return null;
        }
        Columns.Column[] columns = new Columns.Column[source.fields.size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = h.columns().get(source.fields.get(i).code());
        }
        return new Layout(columns, cells.size());
    }

    private static int sheet(Path file, Source source, TableFiles tables, Errors errors, Rows rows)
            throws IOException {
        Layout[] layout = {null};
        boolean[] headerSeen = {false};
        int[] count = {0};
        tables.read(file, null, row -> {
            if (!headerSeen[0]) {
                // a title row above the header is passed over: the header is the first row of two cells or more
                if (row.cells().stream().filter(c -> !c.isBlank()).count() >= 2) {
                    headerSeen[0] = true;
                    layout[0] = header(row.cells(), row.number(), source, errors);
                }
                return;
            }
            if (layout[0] == null) {
                return;
            }
            count[0]++;
            List<String> cells = row.cells();
            for (int i = layout[0].width(); i < cells.size(); i++) {
                if (!cells.get(i).isBlank()) {
                    errors.add(row.number(), null, String.join(",", cells), "多出单元格：表头有 "
                            + layout[0].width() + " 列，这一行第 " + TableFiles.columnLetter(i) + " 列还有内容");
                    return;
                }
            }
            rows.row(row.number(), layout[0].cells(cells));
        });
        if (!headerSeen[0]) {
            errors.add(1, null, null, "工作表为空：没有表头");
        }
        return count[0];
    }

    private static int csv(byte[] bytes, Source source, Errors errors, Rows rows) throws IOException {
        String text = decode(bytes);
        if (text == null) {
            errors.add(1, null, null, "文件既不是 UTF-8 也不是 GBK 编码，无法读取");
            return 0;
        }
        int[] newlines = newlines(text);
        int count = 0;
        Layout layout = null;
        try (CSVParser p = CSVParser.parse(new StringReader(text), CSVFormat.DEFAULT.builder().setTrim(true).get())) {
            for (CSVRecord r : p) {
                int line = lineOf(newlines, text, r.getCharacterPosition());
                List<String> cells = r.toList();
                if (layout == null) {
                    layout = header(cells, line, source, errors);
                    if (layout == null) {
                        return 0;
                    }
                    continue;
                }
                count++;
                if (cells.size() != layout.width()) {
                    errors.add(line, null, String.join(",", cells), "列数不符：表头有 " + layout.width()
                            + " 列，这一行有 " + cells.size() + " 列");
                    continue;
                }
                rows.row(line, layout.cells(cells));
            }
        } catch (java.io.UncheckedIOException | IllegalStateException e) {
            // commons-csv reports a broken quote as an exception naming the position
            errors.add(0, null, null, "CSV 格式错误：" + Inputs.shown(e.getMessage()));
            return count;
        }
        if (layout == null) {
            errors.add(1, null, null, "文件为空：没有表头");
        }
        return count;
    }

    /** UTF-8 (a BOM, or valid UTF-8), else GBK (GB18030, its superset); null when neither decodes cleanly. */
    static String decode(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            return strictly(StandardCharsets.UTF_8, bytes, 3);
        }
        String utf8 = strictly(StandardCharsets.UTF_8, bytes, 0);
        return utf8 != null ? utf8 : strictly(Charset.forName("GB18030"), bytes, 0);
    }

    private static String strictly(Charset cs, byte[] b, int from) {
        try {
            return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, from, b.length - from))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static int[] newlines(String text) {
        int[] pos = new int[64];
        int n = 0;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            if (n == pos.length) {
                pos = Arrays.copyOf(pos, n * 2);
            }
            pos[n++] = i;
        }
        return Arrays.copyOf(pos, n);
    }

    /** The line a record starts on: the parser's position is before any blank lines it skipped. */
    private static int lineOf(int[] newlines, String text, long start) {
        int position = (int) start;
        while (position < text.length() && (text.charAt(position) == '\n' || text.charAt(position) == '\r')) {
            position++;
        }
        int i = Arrays.binarySearch(newlines, position);
        return (i >= 0 ? i : -i - 1) + 1;
    }
}
