package org.statdesk.documents.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statdesk.api.command.Args;
import org.statdesk.api.command.BadInputException;
import org.statdesk.api.command.CommandResult;
import org.statdesk.api.command.NotPermittedException;
import org.statdesk.api.people.Person;
import org.statdesk.api.registry.Unit;

class FieldCheckTest {
    @TempDir
    Path tmp;
    Bench bench;
    Unit applied;
    Unit checked;
    Unit elsewhere;

    @BeforeEach
    void data() throws Exception {
        bench = new Bench(tmp);
        applied = bench.unit("916206020000000101", "凉州区祥瑞农产品加工有限公司", "620602001", "applied");
        checked = bench.unit("916206020000000102", "武威金辉建材有限公司", "620602001", "county_checked");
        bench.unit("916206020000000103", "凉州区在库企业", "620602001", Unit.IN_REGISTER);
        elsewhere = bench.unit("916206210000000201", "民勤县沙漠新能源有限公司", "620621100", "applied");
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("credit_code", applied.creditCode());
        f.put("check", "similar_name");
        f.put("severity", "warning");
        f.put("message", "名称与在库单位相近：凉州区祥瑞农产品有限公司");
        f.put("resolved", false);
        bench.findings.add(f);
    }

    private CommandResult run(String... args) throws Exception {
        return bench.fieldCheck().execute(Args.parse(List.of(args), java.util.Set.of()));
    }

    @Test
    void aCountysApplyingUnitsOnePageEachPrefilledWithTheirFindings() throws Exception {
        Path out = bench.outFolder.resolve("check.pdf");
        CommandResult r = run("--county", "620602", "--out", out.toString(), "--json");
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) r.json();
        assertEquals(List.of(applied.creditCode(), checked.creditCode()), json.get("codes"));
        assertEquals(Map.of("units", 2, "findings", 1), json.get("figures"));
        assertEquals(Bench.pages(out), json.get("pages"));
        assertEquals(2, json.get("pages"));
        assertEquals(Bench.HEAD, json.get("journal_head"));
        String text = Bench.text(out);
        assertTrue(text.contains("武威市统计局"), text);
        assertTrue(text.contains("实地核查表"));
        assertTrue(text.contains(applied.name()) && text.contains(checked.name()));
        assertTrue(text.contains(applied.address()) && text.contains(applied.phone()));
        assertTrue(text.contains("31250.5"), "revenue as the application gives it");
        assertTrue(text.contains("名称与在库单位相近"), "the county check's finding");
        assertTrue(text.contains("县区审核发现：1 条") && text.contains("县区审核发现：无"));
        assertTrue(text.contains("实际经营地址与申报地址一致") && text.contains("核查人员签名"));
        assertTrue(text.contains("第 1 页 共 2 页") && text.contains("第 2 页 共 2 页"));
        assertEquals(2, text.split("武威市统计局\\R+实地核查表", -1).length - 1, "each unit's page has the heading");
        assertTrue(text.contains(Bench.HEAD), "the journal head at the foot");
        assertFalse(text.contains("凉州区在库企业"), "a unit in the register has no application to check");
        assertFalse(text.contains(elsewhere.name()));
    }

    @Test
    void oneUnitByItsCodeAndTheBureauFromTheSetting() throws Exception {
        bench.bureau = "民勤县统计局";
        Path out = bench.outFolder.resolve("one.pdf");
        run(elsewhere.creditCode(), "--out", out.toString());
        String text = Bench.text(out);
        assertTrue(text.contains("民勤县统计局") && text.contains(elsewhere.name()));
        assertEquals(1, Bench.pages(out));
    }

    @Test
    void aCountyWithNoApplicationsGetsAFormThatSaysSo() throws Exception {
        bench.register.division("620622", "古浪县");
        Path out = bench.outFolder.resolve("none.pdf");
        CommandResult r = run("--county", "620622", "--out", out.toString());
        assertEquals(0, r.exitCode());
        assertTrue(Bench.text(out).contains("没有待核查的申请单位"));
    }

    @Test
    void aCountyUserPrintsTheirCountyOnly() throws Exception {
        bench.person = new Person("liangzhou", "凉州区李伟", Person.COUNTY, "620602", null);
        Path out = bench.outFolder.resolve("x.pdf");
        assertThrows(NotPermittedException.class, () -> run("--county", "620621", "--out", out.toString()));
        assertThrows(NotPermittedException.class, () -> run(elsewhere.creditCode(), "--out", out.toString()));
        assertFalse(Files.exists(out));
        run("--county", "620602", "--out", out.toString());
        assertTrue(Bench.text(out).contains(applied.name()));
    }

    @Test
    void badInputChangesNothing() throws Exception {
        Path out = bench.outFolder.resolve("x.pdf");
        assertThrows(BadInputException.class, () -> run("--out", out.toString()));
        assertThrows(BadInputException.class, () -> run(applied.creditCode(), "--county", "620602", "--out",
                out.toString()));
        assertThrows(BadInputException.class, () -> run("--county", "999999", "--out", out.toString()));
        assertThrows(BadInputException.class, () -> run("916206020000000999", "--out", out.toString()));
        assertThrows(BadInputException.class, () -> run(applied.creditCode(), "--out",
                bench.outFolder.resolve("x.txt").toString()));
        assertThrows(BadInputException.class, () -> run(applied.creditCode(), "--out",
                bench.dataFolder.resolve("x.pdf").toString()), "never inside the data folder");
        try (var files = Files.list(bench.outFolder)) {
            assertEquals(0, files.count());
        }
    }
}
