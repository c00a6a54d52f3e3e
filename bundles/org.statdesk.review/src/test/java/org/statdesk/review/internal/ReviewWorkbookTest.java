package org.statdesk.review.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statdesk.api.command.BadInputException;
import org.statdesk.review.internal.imports.ErrorList;
import org.statdesk.review.internal.imports.ReportFile;
import org.statdesk.tables.internal.TableFilesImpl;
import org.statdesk.testing.ListRegister;
import org.statdesk.testing.MemoryStore;
import org.statdesk.testing.RecordingJournal;

/**
 * Monthly reports as Excel files made by POI (not by our writer): Chinese indicator names and aliases with units in
 * parentheses, a title row, extra columns, every way of writing the period, Excel date cells; and a province month
 * (100,000 rows of 7 indicators) read as .xlsx against the same data as CSV.
 */
class ReviewWorkbookTest {
    @TempDir
    Path dir;
    private Rooms rooms;
    private List<String> codes;

    @BeforeEach
    void setUp() throws Exception {
        Synth synth = new Synth(12, "2024-06", 2, 3, 1);
        rooms = new Rooms(MemoryStore.withOwnMigrations(), RecordingJournal.inMemory(),
                new ListRegister(synth.units), Settings.defaults()).with(TestForms.industrial());
        codes = synth.units.stream().map(u -> u.creditCode()).toList();
    }

    static Path save(Workbook wb, Path p) throws Exception {
        try (wb; OutputStream os = Files.newOutputStream(p)) {
            wb.write(os);
        }
        return p;
    }

    static void row(Sheet s, int r, Object... cells) {
        Row x = s.createRow(r);
        for (int i = 0; i < cells.length; i++) {
            if (cells[i] instanceof Number n) {
                x.createCell(i).setCellValue(n.doubleValue());
            } else if (cells[i] instanceof LocalDate d) {
                x.createCell(i).setCellValue(d);
            } else if (cells[i] != null) {
                x.createCell(i).setCellValue(cells[i].toString());
            }
        }
    }

    @Test
    void aPlatformExportWithChineseHeadersUnitsAndEveryPeriodFormImports() throws Exception {
        XSSFWorkbook wb = new XSSFWorkbook();
        Sheet s = wb.createSheet("B204-1");
        row(s, 0, "规模以上工业产值月报（2024年6月）");
        row(s, 1, "序号", "统一社会信用代码", "单位详细名称", "报告期", "工业总产值（当年价格）（万元）", "工业销售产值（千元）",
                "出口交货值（元）", "工业用电量（万千瓦时）", "从业人员期末人数（人）", "填报日期", "备注");
        CellStyle date = wb.createCellStyle();
        date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
        List<Object> periods = List.of("2024-06", "202406", "2024.06", "2024/06", "2024年6月", "2024年06月",
                LocalDate.of(2024, 6, 1), "2024年1-2月");
        for (int i = 0; i < periods.size(); i++) {
            row(s, 2 + i, i + 1, codes.get(i), "单位" + i, periods.get(i), 240.05, 2300, 1_500_000, 51.2, 30,
                    LocalDate.of(2024, 7, 3), "无");
        }
        s.getRow(8).getCell(3).setCellStyle(date);
        for (int i = 2; i < 2 + periods.size(); i++) {
            s.getRow(i).getCell(9).setCellStyle(date);
        }
        Path p = save(wb, dir.resolve("月报.xlsx"));
        var sum = rooms.imports.importFile(p, null, null, LocalDate.of(2024, 7, 5));
        assertEquals(8 * 5, sum.values());
        assertEquals(List.of("序号", "单位详细名称", "备注"), sum.ignoredColumns());
        Map<String, Double> out = rooms.service.values("2024-06", "output_value");
        assertEquals(7, out.size(), "seven of the eight rows are June");
        assertEquals(2400.5, out.get(codes.get(0)), 1e-9, "万元 ×10");
        assertEquals(1500.0, rooms.service.values("2024-06", "export_value").get(codes.get(6)), 1e-9, "元 ÷1000");
        assertEquals(2400.5, rooms.service.values("2024-02", "output_value").get(codes.get(7)), 1e-9,
                "2024年1-2月 is the combined report of period 2024-02");
        assertEquals(30.0, rooms.service.values("2024-06", "employees").get(codes.get(3)), 1e-9);
    }

    @Test
    void aUnitThatDoesNotFitAMissingKeyAndABadFigureAreErrorsWithTheirRow() throws Exception {
        XSSFWorkbook wb = new XSSFWorkbook();
        Sheet s = wb.createSheet("月报");
        row(s, 0, "统一社会信用代码", "报告期", "用电量（千瓦时）");
        row(s, 1, codes.get(0), "2024-06", 51.2);
        Path unit = save(wb, dir.resolve("a.xlsx"));
        BadInputException e = assertThrows(BadInputException.class,
                () -> rooms.imports.importFile(unit, null, null, LocalDate.of(2024, 7, 5)));
        assertEquals("1:electricity", e.errors().get(0).line() + ":" + e.errors().get(0).field());
        assertTrue(e.errors().get(0).message().contains("单位不符"), e.errors().get(0).message());

        wb = new XSSFWorkbook();
        s = wb.createSheet("月报");
        row(s, 0, "信用代码号", "报告期", "工业总产值");
        row(s, 1, codes.get(0), "2024-06", 51.2);
        Path key = save(wb, dir.resolve("b.xlsx"));
        e = assertThrows(BadInputException.class,
                () -> rooms.imports.importFile(key, null, null, LocalDate.of(2024, 7, 5)));
        assertEquals("缺少列 统一社会信用代码（credit_code）；是否为「信用代码号」？", e.errors().get(0).message());

        wb = new XSSFWorkbook();
        s = wb.createSheet("月报");
        row(s, 0, "统一社会信用代码", "报告期", "工业总产值");
        row(s, 1, codes.get(0), "2024-06", 51.2);
        row(s, 2, codes.get(1), "2024年6月", "五十");
        Path bad = save(wb, dir.resolve("c.xlsx"));
        e = assertThrows(BadInputException.class,
                () -> rooms.imports.importFile(bad, null, null, LocalDate.of(2024, 7, 5)));
        assertEquals("3:output_value", e.errors().get(0).line() + ":" + e.errors().get(0).field());
        assertTrue(rooms.service.values("2024-06", "output_value").isEmpty(), "nothing imported");
    }

    @Test
    void aChineseCsvReadsAsTheSheetDoes() throws Exception {
        String csv = "序号,统一社会信用代码,报告期,工业总产值（万元）\n1," + codes.get(0) + ",2024年6月,1.5\n";
        var sum = rooms.imports.importReports(csv.getBytes(StandardCharsets.UTF_8), null, LocalDate.of(2024, 7, 5));
        assertEquals(List.of("序号"), sum.ignoredColumns());
        assertEquals(15.0, rooms.service.values("2024-06", "output_value").get(codes.get(0)), 1e-9);
    }

    /**
     * A province month (100,000 units × 7 indicators = 700,000 values) read from .xlsx gives the values the same data
     * as CSV gives, streaming; an import of it against a register that lacks most units is refused whole.
     */
    @Test
    void aProvinceMonthAsXlsxReadsAsTheCsvDoes() throws Exception {
        int n = 100_000;
        Synth synth = new Synth(n, "2024-06", 1, 5, 14);
        String[] ind = {"output_value", "output_value_ytd", "sales_value", "export_value", "revenue_ytd",
            "electricity", "employees"};
        String[] names = {"工业总产值（千元）", "工业总产值本年累计", "工业销售产值", "出口交货值", "营业收入本年累计",
            "用电量（万千瓦时）", "从业人员期末人数（人）"};
        StringBuilder csv = new StringBuilder("credit_code,period,").append(String.join(",", ind)).append('\n');
        Path xlsx = dir.resolve("province.xlsx");
        try (SXSSFWorkbook wb = new SXSSFWorkbook(null, 200, true, true)) { // shared strings, as Excel writes
            Sheet s = wb.createSheet("B204-1");
            Object[] head = new Object[ind.length + 2];
            head[0] = "统一社会信用代码";
            head[1] = "报告期";
            System.arraycopy(names, 0, head, 2, names.length);
            row(s, 0, head);
            for (int i = 0; i < n; i++) {
                String code = synth.units.get(i).creditCode();
                Object[] r = new Object[ind.length + 2];
                r[0] = code;
                r[1] = "2024-06";
                csv.append(code).append(",2024-06");
                for (int k = 0; k < ind.length; k++) {
                    double v = k == 6 ? 1 + i % 500 : Math.round((i % 997) * 10.0 + k * 1.5 + 1) / 10.0;
                    r[k + 2] = v;
                    csv.append(',').append(org.apache.poi.ss.util.NumberToTextConverter.toText(v));
                }
                csv.append('\n');
                row(s, i + 1, r);
            }
            try (OutputStream os = Files.newOutputStream(xlsx)) {
                wb.write(os);
            }
        }
        Path csvFile = dir.resolve("province.csv");
        Files.writeString(csvFile, csv, StandardCharsets.UTF_8);
        List<org.statdesk.review.internal.FormSpec> forms = List.copyOf(rooms.forms.bySpecialty().values());
        long r0 = System.nanoTime();
        int readCsv = ReportFile.read(Files.readAllBytes(csvFile), forms, new ErrorList()).values().size();
        long r1 = System.nanoTime();
        int readXlsx = ReportFile.sheet(new TableFilesImpl(), xlsx, null, forms, new ErrorList()).values().size();
        long r2 = System.nanoTime();
        assertEquals(n * ind.length, readCsv);
        assertEquals(readCsv, readXlsx);

        System.out.printf("province month, 100,000 rows x 7 indicators: read CSV %.2f s (%d MB), xlsx %.2f s (%d MB)%n",
                (r1 - r0) / 1e9, Files.size(csvFile) >> 20, (r2 - r1) / 1e9, Files.size(xlsx) >> 20);
        // Printed, not asserted: on the shared machine one read varies tenfold. A whole import of a province month
        // takes 15 s or more (STACK.md); POI's own sheet handler read this sheet in 11 s, SheetHandler in 2-6 s.
        Rooms fresh = new Rooms(MemoryStore.withOwnMigrations(), RecordingJournal.inMemory(),
                new ListRegister(synth.units.subList(0, 1000)), Settings.defaults()).with(TestForms.industrial());
        assertThrows(BadInputException.class, () -> fresh.imports.importFile(xlsx, null, null,
                LocalDate.of(2024, 7, 5)), "99,000 units not in the register: nothing imported");
        assertTrue(fresh.service.values("2024-06", "electricity").isEmpty());
    }
}
