package org.statdesk.enforcement.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.statdesk.testing.RecordingJournal;
import org.statdesk.api.command.BadInputException;

class LedgerTest {
    Fakes.World w;
    Ledger ledger;

    @BeforeEach
    void setUp() throws Exception {
        w = new Fakes.World(new Fakes.TestRegister().populate(8, 0));
        ledger = w.ledger;
    }

    Ledger.Item add(String owner, String opened, String deadline) throws Exception {
        return ledger.add(new Ledger.NewItem("self_check", null, owner, "统计台账不全", null, LocalDate.parse(opened),
                deadline == null ? null : LocalDate.parse(deadline)));
    }

    @Test
    void overdueMeansOpenAfterTheDeadlineDay() throws Exception {
        Ledger.Item dueToday = add("620602", "2021-05-01", "2021-06-15");
        Ledger.Item dueYesterday = add("620621", "2021-05-01", "2021-06-14");
        Ledger.Item defaulted = add(Fakes.TestRegister.code(1), "2021-05-01", null); // unit in 民勤县 (index 1)
        assertEquals("2021-05-31", defaulted.deadline());
        assertEquals("620621", defaulted.countyCode());
        Ledger.LedgerView v = ledger.view(null, null, LocalDate.of(2021, 6, 15));
        // overdue first, longest overdue on top: defaulted (15 days), then dueYesterday (1 day)
        assertEquals(defaulted.id(), v.items().get(0).id());
        assertEquals(15L, v.items().get(0).daysOverdue());
        assertEquals(dueYesterday.id(), v.items().get(1).id());
        assertEquals(1L, v.items().get(1).daysOverdue());
        assertFalse(v.items().get(2).overdue());
        assertNull(v.items().get(2).daysOverdue());
        assertEquals(dueToday.id(), v.items().get(2).id());
        assertEquals(2, v.counties().get("620621").overdue());
        assertEquals(0, v.counties().get("620602").overdue());
        assertEquals(2, ledger.view(null, "overdue", LocalDate.of(2021, 6, 15)).items().size());
        assertEquals(1, ledger.view("620602", null, LocalDate.of(2021, 6, 15)).items().size());
    }

    @Test
    void closingNeedsEvidenceOnceAndNotBeforeOpening() throws Exception {
        Ledger.Item i = add("620622101", "2021-05-01", "2021-06-01"); // a township of 古浪县
        assertEquals("620622", i.countyCode());
        BadInputException noEvidence = assertThrows(BadInputException.class,
                () -> ledger.close(i.id(), " ", LocalDate.of(2021, 6, 10)));
        assertEquals("evidence", noEvidence.errors().get(0).field());
        BadInputException early = assertThrows(BadInputException.class,
                () -> ledger.close(i.id(), "整改报告", LocalDate.of(2021, 4, 30)));
        assertEquals("date", early.errors().get(0).field());
        assertEquals("open", ledger.item(i.id(), w.today).status());
        assertEquals(1, w.journal.entries("enf_item").size());

        Ledger.Item closed = ledger.close(i.id(), "补建台账照片及整改报告", LocalDate.of(2021, 6, 10));
        assertEquals("closed", closed.status());
        assertTrue(closed.closedLate()); // deadline was 2021-06-01
        assertFalse(closed.overdue()); // closed items are never overdue
        assertEquals("tester", closed.closedBy());
        BadInputException twice = assertThrows(BadInputException.class,
                () -> ledger.close(i.id(), "again", LocalDate.of(2021, 6, 11)));
        assertTrue(twice.errors().get(0).message().contains("不能重复销号"));
        RecordingJournal.Recorded last = w.journal.entries("enf_item").get(1);
        assertEquals("status", last.field());
        assertEquals("closed", last.newValue());
        assertTrue(last.reason().contains("补建台账照片"));

        Ledger.Item onTime = add("620602", "2021-05-01", "2021-06-30");
        ledger.close(onTime.id(), "已整改", LocalDate.of(2021, 6, 1));
        Ledger.LedgerView v = ledger.view(null, null, LocalDate.of(2021, 6, 15));
        assertEquals(2, v.total().closed());
        assertEquals(1.0, v.total().closedShare());
        assertFalse(ledger.item(onTime.id(), w.today).closedLate());
    }

    @Test
    void badItemsChangeNothing() throws Exception {
        BadInputException unknown = assertThrows(BadInputException.class, () -> add("91620600MA99999999", "2021-05-01",
                "2021-06-01"));
        assertEquals("owner", unknown.errors().get(0).field());
        assertThrows(BadInputException.class, () -> add("620502", "2021-05-01", "2021-06-01")); // 天水 is not Wuwei
        BadInputException backwards = assertThrows(BadInputException.class,
                () -> add("620602", "2021-05-01", "2021-04-01"));
        assertEquals("deadline", backwards.errors().get(0).field());
        assertThrows(BadInputException.class, () -> ledger.add(new Ledger.NewItem("rumour", null, "620602", "x", null,
                LocalDate.of(2021, 5, 1), null)));
        assertThrows(BadInputException.class, () -> ledger.view(null, "late", w.today));
        BadInputException future = assertThrows(BadInputException.class, () -> add("620602", "2021-06-16", null));
        assertEquals("date", future.errors().get(0).field());
        assertEquals(0, w.store.count("enf_item"));
        assertEquals(0, w.journal.entries("enf_item").size());
    }
}
