package org.statdesk.tables.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.NumberToTextConverter;
import org.statdesk.api.input.TableFiles;

/**
 * An {@code .xls} (Excel 97-2003, at most 65,536 rows: small enough to read whole) through HSSF. An OLE2 file that
 * holds an encrypted {@code .xlsx} ({@code EncryptionInfo}) or a password-protected {@code .xls} is refused as
 * encrypted; one without a workbook as not a workbook.
 */
final class XlsReader {
    private static final String ENCRYPTED = "工作簿已加密：请在 Excel 中取消密码后另存，再导入";

    private XlsReader() {
    }

    static void read(Path file, String sheetName, TableFiles.Rows rows) throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            if (fs.getRoot().hasEntry("EncryptionInfo")) {
                throw TableFilesImpl.refused(file, ENCRYPTED);
            }
            if (!fs.getRoot().hasEntry("Workbook") && !fs.getRoot().hasEntry("WORKBOOK")
                    && !fs.getRoot().hasEntry("Book")) {
                throw TableFilesImpl.refused(file, "不是 Excel 工作簿（.xls 文件中没有工作簿）");
            }
            try (HSSFWorkbook wb = new HSSFWorkbook(fs.getRoot(), true)) {
                Sheet sheet = sheetName == null ? (wb.getNumberOfSheets() == 0 ? null : wb.getSheetAt(0))
                        : wb.getSheet(sheetName);
                if (sheet == null) {
                    List<String> names = new ArrayList<>();
                    wb.forEach(s -> names.add(s.getSheetName()));
                    throw TableFilesImpl.refused(file, names.isEmpty() ? "工作簿中没有工作表"
                            : "没有名为「" + sheetName + "」的工作表（有：" + String.join("、", names) + "）");
                }
                for (Row r : sheet) {
                    List<String> cells = new ArrayList<>();
                    boolean blank = true;
                    for (int c = 0; c < Math.max(0, r.getLastCellNum()); c++) {
                        String t = text(r.getCell(c));
                        cells.add(t);
                        blank &= t.isBlank();
                    }
                    if (!blank) {
                        HandlerFailure.pass(rows, new TableFiles.Row(r.getRowNum() + 1, List.copyOf(cells)));
                    }
                }
            }
        } catch (HandlerFailure f) {
            throw f.getCause();
        } catch (EncryptedDocumentException e) {
            throw TableFilesImpl.refused(file, ENCRYPTED);
        } catch (org.statdesk.api.command.BadInputException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw TableFilesImpl.refused(file, "工作簿已损坏，无法读取（" + XlsxReader.why(e) + "）");
        }
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getStringCellValue();
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
                    : NumberToTextConverter.toText(cell.getNumericCellValue());
            case BOOLEAN -> cell.getBooleanCellValue() ? "TRUE" : "FALSE";
            default -> "";
        };
    }
}
