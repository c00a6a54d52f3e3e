package org.statdesk.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statdesk.api.command.BadInputException;
import org.statdesk.api.registry.Unit;
import org.statdesk.api.registry.UnitQuery;

/**
 * Register files as the platform exports them and Excel saves them, made by POI's own usermodel: a title row,
 * Chinese headers (every alias), revenue in 万元 or 元, 12-digit division codes as number cells, extra columns.
 */
class RegisterWorkbookTest {
    @TempDir
    Path dir;
    Fixture fx;

    @BeforeEach
    void setUp() throws Exception {
        fx = Fixture.memory();
    }

    @AfterEach
    void tearDown() throws Exception {
        fx.store.close();
    }

    static final List<String> HEADER = List.of("序号", "统一社会信用代码", "单位详细名称", "统计用区划代码", "行业代码",
            "营业收入（万元）", "资质等级", "单位地址", "填表人", "联系电话", "规模", "单位负责人");

    /** Unit n: village 620602001 + 3 digits (a 12-digit code), revenue 2650.5 万元. */
    static Object[] unit(int n) {
        return new Object[] {(double) n, Fixture.code("620602", 10_000_000 + n), "凉州区祥瑞食品有限公司" + n,
            620602001000d + n, "C1391", 2650.5, "", "凉州区东大街" + n + "号", "王丽", "13909350001", "四上", "张三"};
    }

    static void sheet(Workbook wb, String name, List<String> header, List<Object[]> rows) {
        Sheet s = wb.createSheet(name);
        s.createRow(0).createCell(0).setCellValue("2024年名录库单位（联网直报平台导出）");
        Row h = s.createRow(1);
        for (int i = 0; i < header.size(); i++) {
            h.createCell(i).setCellValue(header.get(i));
        }
        int r = 2;
        for (Object[] cells : rows) {
            Row x = s.createRow(r++);
            for (int i = 0; i < cells.length; i++) {
                if (cells[i] instanceof Double d) {
                    x.createCell(i).setCellValue(d);
                } else if (!"".equals(cells[i])) {
                    x.createCell(i).setCellValue((String) cells[i]);
                }
            }
        }
    }

    Path save(Workbook wb, String name) throws Exception {
        Path p = dir.resolve(name);
        try (wb; OutputStream os = Files.newOutputStream(p)) {
            wb.write(os);
        }
        return p;
    }

    Map<String, Unit> units() throws Exception {
        return fx.reads.list(UnitQuery.all()).stream().collect(Collectors.toMap(Unit::creditCode, u -> u));
    }

    @Test
    void anXlsxExportWithChineseHeadersImports() throws Exception {
        XSSFWorkbook wb = new XSSFWorkbook();
        wb.createSheet("说明").createRow(0).createCell(0).setCellValue("本表由平台导出");
        sheet(wb, "名录", HEADER, List.of(unit(1), unit(2)));
        Path p = save(wb, "名录.xlsx");
        BadInputException first = assertThrows(BadInputException.class, () -> fx.imports.importFile(p, true));
        assertTrue(first.errors().get(0).message().contains("没有表头"), first.errors().toString());
        Imports.ImportResult r = fx.imports.importFile(p, true, "名录");
        assertEquals("xlsx", r.encoding());
        assertEquals(2, r.imported());
        assertEquals(List.of("序号", "单位负责人"), r.ignoredColumns());
        Unit u = units().get(Fixture.code("620602", 10_000_001));
        assertEquals(26505.0, u.revenue(), 1e-9, "万元 ×10 into 千元");
        assertEquals("620602001", u.divisionCode(), "a village's code is read as its township");
        assertEquals("above", u.scale());
        assertEquals("凉州区东大街1号", u.address());
    }

    @Test
    void anXlsAndAChineseCsvInYuanImportToo() throws Exception {
        List<String> yuan = List.of("信用代码", "单位名称", "行政区划代码", "国民经济行业代码", "上年营业收入（元）",
                "资质等级", "详细地址", "统计负责人", "电话");
        HSSFWorkbook wb = new HSSFWorkbook();
        Object[] row = unit(3);
        sheet(wb, "Sheet1", yuan, List.<Object[]>of(new Object[] {row[1], row[2], "620602001", row[4], 26505000d, "",
            row[7], row[8], row[9]}));
        Path xls = save(wb, "名录.xls");
        Imports.ImportResult r = fx.imports.importFile(xls, false);
        assertEquals("xls", r.encoding());
        assertEquals(26505.0, units().get((String) row[1]).revenue(), 1e-9, "元 ÷1000");

        String csv = String.join(",", "社会信用代码", "详细名称", "所在地区划代码", "行业小类代码", "主营业务收入（千元）",
                "资质等级", "单位地址", "统计人员", "联系电话", "备注") + "\n"
                + String.join(",", Fixture.code("620602", 10_000_004), "凉州区鸿达建筑有限公司", "620602001004", "E4811",
                        "8000", "", "凉州区东关街3号", "孙杰", "13909350003", "新开业") + "\n";
        Path gbk = dir.resolve("名录.csv");
        Files.write(gbk, csv.getBytes(Charset.forName("GBK")));
        Imports.ImportResult c = fx.imports.importFile(gbk, false);
        assertEquals("GBK", c.encoding());
        assertEquals(List.of("备注"), c.ignoredColumns());
        assertEquals(8000.0, units().get(Fixture.code("620602", 10_000_004)).revenue(), 1e-9);
    }

    @Test
    void aMissingColumnNamesTheNearestHeaderAndAWrongUnitIsAnError() throws Exception {
        List<String> header = new java.util.ArrayList<>(HEADER);
        header.set(1, "社会信用代码号");
        header.set(5, "营业收入（人）");
        XSSFWorkbook wb = new XSSFWorkbook();
        sheet(wb, "名录", header, List.<Object[]>of(unit(1)));
        Path p = save(wb, "名录.xlsx");
        BadInputException e = assertThrows(BadInputException.class, () -> fx.imports.importFile(p, true));
        assertEquals(0, fx.store.count("reg_unit"), "nothing imported");
        List<String> messages = e.errors().stream().map(x -> x.line() + ":" + x.field() + ":" + x.message()).toList();
        assertTrue(messages.contains("2:credit_code:缺少必需的列 统一社会信用代码（credit_code）；是否为「社会信用代码号」？"),
                messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("2:revenue:单位不符")), messages.toString());
    }

    @Test
    void aBadCellIsReportedWithItsRowNumber() throws Exception {
        Object[] bad = unit(2);
        bad[5] = "两千";
        XSSFWorkbook wb = new XSSFWorkbook();
        sheet(wb, "名录", HEADER, List.of(unit(1), bad));
        Path p = save(wb, "名录.xlsx");
        BadInputException e = assertThrows(BadInputException.class, () -> fx.imports.importFile(p, true));
        assertEquals("4:revenue", e.errors().get(0).line() + ":" + e.errors().get(0).field(), e.errors().toString());
    }
}
