package org.statdesk.enforcement.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statdesk.api.command.BadInputException;

/** Roster, interference register and cases. */
class RegistersTest {
    Fakes.World w;

    @BeforeEach
    void setUp() throws Exception {
        w = new Fakes.World(new Fakes.TestRegister().populate(8, 4));
    }

    @Test
    void rosterImportComputesThePassRateOfThoseRequiredToSit(@TempDir Path dir) throws Exception {
        // 5 required to sit, 4 certified → 80 %, met; 戊 is not required (exam_required 否) and has no certificate
        String csv = "\uFEFFcounty_code,name,certificate_no,certificate_date,specialty,exam_required\n"
                + "620600,甲,GS1,2019-01-02,法规,是\n620602,乙,GS2,2020-03-04,工业,\n620621,丙,GS3,2020-03-04,贸易,是\n"
                + "620622,丁,GS4,2020-03-04,服务业,1\n620623,己,,,法规,是\n620623,戊,,,综合,否\n";
        Roster.ImportResult r = w.roster(csv);
        assertEquals(6, r.imported());
        assertEquals(4, r.certified());
        assertEquals(5, r.passRate().required());
        assertEquals(0.8, r.passRate().rate(), 1e-12);
        assertTrue(r.passRate().met());
        // GBK, as Chinese Excel saves it, replaces the roster
        Path gbk = dir.resolve("gbk.csv");
        Files.write(gbk, ("name,certificate_no,certificate_date,county_code,specialty\n"
                + "张三,GS9,2020-01-01,620602,法规\n李四,,,620621,法规\n").getBytes(Charset.forName("GBK")));
        Roster.ImportResult g = w.roster.importCsv(gbk);
        assertEquals(6, g.replaced());
        assertEquals("张三", w.roster.list(null).get(0).name());
        assertEquals(0.5, g.passRate().rate(), 1e-12);
        assertFalse(g.passRate().met());
    }

    @Test
    void aBadRosterIsRefusedWholeWithLineNumbers() throws Exception {
        w.roster(Fakes.World.roster(1, 1));
        long before = w.store.count("enf_inspector");
        String bad = "name,certificate_no,certificate_date,county_code,specialty\n"
                + "甲,GS1,2019-01-02,620600,法规\n"   // line 2 fine
                + "乙,GS2,2020-02-30,620602,法规\n"   // line 3 no such date
                + "丙,GS1,2020-03-04,620621,法规\n"   // line 4 duplicate certificate
                + "丁,GS4,2020-03-04,620502,法规\n"   // line 5 not a Wuwei county
                + ",,,620623,法规\n";                 // line 6 no name
        BadInputException e = assertThrows(BadInputException.class, () -> w.roster(bad));
        List<String> seen = e.errors().stream().map(x -> x.line() + ":" + x.field()).toList();
        assertEquals(List.of("3:certificate_date", "4:certificate_no", "5:county_code", "6:name"), seen);
        assertEquals(before, w.store.count("enf_inspector"));
        BadInputException header = assertThrows(BadInputException.class, () -> w.roster("name,county_code\n甲,620600\n"));
        assertEquals(1, header.errors().get(0).line());
    }

    @Test
    void interferenceReportSaysSoWhenNothingWasRecorded() throws Exception {
        Interference reg = w.interference;
        Interference.Report empty = reg.report("2021Q1");
        assertEquals(0, empty.count());
        assertTrue(empty.statement().contains("2021 年第 1 季度未记录"), empty.statement());
        reg.record("2021q2", LocalDate.of(2021, 4, 20), "某镇副镇长", "某公司 2021 年 3 月工业产值",
                "要求按 5000 万元上报", "已拒绝并报告市局");
        Interference.Report q2 = reg.report("2021Q2");
        assertEquals(1, q2.count());
        assertTrue(q2.statement().contains("1 起"));
        assertEquals("某镇副镇长", q2.entries().get(0).official());
        assertThrows(BadInputException.class, () -> reg.report("2021Q5"));
        BadInputException outside = assertThrows(BadInputException.class, () -> reg.record("2021Q2",
                LocalDate.of(2021, 3, 31), "某人", "某数", "要数", "拒绝"));
        assertEquals("date", outside.errors().get(0).field());
        BadInputException blank = assertThrows(BadInputException.class, () -> reg.record("2021Q2",
                LocalDate.of(2021, 4, 1), "某人", " ", "要数", "拒绝"));
        assertEquals("target", blank.errors().get(0).field());
        assertEquals(1, w.store.count("enf_interference"));
        assertEquals(1, w.journal.entries("enf_interference").size());
    }

    @Test
    void casesMoveForwardOnlyAndNeedADecision() throws Exception {
        Cases cases = w.cases;
        String unit = Fakes.TestRegister.code(2);
        Cases.CaseJson c = cases.open(unit, "false", "虚报 2020 年营业收入", LocalDate.of(2021, 5, 1), null,
                LocalDate.of(2021, 6, 1));
        assertEquals("filed", c.status());
        assertEquals("虚报", c.violationName());
        assertEquals("620622", c.countyCode());
        assertTrue(c.overdue()); // open past its deadline on 2021-06-15
        BadInputException unknown = assertThrows(BadInputException.class,
                () -> cases.open("91620600MA99999999", "late", "x", LocalDate.of(2021, 5, 1), null, null));
        assertEquals("unit", unknown.errors().get(0).field());
        assertThrows(BadInputException.class, () -> cases.open(unit, "lying", "x", LocalDate.of(2021, 5, 1), null,
                null));
        BadInputException noDecision = assertThrows(BadInputException.class,
                () -> cases.update(c.id(), null, null, null, "decided", w.today, null));
        assertEquals("decision", noDecision.errors().get(0).field());
        cases.update(c.id(), "给予警告并处罚款", "罚款 2 万元", null, "decided", w.today, "局务会决定");
        assertThrows(BadInputException.class, () -> cases.update(c.id(), null, null, null, "filed", w.today, null));
        BadInputException beforeFiling = assertThrows(BadInputException.class,
                () -> cases.update(c.id(), null, null, null, "closed", LocalDate.of(2021, 4, 30), null));
        assertEquals("date", beforeFiling.errors().get(0).field());
        assertThrows(BadInputException.class,
                () -> cases.update(c.id(), null, null, null, "closed", LocalDate.of(2021, 6, 16), null));
        assertEquals("decided", cases.get(c.id()).status());
        Cases.CaseJson closed = cases.update(c.id(), null, null, null, "closed", LocalDate.of(2021, 6, 14), null);
        assertEquals("2021-06-14", closed.closedOn());
        assertFalse(closed.overdue());
        assertThrows(BadInputException.class, () -> cases.update(c.id(), "改", null, null, null, w.today, null));
        // open, decision, penalty, status decided, status closed, closed_on
        assertEquals(6, w.journal.entries("enf_case").size());
        assertEquals(1, cases.list("closed").size());
    }
}
