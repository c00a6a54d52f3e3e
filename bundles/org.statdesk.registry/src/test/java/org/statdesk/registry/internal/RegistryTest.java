package org.statdesk.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statdesk.api.audit.Journal;
import org.statdesk.api.command.BadInputException;
import org.statdesk.api.command.InputError;
import org.statdesk.api.registry.Unit;
import org.statdesk.api.registry.UnitQuery;
import org.statdesk.audit.internal.Verifier;

class RegistryTest {
    static final String HEADER = "credit_code,name,division_code,industry_code,revenue,qualification,address,statistician,phone,scale";
    static final String A = Fixture.code("620602", 10000001);
    static final String B = Fixture.code("620602", 10000002);
    static final String C = Fixture.code("620602", 10000003);
    static final String D = Fixture.code("620602", 10000004);
    static final String E = Fixture.code("620602", 10000005);
    static final String F = Fixture.code("620602", 10000006);
    static final String ORG_BAD = "91110000600037342P";

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

    /** Lines 2-9 of a good file: one row per planted finding, and clean ones. */
    static String goodFile() {
        return String.join("\n", HEADER,
                A + ",武威市凉州区金鑫商贸有限公司,620602001,F5111,30000,,凉州区东大街12号,李明,13800000001,",
                B + ",凉州区丰源超市有限公司,620602002,F5211,4999.999,,凉州区西大街1号,王芳,13800000002,above",
                C + ",凉州区惠民便利店,620602003,5211,100,,凉州区东关街3号,赵强,13800000003,below",
                A + ",民勤县金鑫商贸公司,620621100,F5111,25000,,民勤县三雷镇,钱进,13800000004,",
                D + ",金鑫商贸有限责任公司,620602004,F5111,21000,,凉州区东大街12号,孙丽,13800000005,",
                ORG_BAD + ",凉州区天马宾馆有限公司,620602001,H6110,2000,,凉州区东大街30号,周红,13800000006,",
                E + ",凉州区宏远建筑工程有限公司,620602002,E4710,90000,,凉州区西大街9号,吴刚,13800000007,",
                F + ",凉州区鼎新房地产开发有限公司,620602003,K7010,0,,凉州区东关街8号,郑伟,13800000008,") + "\n";
    }

    Path write(String name, String text, Charset cs) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, text.getBytes(cs));
        return p;
    }

    long count(String sql) throws Exception {
        try (Connection c = fx.store.connection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    Verifier.Result verify() throws Exception {
        try (Connection c = fx.store.connection()) {
            return Verifier.verify(c, fx.tables());
        }
    }

    String problems() {
        try {
            return verify().problems().toString();
        } catch (Exception e) {
            return e.toString();
        }
    }

    @Test
    void badRowsAreAllReportedAndNothingIsWritten() throws Exception {
        String bad = String.join("\n", HEADER,
                A + ",好单位,620602001,F5111,30000,,,,,",
                A.substring(0, 17) + (A.charAt(17) == '0' ? '1' : '0') + ",校验位错,620602001,F5111,30000,,,,,",
                "91620602I0000001X1,禁用字母,620602001,F5111,30000,,,,,",
                B + ",未知乡镇,620602999,F5111,30000,,,,,",
                C + ",县级代码,620602,F5111,30000,,,,,",
                D + ",大类代码,620602001,C13,30000,,,,,",
                E + ",农业,620602001,A0111,30000,,,,,",
                F + ",收入不是数,620602001,F5111,三万,,,,,",
                F + ",规模写错,620602001,F5111,30000,,,,,big",
                F + ",,620602001,F5111,30000,,,,,") + "\n";
        BadInputException e = assertThrows(BadInputException.class,
                () -> fx.imports.importFile(write("bad.csv", bad, StandardCharsets.UTF_8), true));
        List<String> got = e.errors().stream().map(x -> x.line() + ":" + x.field()).toList();
        assertEquals(List.of("3:credit_code", "4:credit_code", "5:division_code", "6:division_code",
                "7:industry_code", "8:industry_code", "9:revenue", "10:scale", "11:name"), got);
        InputError c13 = e.errors().get(4);
        assertEquals("C13", c13.value());
        assertTrue(c13.message().contains("大类"), c13.message());
        assertTrue(e.errors().get(0).message().contains("校验位"));
        assertTrue(e.errors().get(1).message().contains("第9位"));
        assertEquals(0, count("SELECT COUNT(*) FROM reg_unit"));
        assertEquals(0, count("SELECT COUNT(*) FROM aud_journal"));
    }

    @Test
    void headerProblemsAreLineOne() throws Exception {
        BadInputException e = assertThrows(BadInputException.class, () -> fx.imports.importFile(
                write("h.csv", "credit_code,name,division_code,industry_code,revenue,remark\n", StandardCharsets.UTF_8),
                false));
        assertTrue(e.errors().stream().allMatch(x -> x.line() == 1));
        assertTrue(e.errors().stream().anyMatch(x -> "remark".equals(x.field())));
        assertTrue(e.errors().stream().anyMatch(x -> "address".equals(x.field())));
    }

    @Test
    void importFindsPlantedFindingsAndAdmitsTheRest() throws Exception {
        Imports.ImportResult r = fx.imports.importFile(write("good.csv", goodFile(), StandardCharsets.UTF_8), true);
        assertEquals(8, r.imported());
        Map<String, List<String>> byCode = new HashMap<>();
        r.findings().forEach(f -> byCode.computeIfAbsent(f.creditCode() + ":" + f.check(), k -> new java.util.ArrayList<>())
                .add(f.severity()));
        assertEquals(List.of("error"), byCode.get(B + ":below_threshold"));
        assertEquals(List.of("error"), byCode.get(A + ":duplicate_code"));
        assertEquals(List.of("warning"), byCode.get(ORG_BAD + ":org_code_check"));
        assertEquals(List.of("error"), byCode.get(E + ":below_threshold"), "construction without qualification");
        assertTrue(byCode.containsKey(D + ":possible_duplicate"));
        assertNull(byCode.get(C + ":below_threshold"), "a below sample unit has no threshold");
        assertNull(byCode.get(F + ":below_threshold"), "real estate development is always in");
        // B, E and the second A are blocked; the other five are in the register
        assertEquals(5, r.admitted());
        assertEquals(3, r.applied());
        String dup = r.findings().stream().filter(f -> f.check().equals("duplicate_code")).findFirst().orElseThrow()
                .message();
        assertTrue(dup.contains("已在名录库中") || dup.contains("其他县区"), dup);
        List<Unit> in = fx.reads.list(UnitQuery.inRegister());
        assertEquals(5, in.size());
        assertEquals("trade", fx.reads.find(A).orElseThrow().specialty());
        assertEquals("C5211".replace("C", "F"), fx.reads.find(C).orElseThrow().industryCode());
        assertEquals(2, fx.reads.applications(A).size());
        assertTrue(verify().ok(), this::problems);
        assertEquals(8 + r.findings().size(), count("SELECT COUNT(*) FROM aud_journal"));
    }

    @Test
    void gbkAndBomFilesAreRead() throws Exception {
        Imports.ImportResult g = fx.imports.importFile(write("gbk.csv", goodFile(), Charset.forName("GBK")), false);
        assertEquals("GBK", g.encoding());
        assertEquals("武威市凉州区金鑫商贸有限公司", fx.reads.find(A).orElseThrow().name());
        Fixture other = Fixture.memory();
        try {
            Imports.ImportResult b = other.imports.importFile(write("bom.csv", "\uFEFF" + goodFile(),
                    StandardCharsets.UTF_8), false);
            assertEquals("UTF-8", b.encoding());
            assertEquals(8, b.imported());
        } finally {
            other.store.close();
        }
    }

    @Test
    void lifecycleThroughTheService() throws Exception {
        fx.imports.importFile(write("good.csv", goodFile(), StandardCharsets.UTF_8), false);
        // county check of A passes; B is blocked by below_threshold until it enters as a below sample unit
        assertEquals("county_checked", fx.lifecycle.approve(A, "县级核查：营业执照、主营业务属实").unit().status());
        assertThrows(BadInputException.class, () -> fx.lifecycle.approve(A, " "), "a reason is required");
        Lifecycle.Blocked blocked = assertThrows(Lifecycle.Blocked.class, () -> fx.lifecycle.approve(B, "核查"));
        assertEquals("below_threshold", blocked.findings().get(0).check());
        Application b = fx.lifecycle.change(B, Map.of("scale", "below"), "未达限额，作为四下样本单位");
        assertEquals("below", b.unit().scale());
        assertTrue(fx.reads.findings(b.appId(), "below_threshold", true).isEmpty(), "resolved by the change");
        fx.lifecycle.approve(B, "县级核查通过");
        assertEquals(Unit.IN_REGISTER, fx.lifecycle.approve(B, "专业核查：四下样本").unit().status());
        assertEquals(Unit.IN_REGISTER, fx.lifecycle.approve(A, "专业核查：达到限额").unit().status());
        // the second application of A (another county) is rejected and keeps its reason
        Application second = fx.lifecycle.reject(A + "/2", "与凉州区重复申请，同一单位");
        assertEquals("rejected", second.unit().status());
        assertEquals("与凉州区重复申请，同一单位", second.statusReason());
        // a change of the industry moves the unit to another specialty and is journaled field by field
        fx.lifecycle.change(A, Map.of("industry", "H6210", "name", "凉州区金鑫餐饮有限公司"), "主营业务变更为餐饮");
        assertEquals("trade", fx.reads.find(A).orElseThrow().specialty());
        List<Journal.Entry> h = fx.reads.history(A);
        assertTrue(h.stream().anyMatch(e -> "industry_code".equals(e.field()) && "F5111".equals(e.oldValue())
                && "H6210".equals(e.newValue()) && "主营业务变更为餐饮".equals(e.reason()) && "zhang.san".equals(e.user())));
        assertTrue(h.stream().anyMatch(e -> (A + "/2").equals(e.key()) && "rejected".equals(e.newValue())));
        Application gone = fx.lifecycle.exit(A, "closed", "2025-03-31", "企业注销");
        assertEquals("exited", gone.unit().status());
        assertEquals("closed", gone.exitKind());
        assertEquals("2025-03-31", gone.unit().closed());
        assertThrows(BadInputException.class, () -> fx.lifecycle.exit(B, "moved", null, "x"));
        assertTrue(verify().ok(), this::problems);
        // a figure changed with SQL behind StatDesk's back is found, naming the record
        try (Connection c = fx.store.connection(); Statement st = c.createStatement()) {
            st.execute("UPDATE reg_unit SET revenue = 99999 WHERE app_id = '" + B + "'");
            st.execute("DELETE FROM reg_finding WHERE check_id = 'duplicate_code'");
        }
        Verifier.Result v = verify();
        assertFalse(v.ok());
        assertTrue(v.problems().stream().anyMatch(p -> p.table().equals("reg_unit") && p.key().equals(B)));
        assertTrue(v.problems().stream().anyMatch(p -> p.table().equals("reg_finding")));
    }

    @Test
    void applyChecksLikeAnImport() throws Exception {
        fx.imports.importFile(write("good.csv", goodFile(), StandardCharsets.UTF_8), true);
        Map<String, String> f = new HashMap<>();
        f.put("credit_code", Fixture.code("620621", 20000001));
        f.put("name", "民勤县金鑫商贸有限公司");
        f.put("division_code", "620621100");
        f.put("industry_code", "5111");
        f.put("revenue", "30000");
        Application a = fx.lifecycle.apply(f, "新开业企业申请入库");
        assertEquals("applied", a.unit().status());
        assertTrue(fx.reads.findings(a.appId(), "possible_duplicate", true).size() >= 1);
        f.put("division_code", "620621");
        BadInputException e = assertThrows(BadInputException.class, () -> fx.lifecycle.apply(f, "x"));
        assertEquals("division_code", e.errors().get(0).field());
    }

    @Test
    void spotCheckIsReproducibleAndRecorded() throws Exception {
        fx.imports.importFile(write("good.csv", goodFile(), StandardCharsets.UTF_8), true);
        SpotChecks.SpotCheck s1 = fx.spotChecks.spotcheck(0.4, 7L, UnitQuery.all(), "季度实地核查");
        SpotChecks.SpotCheck s2 = fx.spotChecks.spotcheck(0.4, 7L, UnitQuery.all(), "复核");
        assertEquals(5, s1.populationSize());
        assertEquals(2, s1.sampleSize()); // ceil(0.4 × 5)
        assertEquals(s1.units(), s2.units());
        assertEquals(fx.sampler.sample(fx.reads.list(UnitQuery.inRegister()).stream().map(Unit::creditCode).toList(),
                2, 7L).members(), s1.units());
        List<Journal.Entry> h = fx.journal.history(s1.drawId(), null);
        assertEquals(1, h.size());
        assertTrue(h.get(0).newValue().contains("seed=7"));
        assertThrows(BadInputException.class, () -> fx.spotChecks.spotcheck(1.5, 1L, UnitQuery.all(), null));
    }

    @Test
    void statisticianChangesAndTrainingCoverage() throws Exception {
        fx.imports.importFile(write("good.csv", goodFile(), StandardCharsets.UTF_8), true);
        // 凉州区 620602 has five in-register units with statisticians: 李明(A) 赵强(C) 孙丽(D) 周红 郑伟(F)
        fx.staff.addTraining("李明", A, null, "2025-03-01", "统计法与报表制度", 4.0);
        fx.staff.addTraining("赵强", null, "620602", "2025-03-01", "联网直报", 2.0);
        fx.staff.addTraining("孙丽", D, null, "2024-12-01", "去年的培训", 2.0);
        // 郑伟 hands over to 陈静 (trained before taking the post); 周红's unit gets 林涛 (not trained)
        fx.staff.addTraining("陈静", F, null, "2025-04-01", "新任统计人员培训", 8.0);
        Staff.StaffChange ch = fx.staff.changeStatistician(F, "陈静", "13900000000", "2025-04-10",
                "原始记录、统计台账和报表底稿全部移交", "郑伟调岗");
        assertEquals("郑伟", ch.oldName());
        fx.staff.changeStatistician(ORG_BAD, "林涛", null, "2025-05-01", "台账已移交", "周红离职");
        assertThrows(BadInputException.class, () -> fx.staff.changeStatistician(A, "某人", null, "2025-05-01", " ",
                "no handover"));
        assertEquals("陈静", fx.reads.find(F).orElseThrow().statistician());
        List<Staff.Coverage> cov = fx.staff.coverage(2025, "620602");
        assertEquals(1, cov.size());
        Staff.Coverage c = cov.get(0);
        // statisticians now: 李明 赵强 孙丽 林涛 陈静 → trained in 2025: 李明 赵强 陈静 = 3/5
        assertEquals(5, c.statisticians());
        assertEquals(3, c.trained());
        assertEquals(0.6, c.coverage());
        assertEquals(2, c.newStatisticians());
        assertEquals(1, c.newTrainedBeforePost());
        assertEquals(0.5, c.newCoverage());
        assertTrue(verify().ok(), this::problems);
        assertTrue(fx.reads.history(F).stream().anyMatch(e -> "statistician".equals(e.field())
                && "陈静".equals(e.newValue())));
    }
}
