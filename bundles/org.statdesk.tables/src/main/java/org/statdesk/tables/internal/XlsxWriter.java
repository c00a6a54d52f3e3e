package org.statdesk.tables.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFCell;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.statdesk.api.input.Cells;
import org.statdesk.api.input.TableFiles;

/**
 * A list written as {@code .xlsx} with POI's streaming writer (100 rows in memory, the rest in a compressed temporary
 * file): the header alone in row 1, bold and frozen; numbers as numbers, dates as dates, text neutralised as in CSV;
 * each column as wide as its widest cell (CJK characters count twice), at most 60 characters.
 */
final class XlsxWriter {
    private static final int WINDOW = 100;
    private static final int MAX_WIDTH = 60;

    private XlsxWriter() {
    }

    static void write(OutputStream out, List<TableFiles.Sheet> lists) throws IOException {
        SXSSFWorkbook wb = new SXSSFWorkbook(WINDOW);
        wb.setCompressTempFiles(true);
        try {
            Font bold = wb.createFont();
            bold.setBold(true);
            CellStyle head = wb.createCellStyle();
            head.setFont(bold);
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle dateTime = wb.createCellStyle();
            dateTime.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
            for (TableFiles.Sheet list : lists) {
                String name = WorkbookUtil.createSafeSheetName(list.name() == null || list.name().isBlank()
                        ? "Sheet" + (wb.getNumberOfSheets() + 1) : list.name());
                sheet(wb.createSheet(name), list, head, date, dateTime);
            }
            wb.write(out);
        } finally {
            wb.close(); // also deletes the temporary files
        }
    }

    private static void sheet(SXSSFSheet sheet, TableFiles.Sheet list, CellStyle head, CellStyle date,
            CellStyle dateTime) {
        int[] width = new int[list.header().size()];
        SXSSFRow h = sheet.createRow(0);
        for (int c = 0; c < list.header().size(); c++) {
            SXSSFCell cell = h.createCell(c);
            cell.setCellValue(list.header().get(c));
            cell.setCellStyle(head);
            width[c] = width(list.header().get(c));
        }
        sheet.createFreezePane(0, 1);
        int r = 1;
        for (List<?> row : list.rows()) {
            SXSSFRow x = sheet.createRow(r++);
            for (int c = 0; c < row.size(); c++) {
                Object v = row.get(c);
                if (v == null) {
                    continue;
                }
                SXSSFCell cell = x.createCell(c);
                String shown;
                if (v instanceof Number n) {
                    double d = n instanceof BigDecimal b ? b.doubleValue() : n.doubleValue();
                    cell.setCellValue(d);
                    shown = org.apache.poi.ss.util.NumberToTextConverter.toText(d);
                } else if (v instanceof LocalDate d) {
                    cell.setCellValue(d);
                    cell.setCellStyle(date);
                    shown = "2000-00-00";
                } else if (v instanceof LocalDateTime d) {
                    cell.setCellValue(d);
                    cell.setCellStyle(dateTime);
                    shown = "2000-00-00 00:00:00";
                } else if (v instanceof Boolean b) {
                    cell.setCellValue(b);
                    shown = "FALSE";
                } else {
                    shown = Cells.neutralise(v.toString());
                    cell.setCellValue(shown);
                }
                if (c < width.length) {
                    width[c] = Math.max(width[c], width(shown));
                }
            }
        }
        for (int c = 0; c < width.length; c++) {
            sheet.setColumnWidth(c, Math.min(MAX_WIDTH, width[c] + 2) * 256);
        }
    }

    /** Display width in character cells: a CJK or full-width character is two. */
    static int width(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            w += ch >= 0x1100 && (ch <= 0x115F || (ch >= 0x2E80 && ch <= 0xA4CF) || (ch >= 0xAC00 && ch <= 0xD7A3)
                    || (ch >= 0xF900 && ch <= 0xFAFF) || (ch >= 0xFE30 && ch <= 0xFE4F)
                    || (ch >= 0xFF00 && ch <= 0xFF60) || (ch >= 0xFFE0 && ch <= 0xFFE6)) ? 2 : 1;
        }
        return w;
    }
}
