package org.statdesk.tables.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statdesk.api.command.BadInputException;
import org.statdesk.api.input.TableFiles;

/** Workbooks made by POI's own usermodel (not by our writer), read back through the service. */
class TableFilesTest {
    @TempDir
    Path dir;
    final TableFilesImpl tables = new TableFilesImpl();

    /** A workbook of two sheets: a title row, then a header, a date cell, a 12-digit code as a number, a gap. */
    static void fill(Workbook wb) {
        Sheet s = wb.createSheet("名录");
        CellStyle date = wb.createCellStyle();
        date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
        CellStyle thousands = wb.createCellStyle();
        thousands.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("#,##0.00"));
        s.createRow(0).createCell(0).setCellValue("单位名录");
        Row h = s.createRow(2);
        String[] head = {"统一社会信用代码", "区划代码", "营业收入（万元）", "填报日期"};
        for (int i = 0; i < head.length; i++) {
            h.createCell(i).setCellValue(head[i]);
        }
        Row r = s.createRow(3);
        r.createCell(0).setCellValue("91620602MA7K2Q8L2L");
        r.createCell(1).setCellValue(620602001001d);
        r.createCell(2).setCellValue(2650.5);
        r.getCell(2).setCellStyle(thousands);
        r.createCell(3).setCellValue(LocalDate.of(2024, 7, 5));
        r.getCell(3).setCellStyle(date);
        Row sparse = s.createRow(5);
        sparse.createCell(0).setCellValue("916206021234567887");
        sparse.createCell(3).setCellFormula("DATE(2024,7,6)");
        sparse.getCell(3).setCellStyle(date);
        wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
        wb.createSheet("说明").createRow(0).createCell(0).setCellValue("另一张表");
    }

    List<TableFiles.Row> read(Path p, String sheet) throws Exception {
        List<TableFiles.Row> out = new ArrayList<>();
        tables.read(p, sheet, out::add);
        return out;
    }

    Path save(Workbook wb, String name) throws Exception {
        Path p = dir.resolve(name);
        try (wb; OutputStream os = Files.newOutputStream(p)) {
            wb.write(os);
        }
        return p;
    }

    @Test
    void xlsxAndXlsReadTheSameRowsWithTheirNumbers() throws Exception {
        XSSFWorkbook x = new XSSFWorkbook();
        fill(x);
        HSSFWorkbook h = new HSSFWorkbook();
        fill(h);
        for (Path p : List.of(save(x, "a.xlsx"), save(h, "a.xls"))) {
            List<TableFiles.Row> rows = read(p, null);
            assertEquals(List.of(1, 3, 4, 6), rows.stream().map(TableFiles.Row::number).toList(), p.toString());
            assertEquals(List.of("单位名录"), rows.get(0).cells());
            assertEquals(List.of("91620602MA7K2Q8L2L", "620602001001", "2650.5", "2024-07-05"), rows.get(2).cells());
            assertEquals(List.of("916206021234567887", "", "", "2024-07-06"), rows.get(3).cells());
            assertEquals(List.of(new TableFiles.Row(1, List.of("另一张表"))), read(p, "说明"));
            BadInputException none = assertThrows(BadInputException.class, () -> read(p, "月报"));
            assertTrue(none.getMessage().contains("没有名为「月报」的工作表（有：名录、说明）"), none.getMessage());
        }
    }

    @Test
    void encryptedCorruptAndForeignFilesAreRefusedClearly() throws Exception {
        XSSFWorkbook x = new XSSFWorkbook();
        fill(x);
        Path plain = save(x, "plain.xlsx");
        Path locked = dir.resolve("locked.xlsx");
        EncryptionInfo info = new EncryptionInfo(EncryptionMode.standard);
        Encryptor enc = info.getEncryptor();
        enc.confirmPassword("secret");
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            try (OutputStream os = enc.getDataStream(fs)) {
                Files.copy(plain, os);
            }
            try (OutputStream out = Files.newOutputStream(locked)) {
                fs.writeFilesystem(out);
            }
        }
        assertRefused(locked, "工作簿已加密");

        byte[] whole = Files.readAllBytes(plain);
        Path cut = dir.resolve("cut.xlsx");
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length / 2));
        assertRefused(cut, "无法读取");

        Path zip = dir.resolve("other.xlsx");
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            z.putNextEntry(new java.util.zip.ZipEntry("data.csv"));
            z.write("a,b\n".getBytes());
        }
        assertRefused(zip, "不是 Excel 工作簿");

        Path csv = dir.resolve("list.xlsx");
        Files.writeString(csv, "credit_code,name\n");
        assertRefused(csv, "不是 Excel 工作簿");
        assertRefused(dir.resolve("missing.xlsx"), "文件不存在");
    }

    void assertRefused(Path p, String why) {
        BadInputException e = assertThrows(BadInputException.class, () -> read(p, null), p.toString());
        assertTrue(e.getMessage().contains(why), e.getMessage());
        assertEquals(1, e.errors().size());
        assertEquals(0, e.errors().get(0).line());
    }

    @Test
    void aListWrittenAsXlsxReadsBackWithPoi() throws Exception {
        Path out = dir.resolve("list.xlsx");
        java.util.List<java.util.List<?>> rows = new ArrayList<>();
        rows.add(java.util.Arrays.asList(1, "=HYPERLINK(\"http://x\")", 2650.5, LocalDate.of(2024, 7, 5), null, "-12.5"));
        rows.add(java.util.Arrays.asList(2, "凉州区祥瑞食品有限公司凉州区祥瑞食品有限公司", new java.math.BigDecimal("0.1"),
                LocalDate.of(2024, 7, 6), true, "+86 931"));
        tables.write(out, List.of(new TableFiles.Sheet("查询单", List.of("序号", "单位名称", "营业收入", "填报日期", "是否", "备注"),
                rows), new TableFiles.Sheet("说明", List.of("项目"), List.of())));
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(out))) {
            Sheet s = wb.getSheet("查询单");
            assertEquals(2, s.getLastRowNum());
            assertEquals(1, s.getPaneInformation().getHorizontalSplitPosition());
            assertTrue(wb.getFontAt(s.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold());
            assertEquals(2650.5, s.getRow(1).getCell(2).getNumericCellValue());
            assertEquals("'=HYPERLINK(\"http://x\")", s.getRow(1).getCell(1).getStringCellValue());
            assertEquals("-12.5", s.getRow(1).getCell(5).getStringCellValue(), "a number as text stays as typed");
            assertEquals("'+86 931", s.getRow(2).getCell(5).getStringCellValue());
            assertTrue(org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(s.getRow(1).getCell(3)));
            assertEquals(LocalDate.of(2024, 7, 5), s.getRow(1).getCell(3).getLocalDateTimeCellValue().toLocalDate());
            assertEquals(null, s.getRow(1).getCell(4));
            assertTrue(s.getRow(2).getCell(4).getBooleanCellValue());
            assertTrue(s.getColumnWidth(1) > s.getColumnWidth(0) * 3, "the name's column fits its CJK text");
            assertEquals("项目", wb.getSheet("说明").getRow(0).getCell(0).getStringCellValue());
        }
        // and our reader reads it as it reads Excel's
        assertEquals(List.of("1", "'=HYPERLINK(\"http://x\")", "2650.5", "2024-07-05", "", "-12.5"), read(out, null).get(1).cells());
        try (var files = Files.list(dir)) {
            assertEquals(List.of("list.xlsx"), files.map(p -> p.getFileName().toString()).toList(), "no temporary file");
        }
    }

    @Test
    void aFailureOfTheRowHandlerIsNotACorruptWorkbook() throws Exception {
        XSSFWorkbook x = new XSSFWorkbook();
        fill(x);
        Path p = save(x, "a.xlsx");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> tables.read(p, null, r -> {
            throw new IllegalArgumentException("the import's own");
        }));
        assertEquals("the import's own", e.getMessage());
    }
}
