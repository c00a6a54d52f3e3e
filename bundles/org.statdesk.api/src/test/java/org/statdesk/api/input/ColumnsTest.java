package org.statdesk.api.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnsTest {
    static final Columns.Field REVENUE = new Columns.Field("revenue", "千元", List.of("营业收入", "主营业务收入"));
    static final Columns.Field ELECTRICITY = new Columns.Field("electricity", "万千瓦时", List.of("用电量", "工业用电量"));
    static final Columns.Field OUTPUT = new Columns.Field("output_value", "千元", List.of("工业总产值", "工业总产值当年价格"));
    static final List<Columns.Field> FIELDS = List.of(Columns.CREDIT_CODE, Columns.PERIOD, REVENUE, ELECTRICITY, OUTPUT);

    @Test
    void headersAreNormalisedBeforeMatching() {
        assertEquals(new Columns.Name("营业收入", "万元"), Columns.normalise(" 营业 收入（万元）"));
        assertEquals(new Columns.Name("工业总产值当年价格", null), Columns.normalise("工业总产值(当年价格)"));
        assertEquals(new Columns.Name("credit_code", null), Columns.normalise("\uFEFFCredit_Code "));
        assertEquals(new Columns.Name("统一社会信用代码", null), Columns.normalise("统一社会信用代码　")); // ideographic space
        assertEquals(new Columns.Name("用电量", "万千瓦时"), Columns.normalise("用电量【万千瓦时】"));
    }

    @Test
    void moneyUnitsScaleIntoThousandYuanAndOtherUnitsMustFit() {
        Columns.Header h = Columns.match(List.of("统一社会信用代码", "报告期", "营业收入（万元）", "工业用电量（万千瓦时）",
                "工业总产值（元）", "序号", "备注"), FIELDS);
        assertEquals(List.of("credit_code", "period", "revenue", "electricity", "output_value"),
                List.copyOf(h.columns().keySet()));
        assertEquals("26500", h.columns().get("revenue").value("2650"));
        assertEquals("12.5", h.columns().get("revenue").value("1.25"));
        assertEquals("1.2345", h.columns().get("output_value").value("1234.5"));
        assertEquals("51.2", h.columns().get("electricity").value("51.2"));
        assertEquals("abc", h.columns().get("revenue").value("abc")); // judged by the import, with its line
        assertEquals(List.of("序号", "备注"), h.ignored());
        assertEquals("C", h.columns().get("revenue").letter());

        Columns.Header wrong = Columns.match(List.of("统一社会信用代码", "用电量（千瓦时）", "营业收入（人）"), FIELDS);
        assertEquals(2, wrong.problems().size());
        assertTrue(wrong.problems().get(0).message().contains("单位不符"), wrong.problems().get(0).message());
        assertEquals("B", wrong.problems().get(0).letter());
    }

    @Test
    void aColumnTwiceIsAProblemAndEnglishUnknownsAreKeptApart() {
        Columns.Header h = Columns.match(List.of("credit_code", "信用代码", "phone", "单位负责人"), FIELDS);
        assertEquals(1, h.problems().size());
        assertEquals("credit_code", h.problems().get(0).field());
        assertEquals(List.of("phone"), h.unknownCodes());
        assertEquals(List.of("单位负责人"), h.ignored());
    }

    @Test
    void theClosestHeaderIsProposedForAMissingColumn() {
        assertEquals("社会信用代码号", Columns.closest(Columns.CREDIT_CODE, List.of("序号", "社会信用代码号", "名称")));
        assertNull(Columns.closest(Columns.CREDIT_CODE, List.of("序号", "名称")));
        assertEquals("缺少列 credit_code；是否为「credit_cod」？",
                Columns.missing("缺少列 credit_code", Columns.CREDIT_CODE, List.of("credit_cod", "period")));
    }

    @Test
    void everyPeriodFormReadsAsYearMonth() {
        for (String s : List.of("2024-06", "202406", "2024.06", "2024/06", "2024年6月", "2024年06月", "2024-06-01",
                "2024/6/30", " 2024年6月份 ", "２０２４年６月")) {
            assertEquals("2024-06", Periods.normalise(s), s);
        }
        assertEquals("2024-02", Periods.normalise("2024年1-2月"));
        assertEquals("2024-02", Periods.normalise("2024年1～2月"));
        for (String s : List.of("2024-13", "20246", "2024年3-5月", "June 2024", "", "2024-6")) {
            assertEquals(s.strip(), Periods.normalise(s), s);
        }
    }

    @Test
    void columnLettersAndKinds() {
        assertEquals("A", TableFiles.columnLetter(0));
        assertEquals("Z", TableFiles.columnLetter(25));
        assertEquals("AA", TableFiles.columnLetter(26));
        assertEquals("BA", TableFiles.columnLetter(52));
        assertEquals(TableFiles.Kind.XLSX, TableFiles.kind(new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0}));
        assertEquals(TableFiles.Kind.XLS, TableFiles.kind(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0,
                (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1}));
        assertEquals(TableFiles.Kind.JSON, TableFiles.kind("\uFEFF \n[{".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals(TableFiles.Kind.CSV, TableFiles.kind("credit_code,".getBytes()));
    }
}
