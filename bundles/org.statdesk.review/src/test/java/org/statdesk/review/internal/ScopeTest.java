package org.statdesk.review.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.statdesk.api.command.BadInputException;
import org.statdesk.api.command.InputError;
import org.statdesk.api.command.NotPermittedException;
import org.statdesk.api.people.Person;
import org.statdesk.api.registry.Unit;
import org.statdesk.api.review.Comparison;
import org.statdesk.api.review.Flag;
import org.statdesk.audit.internal.JournalImpl;
import org.statdesk.audit.internal.TableInfo;
import org.statdesk.review.internal.aggregates.Aggregates;
import org.statdesk.review.internal.compare.ComparisonsImpl;
import org.statdesk.review.internal.rates.ReportingRates;
import org.statdesk.review.internal.tables.ReviewSchema;
import org.statdesk.testing.FakePeople;
import org.statdesk.testing.ListRegister;
import org.statdesk.testing.MemoryStore;

/**
 * Scope and separation of duties in the review's services: a county user reads and changes its county's reports
 * and flags only, a section user its specialty's; each flag action and status step its own permission; the release
 * of a period never by the person who evaluated it.
 */
class ScopeTest {
    static final String P = "2024-06";
    static final String LZ = "620602";
    static final String[] ALL = {"review.import", "review.flag.explain", "review.flag.correct", "review.flag.confirm",
        "review.flag.close", "review.status.reviewed", "review.status.evaluated", "review.status.released"};
    static final Person CENSUS = new Person("pucha", "普查科王芳", Person.CENSUS, null, null);
    static final Person LIANGZHOU = FakePeople.county("liangzhou", LZ);
    static final Person INDUSTRY = FakePeople.section("gongye", "industrial");
    static final Person LEADER = new Person("lingdao", "局长", Person.LEADER, null, null);
    private Synth synth;
    private FakePeople people;
    private Rooms rooms;
    private Map<String, Unit> units;

    @BeforeEach
    void setUp() throws Exception {
        synth = new Synth(80, P, 14, 11, 2);
        synth.plant(P, 2);
        units = synth.units.stream().collect(Collectors.toMap(Unit::creditCode, Function.identity()));
        people = FakePeople.as(CENSUS, ALL);
        MemoryStore store = MemoryStore.withOwnMigrations().migrate("org.statdesk.audit");
        // the real journal, naming the signed-in person as the people bundle does: separation of duties reads it
        JournalImpl journal = new JournalImpl(store, people::journalUser);
        AuditTrailTest.all().forEach(t -> journal.addTable(TableInfo.of(t, ReviewSchema.BUNDLE)));
        ListRegister register = new ListRegister(synth.units).division(LZ, "凉州区").division("620621", "民勤县");
        rooms = new Rooms(store, journal, register, Settings.defaults(), people)
                .with(TestForms.industrial());
        rooms.imports.importReports(csv(synth.periods), null, LocalDate.of(2024, 7, 3));
    }

    private byte[] csv(List<String> periods) throws Exception {
        StringWriter w = new StringWriter();
        synth.writeLong(w, periods);
        return w.toString().getBytes(StandardCharsets.UTF_8);
    }

    private String county(String code) {
        return units.get(code).countyCode();
    }

    @Test
    void aCountyUserSeesItsCountysFlagsFiguresComparisonsRatesAndTotalsOnly() throws Exception {
        List<Flag> every = rooms.runs.run(P, "industrial");
        assertTrue(every.stream().anyMatch(f -> !county(f.creditCode()).equals(LZ)), "both counties are flagged");
        people.become(LIANGZHOU, ALL);
        List<Flag> mine = rooms.service.flags(P, null);
        assertFalse(mine.isEmpty());
        assertTrue(mine.stream().allMatch(f -> county(f.creditCode()).equals(LZ)));
        assertEquals(every.stream().filter(f -> county(f.creditCode()).equals(LZ)).count(), mine.size());
        assertTrue(rooms.service.values(P, "output_value").keySet().stream().allMatch(c -> county(c).equals(LZ)));
        List<Comparison> cs = ComparisonsImpl.of(rooms.runs, rooms.forms, rooms.flags, rooms.schema.store(),
                rooms.scope, null).comparisons(P, "output_value", "industrial");
        assertFalse(cs.isEmpty());
        assertTrue(cs.stream().allMatch(c -> LZ.equals(c.county())));
        assertEquals(List.of(LZ), rooms.rates.rateRows(P, "industrial").stream().map(ReportingRates.RateRow::county)
                .distinct().toList());
        assertEquals(List.of(LZ), rooms.aggregates.aggregate(P, "industrial").get(0).totals().stream()
                .map(Aggregates.Total::area).distinct().toList());
        String other = synth.units.stream().filter(u -> !u.countyCode().equals(LZ)).findFirst().orElseThrow()
                .creditCode();
        assertThrows(NotPermittedException.class, () -> rooms.service.series(other, "output_value", "2024-01", P));
        people.become(INDUSTRY, ALL);
        assertEquals(every.size(), rooms.service.flags(P, null).size(), "the section sees its specialty whole");
        people.become(FakePeople.section("maoyi", "trade"), ALL);
        assertTrue(rooms.service.flags(P, null).isEmpty());
        assertTrue(rooms.aggregates.aggregate(P, "industrial").isEmpty());
    }

    @Test
    void aCountyUsersImportOfAnotherCountysRowIsALineNumberedErrorAndNothingIsImported() throws Exception {
        Map<String, Double> before = rooms.service.values(P, "output_value");
        people.become(LIANGZHOU, ALL);
        BadInputException e = assertThrows(BadInputException.class, () -> rooms.imports.importReports(
                csv(List.of(P)), "重报", LocalDate.of(2024, 7, 4)));
        assertFalse(e.errors().isEmpty());
        for (InputError err : e.errors()) {
            if (err.line() == 0) {
                continue; // the count of errors not listed
            }
            assertTrue(err.line() > 1, err.toString());
            assertEquals("credit_code", err.field());
            assertTrue(err.message().contains("不是本县区"), err.message());
            assertFalse(county(err.value()).equals(LZ), err.toString());
        }
        // a unit not in the register: its county from the credit code's registration authority
        String stranger = Synth.creditCode("620621", 999_999);
        BadInputException s = assertThrows(BadInputException.class, () -> rooms.imports.importReports(
                ("credit_code,period,indicator,value\n" + stranger + "," + P + ",output_value,5\n")
                        .getBytes(StandardCharsets.UTF_8), null, LocalDate.of(2024, 7, 4)));
        assertEquals(2, s.errors().get(0).line());
        assertTrue(s.errors().get(0).message().contains("620621"), s.errors().get(0).message());
        people.become(CENSUS, ALL);
        assertEquals(before, rooms.service.values(P, "output_value"), "nothing imported");
        people.become(FakePeople.section("maoyi", "trade"), ALL);
        BadInputException t = assertThrows(BadInputException.class, () -> rooms.imports.importReports(
                csv(List.of(P)), "重报", LocalDate.of(2024, 7, 4)));
        assertTrue(t.errors().get(0).message().contains("不是本专业"), t.errors().get(0).message());
    }

    @Test
    void eachFlagActionNeedsItsPermissionWithinTheScope() throws Exception {
        rooms.runs.run(P, "industrial");
        people.become(LIANGZHOU, "review.flag.explain", "review.flag.correct");
        Flag mine = rooms.service.flags(P, null).get(0);
        NotPermittedException confirm = assertThrows(NotPermittedException.class,
                () -> rooms.service.resolve(mine.id(), "confirm", null, null, null));
        assertEquals("review.flag.confirm", confirm.permission());
        assertEquals("explained", rooms.service.resolve(mine.id(), "explain", "企业新增订单", null, null).status());
        people.become(CENSUS, ALL);
        Flag theirs = rooms.service.flags(P, null).stream().filter(f -> !county(f.creditCode()).equals(LZ))
                .filter(f -> f.status().equals("open")).findFirst().orElseThrow();
        people.become(LIANGZHOU, "review.flag.explain", "review.flag.correct");
        NotPermittedException out = assertThrows(NotPermittedException.class,
                () -> rooms.service.resolve(theirs.id(), "explain", "说明", null, null));
        assertEquals("scope", out.permission());
        people.become(CENSUS, ALL);
        assertEquals("open", rooms.service.flags(P, null).stream().filter(f -> f.id() == theirs.id()).findFirst()
                .orElseThrow().status(), "nothing changed");
    }

    @Test
    void aCountysRunStoresItsCountysFlagsOnly() throws Exception {
        people.become(LIANGZHOU, ALL);
        assertFalse(rooms.runs.run(P, null).isEmpty());
        people.become(CENSUS, ALL);
        List<Flag> stored = rooms.service.flags(P, null);
        assertTrue(stored.stream().allMatch(f -> county(f.creditCode()).equals(LZ)), "no other county's flag");
        assertTrue(rooms.runs.run(P, null).size() > stored.size(), "the city's run stores every county's");
        people.become(INDUSTRY, ALL);
        assertThrows(NotPermittedException.class, () -> rooms.runs.run(P, "trade"));
    }

    @Test
    void aPeriodStepNeedsItsPermissionAndTheEvaluatorNeverReleases() throws Exception {
        rooms.runs.run(P, "industrial");
        people.become(LIANGZHOU, "review.flag.explain");
        NotPermittedException county = assertThrows(NotPermittedException.class,
                () -> rooms.statuses.advance(P, "industrial", "reviewed", null));
        assertEquals("review.status.reviewed", county.permission());
        people.become(INDUSTRY, "review.flag.confirm", "review.status.reviewed", "review.status.evaluated",
                "review.status.released");
        for (Flag f : rooms.service.flags(P, null)) {
            if (f.status().equals("open")) {
                rooms.service.resolve(f.id(), "confirm", null, null, null);
            }
        }
        rooms.statuses.advance(P, "industrial", "reviewed", null);
        rooms.statuses.advance(P, "industrial", "evaluated", "增速合理");
        NotPermittedException self = assertThrows(NotPermittedException.class,
                () -> rooms.statuses.advance(P, "industrial", "released", null));
        assertEquals("review.status.released", self.permission());
        assertTrue(self.getMessage().contains("不相容职务分离"), self.getMessage());
        assertEquals("evaluated", rooms.statuses.status(P, "industrial").status());
        people.become(LEADER, "review.status.released");
        assertEquals("released", rooms.statuses.advance(P, "industrial", "released", null).status());
    }
}
