package org.statdesk.launcher.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 through the built distribution: a register exported from the platform as .xlsx (Chinese headers, a title
 * row, revenue in 万元, 12-digit village codes, extra columns) imports; POI resolves and runs inside Felix (its
 * XMLBeans schemas found, nothing from Log4j on stderr); a file that is no workbook under an .xlsx name is exit 2.
 */
class WorkbookImportIT {
    private final Dist dist = Dist.built();
    private final Path root = Path.of(System.getProperty("statdesk.root", "..")).toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    @Test
    void aPlatformExportAsXlsxImportsThroughTheDistribution() throws Exception {
        Units units = new Units(root);
        Random rnd = new Random(15);
        Path file = tmp.resolve("名录库导出.xlsx");
        List<String[]> rows = new ArrayList<>();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            wb.createSheet("说明").createRow(0).createCell(0).setCellValue("联网直报平台导出");
            Sheet s = wb.createSheet("单位名录");
            s.createRow(0).createCell(0).setCellValue("2026年名录库单位");
            String[] head = {"序号", "统一社会信用代码", "单位详细名称", "统计用区划代码", "行业代码", "营业收入（万元）",
                "资质等级", "单位地址", "填表人", "联系电话", "规模", "单位负责人"};
            Row h = s.createRow(1);
            for (int i = 0; i < head.length; i++) {
                h.createCell(i).setCellValue(head[i]);
            }
            for (int n = 0; n < 30; n++) {
                String[] c = units.row(n, rnd).split(",", -1);
                rows.add(c);
                Row r = s.createRow(2 + n);
                r.createCell(0).setCellValue(n + 1);
                r.createCell(1).setCellValue(c[0]);
                r.createCell(2).setCellValue(c[1]);
                r.createCell(3).setCellValue(Double.parseDouble(c[2] + "001")); // a village's 12-digit code
                r.createCell(4).setCellValue(c[3]);
                r.createCell(5).setCellValue(Double.parseDouble(c[4]) / 10); // 万元
                r.createCell(7).setCellValue(c[6]);
                r.createCell(8).setCellValue(c[7]);
                r.createCell(9).setCellValue(c[8]);
                r.createCell(10).setCellValue("四上");
                r.createCell(11).setCellValue("张三");
            }
            try (OutputStream os = Files.newOutputStream(file)) {
                wb.write(os);
            }
        }
        String data = tmp.resolve("data").toString();
        Dist.Result r = dist.run("--data", data, "run", "registry:import", file.toString(), "--sheet", "单位名录",
                "--admit", "--json");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.err().isBlank() || !r.err().contains("Log4j"), r::toString);
        JsonNode j = r.json();
        assertEquals("xlsx", j.get("encoding").asText());
        assertEquals(30, j.get("imported").asInt());
        assertEquals("[\"序号\",\"单位负责人\"]", j.get("ignored_columns").toString());

        Dist.Result show = dist.run("--data", data, "run", "registry:show", rows.get(0)[0], "--json");
        assertEquals(0, show.exit(), show::toString);
        assertEquals(Double.parseDouble(rows.get(0)[4]), show.json().findValue("revenue").asDouble(), 1e-6,
                "万元 ×10 = 千元");
        assertEquals(rows.get(0)[2], show.json().findValue("division_code").asText(), "the village's township");

        Path fake = tmp.resolve("not-a-workbook.xlsx");
        Files.write(fake, new byte[] {'P', 'K', 3, 4, 1, 2, 3, 4, 5, 6, 7, 8});
        Dist.Result bad = dist.run("--data", data, "run", "review:import", fake.toString(), "--json");
        assertEquals(2, bad.exit(), bad::toString);
        assertTrue(bad.out().contains("无法读取"), bad::toString);
    }
}
