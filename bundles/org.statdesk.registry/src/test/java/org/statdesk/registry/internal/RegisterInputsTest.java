package org.statdesk.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statdesk.api.command.BadInputException;
import org.statdesk.api.command.InputError;
import org.statdesk.api.registry.Unit;

/** Issue 12 §4 for register files: numbers, text, over-long values and floods of bad rows. */
class RegisterInputsTest {
    static final String HEADER = RegistryTest.HEADER;
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

    private static String row(int n, String name, String revenue, String address, String phone) {
        return String.join(",", Fixture.code("620602", 10_000_000 + n), name, "620602001", "F5111", revenue, "",
                address, "统计员", phone, "");
    }

    private Path file(String name, List<String> rows) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, HEADER + "\n" + String.join("\n", rows) + "\n", StandardCharsets.UTF_8);
        return p;
    }

    private BadInputException refused(Path p) throws Exception {
        BadInputException e = assertThrows(BadInputException.class, () -> fx.imports.importFile(p, true));
        assertEquals(0, fx.store.count("reg_unit"), "nothing imported");
        assertEquals(0, fx.store.count("aud_journal"), "nothing journaled");
        return e;
    }

    @Test
    void revenuesThatJavaWouldParseButAreNoPlainNumberAreRefused() throws Exception {
        List<String> bad = List.of("NaN", "Infinity", "-Infinity", "0x1p3", "12f", "7d", "1e308", "1e-400", "1,5",
                "1,,,2", "30,000", "1e15", "--1", "1.2.3", " ");
        List<String> rows = new java.util.ArrayList<>();
        for (int i = 0; i < bad.size(); i++) {
            String v = bad.get(i).contains(",") ? "\"" + bad.get(i) + "\"" : bad.get(i);
            rows.add(row(i, "武威第" + i + "商贸有限公司", v, "凉州区东大街" + i + "号", "13800000000"));
        }
        BadInputException e = refused(file("revenue.csv", rows));
        assertEquals(bad.size(), e.errors().size(), e.errors()::toString);
        for (int i = 0; i < bad.size(); i++) {
            InputError err = e.errors().get(i);
            assertEquals(i + 2, err.line(), err::toString);
            assertEquals("revenue", err.field(), err::toString);
        }
        assertTrue(e.errors().get(6).message().contains("超出范围"), "1e308: " + e.errors().get(6));
    }

    @Test
    void controlCharactersAndBidiOverridesInNamesAndAddressesAreRefused() throws Exception {
        BadInputException e = refused(file("text.csv", List.of(
                row(1, "凉州区\u202E司公限有贸商", "30000", "东大街1号", "13800000001"),
                row(2, "凉州区金鑫\u0007商贸有限公司", "30000", "东大街2号", "13800000002"),
                row(3, "凉州区金鑫商贸有限公司", "30000", "东大街\u20663号", "13800000003"),
                row(4, "凉州区丰源商贸有限公司", "30000", "东大街\u007F4号", "13800000004"))));
        assertEquals(List.of("2:name", "3:name", "4:address", "5:address"), e.errors().stream()
                .map(x -> x.line() + ":" + x.field()).toList());
        for (InputError x : e.errors()) {
            assertTrue(x.message().contains("控制字符"), x::toString);
            assertFalse(x.value().contains("\u202E") || x.value().contains("\u0007"), "shown without the character");
        }
    }

    @Test
    void anOverLongValueGetsAShortMessageNotItselfEchoed() throws Exception {
        String huge = "名".repeat(100_000);
        BadInputException e = refused(file("long.csv", List.of(row(1, huge, "30000", huge, "1".repeat(5000)))));
        assertEquals(List.of("name", "address", "phone"), e.errors().stream().map(InputError::field).toList());
        int size = e.errors().stream().mapToInt(x -> x.toString().length()).sum();
        assertTrue(size < 600, "three errors in " + size + " characters");
        assertTrue(e.errors().get(0).message().contains("超过400字"), e.errors().get(0)::toString);
        assertTrue(e.errors().get(0).value().contains("100000"), "the length is said: " + e.errors().get(0));
    }

    @Test
    void textThatLooksLikeAFormulaIsAcceptedAsItIs() throws Exception {
        fx.imports.importFile(file("formula.csv", List.of(
                row(1, "=凉州区金鑫商贸有限公司", "30000", "-1号楼 东大街", "+86 931 2212345"),
                row(2, "@武威丰源", "30000", "+东关街2号", "=1+1"))), true);
        Unit a = fx.reads.find(Fixture.code("620602", 10_000_001)).orElseThrow();
        assertEquals("=凉州区金鑫商贸有限公司", a.name());
        assertEquals("+86 931 2212345", a.phone());
        assertEquals("-1号楼 东大街", a.address());
        assertEquals("=1+1", fx.reads.find(Fixture.code("620602", 10_000_002)).orElseThrow().phone());
    }

    @Test
    void aFloodOfBadRowsListsTwoHundredAndCountsTheRest() throws Exception {
        Path p = dir.resolve("flood.csv");
        int bad = 200_000; // about 30 MB
        try (BufferedWriter w = Files.newBufferedWriter(p, StandardCharsets.UTF_8)) {
            w.write(HEADER + "\n");
            for (int i = 0; i < bad; i++) {
                w.write(row(i, "凉州区第" + i + "号商贸有限公司凉州区第号商贸有限公司", "NaN", "凉州区东大街" + i + "号", "13800000000"));
                w.write('\n');
            }
        }
        assertTrue(Files.size(p) > 20_000_000, "a big file: " + Files.size(p));
        BadInputException e = refused(p);
        assertEquals(ErrorList.LISTED + 1, e.errors().size());
        assertEquals(2, e.errors().get(0).line());
        assertEquals(ErrorList.LISTED + 1, e.errors().get(ErrorList.LISTED - 1).line());
        InputError last = e.errors().get(ErrorList.LISTED);
        assertEquals(0, last.line());
        assertTrue(last.message().contains("另有 " + (bad - ErrorList.LISTED) + " 处错误未列出")
                && last.message().contains("共 " + bad + " 处"), last::toString);
        assertTrue(e.getMessage().contains(bad + " 处错误"), e.getMessage());
        int size = e.errors().stream().mapToInt(x -> x.toString().length()).sum();
        assertTrue(size < 40_000, "the answer is short: " + size + " characters");
    }

    @Test
    void formErrorsComeBeforeRowErrorsAndTheLineIsNotEchoedWhole() throws Exception {
        String longRow = row(2, "凉州区金鑫商贸有限公司", "30000", "东".repeat(10_000), "1") + ",extra";
        BadInputException e = refused(file("form.csv", List.of(row(1, "甲", "NaN", "东大街", "1"), longRow)));
        assertEquals(List.of(3, 2), e.errors().stream().map(InputError::line).toList());
        assertTrue(e.errors().get(0).message().contains("列数不符"));
        assertTrue(e.errors().get(0).value().length() < 80, e.errors().get(0)::toString);
    }

    @Test
    void errorListCapsAndCounts() {
        ErrorList form = new ErrorList();
        ErrorList rows = new ErrorList();
        form.add(new InputError(5, null, null, "列数不符"));
        for (int i = 0; i < 250; i++) {
            rows.add(new InputError(i + 2, "revenue", "x", "不是数字"));
        }
        assertEquals(250, rows.total());
        List<InputError> r = ErrorList.report(form, rows);
        assertEquals(201, r.size());
        assertEquals(5, r.get(0).line());
        assertTrue(r.get(200).message().contains("另有 51 处") && r.get(200).message().contains("共 251 处"));
        ErrorList few = new ErrorList();
        few.add(new InputError(2, "name", "", "单位名称为空"));
        assertEquals(1, ErrorList.report(new ErrorList(), few).size(), "no count entry when all are listed");
    }
}
