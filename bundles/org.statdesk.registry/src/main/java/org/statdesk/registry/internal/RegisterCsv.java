package org.statdesk.registry.internal;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.statdesk.api.command.InputError;
import org.statdesk.api.input.Columns;
import org.statdesk.api.input.Inputs;
import org.statdesk.api.input.TableFiles;

/**
 * Reads a register file: a CSV (encoding detected: UTF-8 with or without BOM, else GBK) or a workbook's sheet; the
 * header by name ({@link RegisterColumns}), line numbers (a sheet's row numbers).
 */
public final class RegisterCsv {

    public static final List<String> REQUIRED = RegisterColumns.REQUIRED.stream().map(Columns.Field::code).toList();
    public static final List<String> OPTIONAL = List.of(RegisterColumns.SCALE.code());

    /** One data record: its line (header = 1) and values by column name. */
    public record Record(int line, Map<String, String> values) {
    }

    /**
     * The file's encoding ({@code xlsx}, {@code xls} for a workbook) and the errors of its header and form (column
     * counts, quotes); null encoding if neither. {@code ignoredColumns}: the columns read as no field (序号, 备注 ...).
     */
    public record Content(String encoding, List<InputError> errors, List<String> ignoredColumns) {
    }

    /** Receives the data records in file order, a chunk at a time, so that a large file is never held as records. */
    @FunctionalInterface
    public interface Chunks {
        void accept(List<Record> records);
    }

    /** Records handed over at a time: enough for parallel validation, few enough to keep memory flat. */
    static final int CHUNK = 8192;

    /**
     * Reads the sheet {@code sheet} (null: the first) of a workbook as a register file: its header is the first row
     * of at least two cells (a title row above it is passed over), a record's line is its row number.
     */
    public static Content readSheet(TableFiles tables, Path file, String sheet, TableFiles.Kind kind, Chunks chunks,
            ErrorList errors) throws IOException {
        RegisterColumns.Layout[] header = new RegisterColumns.Layout[1];
        List<Record> out = new ArrayList<>();
        String encoding = kind.name().toLowerCase(Locale.ROOT);
        tables.read(file, sheet, row -> {
            if (errors.total() > 0 && header[0] == null) {
                return;
            }
            if (header[0] == null) {
                if (row.cells().stream().filter(c -> !c.isBlank()).count() >= 2) {
                    header[0] = RegisterColumns.header(row.cells(), row.number(), errors);
                    if (errors.total() > 0) {
                        header[0] = null;
                    }
                }
                return;
            }
            List<String> cells = header[0].fit(row.cells());
            if (cells == null) {
                errors.add(new InputError(row.number(), null, Inputs.shown(String.join(",", row.cells())),
                        "列数不符：表头有 " + header[0].size() + " 列，这一行有 " + row.cells().size() + " 列"));
                return;
            }
            out.add(new Record(row.number(), header[0].values(cells)));
            if (out.size() == CHUNK) {
                chunks.accept(List.copyOf(out));
                out.clear();
            }
        });
        if (!out.isEmpty()) {
            chunks.accept(out);
        }
        if (header[0] == null && errors.total() == 0) {
            errors.add(new InputError(1, null, null, "工作表为空：没有表头"));
        }
        return new Content(encoding, errors.listed(), header[0] == null ? List.of() : header[0].ignored());
    }

    /** Decodes bytes: a UTF-8 BOM or valid UTF-8 is UTF-8; anything else is read as GBK (GB18030, its superset). */
    static String[] decode(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            return new String[] {"UTF-8", new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8)};
        }
        try {
            return new String[] {"UTF-8", StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString()};
        } catch (CharacterCodingException notUtf8) {
            try {
                return new String[] {"GBK", Charset.forName("GB18030").newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes)).toString()};
            } catch (CharacterCodingException neither) {
                return null;
            }
        }
    }

    /**
     * Reads a register CSV, handing its records to {@code chunks}; returns the encoding and the errors of form. Errors
     * are {@link ErrorList capped}: a file of a million bad lines yields a short list and a count.
     */
    public static Content read(byte[] bytes, Chunks chunks, ErrorList errors) throws IOException {
        String[] decoded = decode(bytes);
        if (decoded == null) {
            errors.add(new InputError(1, null, null, "文件既不是 UTF-8 也不是 GBK 编码，无法读取"));
            return new Content(null, errors.listed(), List.of());
        }
        String text = decoded[1];
        List<String> ignored = List.of();
        int[] newlines = newlines(text);
        List<Record> out = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setTrim(true).get();
        try (CSVParser p = CSVParser.parse(new StringReader(text), format)) {
            RegisterColumns.Layout header = null;
            for (CSVRecord r : p) {
                int line = lineOf(newlines, r.getCharacterPosition());
                if (header == null) {
                    header = RegisterColumns.header(r.toList(), 1, errors);
                    if (errors.total() > 0) {
                        return new Content(decoded[0], errors.listed(), header.ignored());
                    }
                    continue;
                }
                if (r.size() != header.size()) {
                    errors.add(new InputError(line, null, Inputs.shown(String.join(",", r.toList())),
                            "列数不符：表头有 " + header.size() + " 列，这一行有 " + r.size() + " 列"));
                    continue;
                }
                out.add(new Record(line, header.values(r.toList())));
                if (out.size() == CHUNK) {
                    chunks.accept(out);
                    out = new ArrayList<>(CHUNK);
                }
            }
            if (!out.isEmpty()) {
                chunks.accept(out);
            }
            if (header == null) {
                errors.add(new InputError(1, null, null, "文件为空：没有表头"));
            }
            ignored = header == null ? List.of() : header.ignored();
        } catch (java.io.UncheckedIOException | IllegalStateException e) {
            // commons-csv reports a broken quote as an exception carrying the position
            errors.add(new InputError(0, null, null, "CSV 格式错误：" + e.getMessage()));
        }
        return new Content(decoded[0], errors.listed(), ignored);
    }

    private static int[] newlines(String text) {
        int[] pos = new int[64];
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (n == pos.length) {
                    pos = Arrays.copyOf(pos, n * 2);
                }
                pos[n++] = i;
            }
        }
        return Arrays.copyOf(pos, n);
    }

    /** 1-based line of a character position: one more than the newlines before it. */
    private static int lineOf(int[] newlines, long charPos) {
        int i = Arrays.binarySearch(newlines, (int) charPos);
        return (i >= 0 ? i : -i - 1) + 1;
    }
}
