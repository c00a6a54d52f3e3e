package org.statdesk.enforcement.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.statdesk.api.command.BadInputException;
import org.statdesk.api.command.InputError;

/** Parsing of typed and imported values with clear, field-naming errors. */
final class Inputs {
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})Q([1-4])");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private Inputs() {
    }

    /** A date {@code YYYY-MM-DD}, or null with an error added. */
    static LocalDate date(String field, String text, int line, List<InputError> errors) {
        if (text == null || !ISO_DATE.matcher(text.strip()).matches()) {
            errors.add(new InputError(line, field, text, "日期应为 YYYY-MM-DD 格式"));
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.add(new InputError(line, field, text, "不存在的日期"));
            return null;
        }
    }

    /** A date option, or bad input. */
    static LocalDate date(String field, String text) {
        List<InputError> errors = new ArrayList<>();
        LocalDate d = date(field, text, 0, errors);
        fail(errors);
        return d;
    }

    /** A quarter {@code YYYYQn}: its year and number. */
    static int[] quarter(String text) {
        var m = text == null ? null : QUARTER.matcher(text.strip().toUpperCase(Locale.ROOT));
        if (m == null || !m.matches()) {
            throw new BadInputException("季度应为 YYYYQn 格式（如 2021Q2）",
                    List.of(InputError.of("quarter", text, "季度应为 YYYYQn 格式（如 2021Q2），n 为 1-4")));
        }
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
    }

    static String quarterOf(LocalDate d) {
        return d.getYear() + "Q" + ((d.getMonthValue() - 1) / 3 + 1);
    }

    static int year(String text) {
        try {
            int y = Integer.parseInt(text.strip());
            if (y >= 2000 && y <= 2100) {
                return y;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw Inputs.bad(InputError.of("year", text, "年份应为 2000-2100 之间的四位数"));
    }

    static long id(String what, String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new BadInputException(what, List.of(InputError.of(what, text, "编号应为整数")));
        }
    }

    static String required(String field, String text) {
        if (text == null || text.isBlank()) {
            throw bad(InputError.of(field, text, "不能为空"));
        }
        return text.strip();
    }

    /** Bad input with one error; the message is the error itself, so text output names field and value too. */
    static BadInputException bad(InputError error) {
        return new BadInputException(error.toString(), List.of(error));
    }

    static void fail(List<InputError> errors) {
        if (!errors.isEmpty()) {
            throw new BadInputException(errors.get(0).toString(), errors);
        }
    }

    /**
     * Reads a CSV file: UTF-8 with or without BOM, or GBK as Chinese Excel saves it; header row, column order free.
     * Returns the rows as maps keyed by lower-case column name, each with its line number under {@code "#line"}.
     */
    static List<Map<String, String>> csv(Path file, List<String> requiredColumns) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw bad(InputError.of("file", file.toString(), "文件不存在"));
        }
        String text = decode(bytes);
        List<Map<String, String>> rows = new ArrayList<>();
        try (Reader r = new StringReader(text);
                CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                        .setIgnoreEmptyLines(true).get().parse(r)) {
            Map<String, String> columns = new HashMap<>();
            for (String h : p.getHeaderNames()) {
                columns.put(h.strip().toLowerCase(Locale.ROOT), h);
            }
            List<InputError> errors = new ArrayList<>();
            for (String c : requiredColumns) {
                if (!columns.containsKey(c)) {
                    errors.add(new InputError(1, c, null, "缺少列 " + c));
                }
            }
            fail(errors);
            for (CSVRecord rec : p) {
                Map<String, String> row = new HashMap<>();
                for (Map.Entry<String, String> c : columns.entrySet()) {
                    row.put(c.getKey(), rec.isSet(c.getValue()) ? rec.get(c.getValue()) : "");
                }
                row.put("#line", String.valueOf(lineOf(rec)));
                rows.add(row);
            }
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            throw new BadInputException("CSV 格式错误：" + e.getMessage());
        }
        return rows;
    }

    private static long lineOf(CSVRecord rec) {
        // record numbers count data records from 1; with single-line records line = record number + 1
        return rec.getRecordNumber() + 1;
    }

    static String decode(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("GBK"));
        }
    }
}
