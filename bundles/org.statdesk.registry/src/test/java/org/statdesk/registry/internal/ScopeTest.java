package org.statdesk.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statdesk.api.command.BadInputException;
import org.statdesk.api.command.NotPermittedException;
import org.statdesk.api.people.Person;
import org.statdesk.api.registry.Unit;
import org.statdesk.api.registry.UnitQuery;
import org.statdesk.testing.FakePeople;

/**
 * Scope and separation of duties in the register's services: a county user reads and changes their county's units
 * only, a section user their specialty's; outside is "not permitted", never "unknown unit"; the two checks of one
 * application are two people's.
 */
class ScopeTest {
    /** 凉州区 (620602) trade units; 民勤县 (620621) an industrial one. */
    static final String LZ1 = Fixture.code("620602", 30000001);
    static final String LZ2 = Fixture.code("620602", 30000002);
    static final String MQ1 = Fixture.code("620621", 30000003);
    static final String[] ALL = {"registry.import", "registry.apply", "registry.check.county", "registry.change",
        "registry.exit", "registry.statistician", "registry.training", "registry.reject",
        "registry.check.specialty"};
    static final Person CENSUS = new Person("pucha", "普查科王芳", Person.CENSUS, null, null);
    static final Person LIANGZHOU = new Person("liangzhou", "凉州区李伟", Person.COUNTY, "620602", null);
    static final Person TRADE = new Person("maoyi", "贸易科刘洋", Person.SECTION, null, "trade");

    @TempDir
    Path dir;
    FakePeople people;
    Fixture fx;

    @BeforeEach
    void setUp() throws Exception {
        people = FakePeople.as(CENSUS, ALL);
        fx = Fixture.signedIn(people);
        Path p = dir.resolve("units.csv");
        Files.writeString(p, String.join("\n", RegistryTest.HEADER,
                LZ1 + ",凉州区金鑫商贸有限公司,620602001,F5111,30000,,凉州区东大街12号,李明,13800000001,",
                LZ2 + ",凉州区丰源百货有限公司,620602002,F5211,40000,,凉州区西大街1号,王芳,13800000002,",
                MQ1 + ",民勤县沙井子机械制造有限公司,620621100,C3511,50000,,民勤县三雷镇工业园,钱进,13800000004,") + "\n",
                StandardCharsets.UTF_8);
        fx.imports.importFile(p, true);
    }

    @AfterEach
    void tearDown() throws Exception {
        fx.store.close();
    }

    private Map<String, String> application(String code, String division, String industry) {
        Map<String, String> f = new HashMap<>();
        f.put("credit_code", code);
        f.put("name", "新申请单位" + code.substring(10, 14) + "有限公司");
        f.put("division_code", division);
        f.put("industry_code", industry);
        f.put("revenue", "30000");
        f.put("address", "新地址" + code.substring(12));
        return f;
    }

    private String status(String code) throws Exception {
        people.become(CENSUS, ALL);
        return fx.reads.target(code).unit().status();
    }

    @Test
    void aCountyUserListsAndShowsItsCountyOnly() throws Exception {
        assertEquals(3, fx.reads.list(UnitQuery.all()).size(), "census sees every county");
        people.become(LIANGZHOU, ALL);
        assertEquals(List.of(LZ1, LZ2), fx.reads.list(UnitQuery.all()).stream().map(Unit::creditCode).toList());
        assertEquals(List.of(), fx.reads.list(new UnitQuery("620621", null, null, null, null)));
        assertTrue(fx.reads.find(MQ1).isEmpty(), "another county's unit is not found by the API");
        assertEquals(MQ1, fx.reads.whole().find(MQ1).orElseThrow().creditCode(), "the whole register has it");
        assertEquals(3, fx.reads.whole().list(UnitQuery.all()).size());
        NotPermittedException e = assertThrows(NotPermittedException.class, () -> fx.reads.applications(MQ1));
        assertEquals("scope", e.permission());
        assertTrue(e.getMessage().contains("county 620602"), e.getMessage());
    }

    @Test
    void aSectionUserSeesItsSpecialtyInEveryCounty() throws Exception {
        people.become(TRADE, ALL);
        assertEquals(List.of(LZ1, LZ2), fx.reads.list(UnitQuery.all()).stream().map(Unit::creditCode).toList());
        assertThrows(NotPermittedException.class, () -> fx.reads.target(MQ1));
    }

    @Test
    void aCountyUserActsOnItsCountyOnlyAndNothingChangesOutside() throws Exception {
        people.become(LIANGZHOU, ALL);
        fx.lifecycle.change(LZ1, Map.of("phone", "13900000009"), "电话变更");
        assertThrows(NotPermittedException.class, () -> fx.lifecycle.change(MQ1, Map.of("phone", "1390000"), "x"));
        assertThrows(NotPermittedException.class, () -> fx.lifecycle.exit(MQ1, "closed", "2025-01-01", "关闭"));
        assertThrows(NotPermittedException.class, () -> fx.lifecycle.reject(MQ1, "退回"));
        assertThrows(NotPermittedException.class, () -> fx.staff.changeStatistician(MQ1, "新人", null, "2025-01-01",
                "台账已移交", "离职"));
        assertThrows(NotPermittedException.class, () -> fx.staff.addTraining("钱进", null, "620621", "2025-03-01",
                "培训", 2.0));
        // a unit is not moved out of one's county
        assertThrows(NotPermittedException.class, () -> fx.lifecycle.change(LZ2, Map.of("division", "620621100"),
                "迁址"));
        assertThrows(NotPermittedException.class, () -> fx.lifecycle.apply(application(Fixture.code("620621",
                30000010), "620621100", "C3511"), "申请"));
        assertEquals("in_register", status(MQ1));
        people.become(CENSUS, ALL);
        assertEquals("13800000004", fx.reads.target(MQ1).unit().phone());
        assertEquals("620602", fx.reads.target(LZ2).unit().countyCode());
        assertEquals(3, fx.reads.list(UnitQuery.all()).size(), "no application was added");
    }

    @Test
    void aCountyUsersImportOfAnotherCountysRowIsALineNumberedError() throws Exception {
        people.become(LIANGZHOU, ALL);
        Path p = dir.resolve("mixed.csv");
        Files.writeString(p, String.join("\n", RegistryTest.HEADER,
                Fixture.code("620602", 30000020) + ",凉州区新开商贸有限公司,620602003,F5111,30000,,凉州区北大街2号,张三,"
                        + "13800000010,",
                Fixture.code("620621", 30000021) + ",民勤县新开机械有限公司,620621100,C3511,30000,,民勤县薛百镇,李四,"
                        + "13800000011,") + "\n", StandardCharsets.UTF_8);
        BadInputException e = assertThrows(BadInputException.class, () -> fx.imports.importFile(p, false));
        assertEquals(1, e.errors().size(), e.errors().toString());
        assertEquals(3, e.errors().get(0).line());
        assertEquals("division_code", e.errors().get(0).field());
        people.become(CENSUS, ALL);
        assertEquals(3, fx.reads.list(UnitQuery.all()).size(), "nothing imported");
    }

    @Test
    void theTwoChecksOfOneApplicationAreTwoPeoples() throws Exception {
        String code = Fixture.code("620602", 30000030);
        people.become(LIANGZHOU, ALL);
        fx.lifecycle.apply(application(code, "620602003", "F5111"), "新开业企业申请入库");
        fx.lifecycle.approve(code, "县级核查通过");
        // the same person (were they to hold the specialty check too) may not pass the second check
        NotPermittedException same = assertThrows(NotPermittedException.class,
                () -> fx.lifecycle.approve(code, "专业核查通过"));
        assertEquals("registry.check.specialty", same.permission());
        assertTrue(same.getMessage().contains("双人审核"), same.getMessage());
        assertEquals("county_checked", status(code));
        // a section user of another specialty may not either; of this one, they may
        people.become(new Person("gongye", "工业科张敏", Person.SECTION, null, "industrial"), ALL);
        assertThrows(NotPermittedException.class, () -> fx.lifecycle.approve(code, "专业核查通过"));
        people.become(TRADE, ALL);
        assertEquals("in_register", fx.lifecycle.approve(code, "专业核查通过").unit().status());
    }

    @Test
    void aSingleWorkstationDoesBothChecks() throws Exception {
        Fixture alone = Fixture.memory();
        try {
            String code = Fixture.code("620602", 30000040);
            alone.lifecycle.apply(application(code, "620602003", "F5111"), "申请");
            alone.lifecycle.approve(code, "县级核查通过");
            assertEquals("in_register", alone.lifecycle.approve(code, "专业核查通过").unit().status());
        } finally {
            alone.store.close();
        }
    }

    @Test
    void coverageAndFindingsStayWithinTheCounty() throws Exception {
        people.become(LIANGZHOU, ALL);
        assertEquals(List.of("620602"), fx.staff.coverage(2025, null).stream().map(Staff.Coverage::countyCode).toList());
        assertTrue(fx.reads.findings(null, null, false).stream().allMatch(f -> f.creditCode().startsWith("91620602")));
    }
}
