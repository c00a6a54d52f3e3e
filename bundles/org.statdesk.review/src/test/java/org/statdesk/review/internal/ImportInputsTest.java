package org.statdesk.review.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.statdesk.api.command.BadInputException;
import org.statdesk.api.command.InputError;
import org.statdesk.review.internal.imports.ErrorList;
import org.statdesk.testing.ListRegister;
import org.statdesk.testing.MemoryStore;
import org.statdesk.testing.RecordingJournal;

/** review:import refuses every figure, period, day of filing and JSON that would let a wrong figure in silently. */
class ImportInputsTest {
    private Rooms rooms;
    private String a;

    @BeforeEach
    void setUp() throws Exception {
        Synth synth = new Synth(5, "2024-06", 2, 3, 1);
        rooms = new Rooms(MemoryStore.withOwnMigrations(), RecordingJournal.inMemory(),
                new ListRegister(synth.units), Settings.defaults()).with(TestForms.industrial());
        a = synth.units.get(0).creditCode();
    }

    private List<InputError> refused(String file) {
        BadInputException e = assertThrows(BadInputException.class, () -> rooms.imports.importReports(
                file.getBytes(StandardCharsets.UTF_8), null, LocalDate.of(2024, 7, 3)));
        assertTrue(rooms.service.values("2024-06", "output_value").isEmpty(), "nothing imported");
        assertTrue(rooms.service.values("2024-06", "employees").isEmpty(), "nothing imported");
        return e.errors();
    }

    @Test
    void figuresThatAreNoPlainNumberOrOutOfRangeOrAFractionOfAPersonAreRefusedByLine() throws Exception {
        List<String> bad = List.of("NaN", "Infinity", "-Infinity", "0x1p3", "12f", "7d", "1e308", "1e-400", "1,5",
                "1,,,2", "１２");
        StringBuilder csv = new StringBuilder("credit_code,period,indicator,value\n");
        for (String v : bad) {
            csv.append(a).append(",2024-06,output_value,\"").append(v).append("\"\n");
        }
        csv.append(a).append(",2024-06,employees,12.5\n");
        csv.append(a).append(",2024-06,sales_value,95.5\n"); // a good line among them changes nothing either
        List<InputError> e = refused(csv.toString());
        assertEquals(bad.size() + 1, e.size(), e.toString());
        for (int i = 0; i < bad.size(); i++) {
            assertEquals(i + 2, e.get(i).line(), e.get(i).toString());
            assertEquals(bad.get(i), e.get(i).value());
        }
        assertEquals("不是数字", e.get(0).message());
        assertTrue(e.get(6).message().contains("范围"), e.get(6).message());
        assertTrue(e.get(7).message().contains("underflow"), e.get(7).message());
        InputError persons = e.get(bad.size());
        assertEquals(bad.size() + 2, persons.line());
        assertEquals("employees", persons.field());
        assertTrue(persons.message().contains("整数"), persons.message());
        // a whole head count written as a spreadsheet writes it is a head count
        rooms.imports.importReports(("credit_code,period,indicator,value\n" + a + ",2024-06,employees,12.0\n")
                .getBytes(StandardCharsets.UTF_8), null, LocalDate.of(2024, 7, 3));
        assertEquals(12.0, rooms.service.values("2024-06", "employees").get(a));
    }

    @Test
    void periodsOutsideTwoThousandToNextMonthAndImpossibleDaysOfFilingAreRefused() {
        String nextButOne = YearMonth.now().plusMonths(2).toString();
        String future = LocalDate.now().plusDays(3).toString();
        String csv = "credit_code,period,indicator,value,reported_on\n"
                + a + "," + nextButOne + ",output_value,1,\n"
                + a + ",1999-12,output_value,1,2000-01-05\n"
                + a + ",2024-06,output_value,1,2024-06-20\n"
                + a + ",2024-05,output_value,1," + future + "\n"
                + a + ",2024-04,output_value,1,2024-13-01\n";
        List<InputError> e = refused(csv);
        assertEquals(5, e.size(), e.toString());
        assertEquals(new InputError(2, "period", nextButOne, e.get(0).message()), e.get(0));
        assertTrue(e.get(0).message().contains("下月"), e.get(0).message());
        assertEquals("period", e.get(1).field());
        assertEquals("1999-12", e.get(1).value());
        assertEquals(new InputError(4, "reported_on", "2024-06-20", e.get(2).message()), e.get(2));
        assertTrue(e.get(2).message().contains("before period 2024-06 ended"), e.get(2).message());
        assertEquals(5, e.get(3).line());
        assertTrue(e.get(3).message().contains("future"), e.get(3).message());
        assertEquals("上报日期应为 YYYY-MM-DD", e.get(4).message());
        // the day given for the whole file is judged as a row's: a June report cannot have been filed in June
        BadInputException d = assertThrows(BadInputException.class, () -> rooms.imports.importReports(
                ("credit_code,period,indicator,value\n" + a + ",2024-06,output_value,1\n")
                        .getBytes(StandardCharsets.UTF_8), null, LocalDate.of(2024, 6, 30)));
        assertEquals("reported_on", d.errors().get(0).field());
    }

    @Test
    void jsonWithAKeyTwiceOrAnythingAfterTheArrayIsRefused() {
        String twice = "[\n{\"credit_code\": \"" + a + "\", \"period\": \"2024-06\",\n \"indicator\": \"output_value\","
                + " \"value\": 1, \"value\": 1000}\n]";
        List<InputError> e = refused(twice);
        assertEquals(1, e.size(), e.toString());
        assertEquals(3, e.get(0).line());
        assertTrue(e.get(0).message().contains("Duplicate field 'value'"), e.get(0).message());
        String trailing = "[{\"credit_code\": \"" + a + "\", \"period\": \"2024-06\", \"indicator\": \"output_value\","
                + " \"value\": 1}]\n[{\"credit_code\": \"" + a + "\", \"period\": \"2024-06\", \"indicator\": "
                + "\"sales_value\", \"value\": 2}]";
        List<InputError> t = refused(trailing);
        assertEquals(1, t.size(), t.toString());
        assertEquals(2, t.get(0).line());
        assertTrue(t.get(0).message().contains("之后还有内容"), t.get(0).message());
    }

    @Test
    void aFileOfBadRowsListsTwoHundredErrorsAndCountsTheRest() {
        StringBuilder csv = new StringBuilder("credit_code,period,indicator,value\n");
        for (int i = 0; i < 1000; i++) {
            csv.append(a).append(",2024-06,output_value,x").append(i).append('\n');
        }
        BadInputException e = assertThrows(BadInputException.class, () -> rooms.imports.importReports(
                csv.toString().getBytes(StandardCharsets.UTF_8), null, LocalDate.of(2024, 7, 3)));
        assertEquals(ErrorList.LISTED + 1, e.errors().size());
        assertEquals(ErrorList.LISTED + 1, e.errors().get(ErrorList.LISTED - 1).line());
        assertEquals("另有 800 处错误未列出（共 1000 处）", e.errors().get(ErrorList.LISTED).message());
        assertTrue(e.getMessage().startsWith("1000 error(s)"), e.getMessage());
        // rows that do not read (a cell missing) are counted the same way
        StringBuilder ragged = new StringBuilder("credit_code,period,indicator,value\n");
        for (int i = 0; i < 300; i++) {
            ragged.append(a).append(",2024-06,output_value\n");
        }
        BadInputException r = assertThrows(BadInputException.class, () -> rooms.imports.importReports(
                ragged.toString().getBytes(StandardCharsets.UTF_8), null, LocalDate.of(2024, 7, 3)));
        assertEquals(ErrorList.LISTED + 1, r.errors().size());
        assertTrue(r.errors().get(ErrorList.LISTED).message().contains("另有 100 处"));
    }

    @Test
    void aLongValueIsShownShortInItsError() {
        String huge = "9".repeat(100_000);
        List<InputError> e = refused("credit_code,period,indicator,value\n" + a + ",2024-06,output_value," + huge
                + "\n");
        assertEquals(1, e.size());
        assertTrue(e.get(0).value().length() < 80, e.get(0).value().length() + " characters");
        assertTrue(e.get(0).message().length() < 200, e.get(0).message());
    }
}
