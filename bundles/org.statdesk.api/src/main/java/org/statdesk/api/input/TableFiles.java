package org.statdesk.api.input;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Tables in files (表格文件), the one reader and writer of spreadsheets for every import and every list a user sends:
 * {@code .xlsx} read streaming (a province month does not fit a workbook in memory), {@code .xls} (Excel 97-2003),
 * and {@code .xlsx} written streaming. The kind of a file is told by its content, not by its name: a zip holding
 * {@code [Content_Types].xml} is an {@code .xlsx}, an OLE2 compound file an {@code .xls} (or an encrypted workbook),
 * a first non-blank character {@code [} JSON, anything else CSV (which each import reads as before).
 * A workbook that is encrypted, corrupt, or lacks the sheet asked for is refused with a
 * {@link org.statdesk.api.command.BadInputException} (exit 2) that says so.
 */
@ProviderType
public interface TableFiles {
    /** What a file holds, by its first bytes. */
    enum Kind {
        XLSX, XLS, JSON, CSV;

        public boolean workbook() {
            return this == XLSX || this == XLS;
        }
    }

    /** One row of a sheet: its number as Excel shows it (1 = the first row) and its cells as text, left to right. */
    record Row(int number, List<String> cells) {
    }

    /** Receives a sheet's rows in order; blank rows are skipped. */
    @FunctionalInterface
    interface Rows {
        void row(Row row);
    }

    /**
     * A list to write: the sheet's name (a title goes there, never in rows above the header), the header (Chinese,
     * row 1, frozen) and the rows. A cell is a {@link Number} (written as a number), a {@link java.time.LocalDate} or
     * {@link java.time.LocalDateTime} (a date), a {@link Boolean}, null (empty) or anything else as text,
     * neutralised as {@link Cells#neutralise} does for CSV.
     */
    record Sheet(String name, List<String> header, Iterable<? extends List<?>> rows) {
    }

    /** The kind of a file whose first bytes are {@code head} (at least 8 of them when the file has that many). */
    static Kind kind(byte[] head) {
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return Kind.XLSX;
        }
        if (head.length >= 8 && (head[0] & 0xff) == 0xD0 && (head[1] & 0xff) == 0xCF && (head[2] & 0xff) == 0x11
                && (head[3] & 0xff) == 0xE0 && (head[4] & 0xff) == 0xA1 && (head[5] & 0xff) == 0xB1
                && (head[6] & 0xff) == 0x1A && (head[7] & 0xff) == 0xE1) {
            return Kind.XLS;
        }
        int i = head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF
                ? 3 : 0;
        while (i < head.length && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) {
            i++;
        }
        return i < head.length && head[i] == '[' ? Kind.JSON : Kind.CSV;
    }

    /** The column letter Excel shows for a 0-based column index: A, B, ..., Z, AA, AB, ... */
    static String columnLetter(int index) {
        StringBuilder b = new StringBuilder();
        for (int n = index + 1; n > 0; n = (n - 1) / 26) {
            b.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return b.toString();
    }

    /** Whether {@code file} names an {@code .xlsx} output (what a command's {@code --out} chooses). */
    static boolean xlsxName(Path file) {
        return file.getFileName() != null && file.getFileName().toString().toLowerCase(java.util.Locale.ROOT)
                .endsWith(".xlsx");
    }

    /**
     * Reads the sheet {@code sheet} (the first when null) of the workbook {@code file}, handing each non-blank row to
     * {@code rows}. Cells read as text: numbers as plain decimals ({@code 620602001001}, {@code 26500},
     * {@code 4999.5}), date cells as {@code YYYY-MM-DD}, formulas as their cached result.
     */
    void read(Path file, String sheet, Rows rows) throws IOException;

    /**
     * Writes {@code sheets} as one {@code .xlsx} to {@code out}, through a temporary file ({@link OutputFiles#write}):
     * a list's provenance (a draw's seed, a run's date) goes on a sheet of its own, never below the data.
     */
    void write(Path out, List<Sheet> sheets) throws IOException;

    /** Writes one sheet as an {@code .xlsx}. */
    default void write(Path out, Sheet sheet) throws IOException {
        write(out, List.of(sheet));
    }
}
