package org.statdesk.enforcement.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statdesk.api.command.BadInputException;
import org.statdesk.api.command.InputError;

/**
 * Issue 12 §4: a roster import is all or nothing with line-numbered errors, as the register import is; no file
 * empties the roster, stores a garbled name, or gets a raw SQL error back.
 */
class RosterImportTest {
    static final String HEADER = "name,certificate_no,certificate_date,county_code,specialty\n";
    static final Charset GBK = Charset.forName("GBK");
    Fakes.World w;
    @TempDir
    Path dir;
    List<Roster.Inspector> before;

    @BeforeEach
    void setUp() throws Exception {
        w = new Fakes.World(new Fakes.TestRegister().populate(8, 4));
        w.roster(Fakes.World.roster(5, 4)); // 24 inspectors
        before = w.roster.list(null);
        assertEquals(24, before.size());
    }

    /** Imports {@code bytes}, expects bad input, and that the roster and its journal are as they were. */
    List<InputError> refused(byte[] bytes) throws Exception {
        Path f = dir.resolve("roster.csv");
        Files.write(f, bytes);
        int journal = w.journal.entries(InspectorTable.TABLE).size();
        BadInputException e = assertThrows(BadInputException.class, () -> w.roster.importCsv(f));
        assertEquals(before, w.roster.list(null), "roster unchanged");
        assertEquals(journal, w.journal.entries(InspectorTable.TABLE).size(), "nothing journaled");
        return e.errors();
    }

    List<InputError> refused(String csv) throws Exception {
        return refused(csv.getBytes(StandardCharsets.UTF_8));
    }

    static List<String> where(List<InputError> errors) {
        return errors.stream().map(e -> e.line() + ":" + e.field()).toList();
    }

    @Test
    void aHeaderOnlyOrEmptyFileNeverEmptiesTheRoster() throws Exception {
        assertEquals(List.of("2:null"), where(refused(HEADER)));
        assertTrue(refused(HEADER).get(0).message().contains("空名单"));
        assertEquals(List.of("1:null"), where(refused("")));
        assertEquals(List.of("2:null"), where(refused("\uFEFF" + HEADER + "\n\n")));
    }

    @Test
    void mixedOrInvalidEncodingsAreRefusedInsteadOfStoredGarbled() throws Exception {
        ByteArrayOutputStream mixed = new ByteArrayOutputStream();
        mixed.write((HEADER + "张三,GS1,2020-01-01,620602,法规\n").getBytes(GBK)); // lines 1-2 GBK
        mixed.write("李四,GS2,2020-01-01,620621,法规\n".getBytes(StandardCharsets.UTF_8)); // line 3 UTF-8
        mixed.write("王五,GS3,2020-01-01,620622,法规\n".getBytes(GBK)); // line 4 GBK
        List<InputError> e = refused(mixed.toByteArray());
        assertEquals(List.of(3), e.stream().map(InputError::line).toList(), e.toString());
        assertTrue(e.get(0).message().contains("UTF-8"));

        // bytes that are neither (0xFF never occurs in UTF-8 or GBK)
        byte[] bad = (HEADER + "赵六,GS4,2020-01-01,620623,法规\n").getBytes(GBK);
        bad[HEADER.length() + 1] = (byte) 0xFF;
        assertEquals(List.of(2), refused(bad).stream().map(InputError::line).toList());

        // a UTF-8 BOM followed by GBK text
        ByteArrayOutputStream bom = new ByteArrayOutputStream();
        bom.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bom.write((HEADER + "孙七,GS5,2020-01-01,620602,法规\n").getBytes(GBK));
        assertEquals(List.of(2), refused(bom.toByteArray()).stream().map(InputError::line).toList());

        // and the encodings themselves still import, whole
        Path gbk = dir.resolve("gbk.csv");
        Files.write(gbk, (HEADER + "张三,GS1,2020-01-01,620602,法规\n").getBytes(GBK));
        assertEquals(1, w.roster.importCsv(gbk).imported());
        assertEquals("张三", w.roster.list(null).get(0).name());
    }

    @Test
    void missingOrExtraCellsAndUnknownOrDuplicateColumnsAreErrors() throws Exception {
        List<InputError> cells = refused(HEADER + "甲,GS1,2020-01-01,620602,法规\n乙,GS2,2020-01-01,620602\n"
                + "丙,GS3,2020-01-01,620602,法规,多余\n");
        assertEquals(List.of("3:specialty", "4:null"), where(cells));
        assertTrue(cells.get(0).message().contains("缺少单元格") && cells.get(1).message().contains("多出单元格"));
        List<InputError> unknown = refused("name,certificate_no,certificate_date,county_code,specialty,phone\n"
                + "甲,GS1,2020-01-01,620602,法规,0935\n");
        assertEquals(List.of("1:phone"), where(unknown));
        List<InputError> twice = refused("name,certificate_no,certificate_date,county_code,specialty,Name\n"
                + "甲,GS1,2020-01-01,620602,法规,乙\n");
        assertEquals(List.of("1:name"), where(twice));
        assertTrue(twice.get(0).message().contains("重复"));
        assertEquals(List.of("1:specialty"), where(refused("name,certificate_no,certificate_date,county_code\n"
                + "甲,GS1,2020-01-01,620602\n")));
    }

    @Test
    void aTooLongOrControlCharacterValueGetsAShortMessage() throws Exception {
        String longName = "张".repeat(100_000);
        List<InputError> e = refused(HEADER + longName + ",GS1,2020-01-01,620602,法规\n"
                + "乙\u202E,GS2,2020-01-01,620602,法规\n" + "丙,GS3,2020-01-01,620602," + "x".repeat(101) + "\n");
        assertEquals(List.of("2:name", "3:name", "4:specialty"), where(e));
        assertTrue(e.get(0).message().contains("too long: 100000 characters, at most 100"), e.get(0).message());
        assertTrue(e.get(0).value().length() < 80, "the value is not echoed back: " + e.get(0).value().length());
        assertTrue(e.get(1).message().contains("U+202E"));
        assertTrue(e.toString().length() < 1000);
        // a name that looks like a formula is a name: kept as typed (neutralised on output)
        Path ok = dir.resolve("ok.csv");
        Files.writeString(ok, HEADER + "=王五,GS9,2020-01-01,620602,法规\n");
        w.roster.importCsv(ok);
        assertEquals("=王五", w.roster.list(null).get(0).name());
    }

    @Test
    void datesAreStrict() throws Exception {
        List<InputError> e = refused(HEADER + "甲,GS1,2020-1-5,620602,法规\n乙,GS2,2021-06-16,620602,法规\n"
                + "丙,GS3,1999-12-31,620602,法规\n丁,GS4,2020-02-30,620602,法规\n戊,GS5,,620602,法规\n");
        assertEquals(List.of("2:certificate_date", "3:certificate_date", "4:certificate_date", "5:certificate_date",
                "6:certificate_date"), where(e));
        assertTrue(e.get(1).message().contains("future"), e.get(1).message());
    }

    @Test
    void atMost200ErrorsAreListedAndTheRestCounted() throws Exception {
        StringBuilder sb = new StringBuilder(HEADER);
        for (int i = 0; i < 5000; i++) {
            sb.append("甲").append(i).append(",GS").append(i).append(",2020-01-01,999999,法规\n");
        }
        List<InputError> e = refused(sb.toString());
        assertEquals(201, e.size());
        assertEquals(2, e.get(0).line());
        assertEquals(201, e.get(199).line());
        InputError count = e.get(200);
        assertEquals(0, count.line());
        assertNull(count.field());
        assertEquals("5000", count.value());
        assertTrue(count.message().contains("共 5000 处错误") && count.message().contains("4800"), count.message());
    }

    @Test
    void lineNumbersCountBlankLinesAndQuotedLineBreaks() throws Exception {
        List<InputError> e = refused(HEADER + "\n\"甲\n乙\",GS1,2020-01-01,620602,法规\n丙,GS2,2020-01-01,999999,法规\n");
        // line 2 blank, lines 3-4 one record whose name holds a line break (a control character), line 5 county
        assertEquals(List.of("3:name", "5:county_code"), where(e));
    }
}
