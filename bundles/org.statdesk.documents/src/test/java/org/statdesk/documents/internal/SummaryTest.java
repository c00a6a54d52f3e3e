package org.statdesk.documents.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statdesk.api.charts.ChartService;
import org.statdesk.api.command.Args;
import org.statdesk.api.command.CommandResult;
import org.statdesk.api.people.Person;
import org.statdesk.api.registry.Unit;
import org.statdesk.api.registry.UnitQuery;
import org.statdesk.testing.FakeReview;

class SummaryTest {
    @TempDir
    Path tmp;
    Bench bench;
    int charts;

    @BeforeEach
    void data() throws Exception {
        bench = new Bench(tmp);
        for (int i = 0; i < 30; i++) {
            Unit u = bench.unit(String.format("916206020000%06d", i), "凉州区企业" + i, "620602001", Unit.IN_REGISTER);
            bench.filing(u, i < 2 ? null : "2025-05-06", i >= 2);
        }
        for (int i = 0; i < 12; i++) {
            Unit u = bench.unit(String.format("916206210000%06d", i), "民勤县企业" + i, "620621100", Unit.IN_REGISTER);
            bench.filing(u, "2025-05-08", true);
        }
        bench.unit("916206020000999999", "凉州区申请企业", "620602001", "applied");
        bench.ratesFromFilings();
        bench.review.flags.add(FakeReview.flag(1, "916206020000000005", "2025-04", "output_value", 10, 3));
    }

    private SummaryCommand command() throws Exception {
        ChartService chart = (kind, params, format, w, h, out) -> {
            charts++;
            ImageIO.write(new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB), "png", out);
        };
        Map<String, Object> draw = new LinkedHashMap<>();
        draw.put("id", 3);
        draw.put("year", 2025);
        draw.put("status", "active");
        draw.put("targets", 17);
        Map<String, Object> ledger = Map.of("counties", Map.of("620602", Map.of("total", 4, "closed", 1, "open", 3,
                "overdue", 2), "620621", Map.of("total", 1, "closed", 1, "open", 0, "overdue", 0)));
        CommandFacts facts = bench.facts()
                .with("registry:coverage", a -> CommandResult.ok(Map.of("counties", List.of(Map.of("county_code",
                        "620602", "county_name", "凉州区", "statisticians", 30, "trained", 27, "coverage", 0.9))), ""))
                .with("enforcement:draws", a -> CommandResult.ok(Map.of("draws", List.of(draw)), ""))
                .with("enforcement:cases", a -> CommandResult.ok(Map.of("cases", List.of(
                        Map.of("filed_on", "2025-06-02", "county_code", "620602", "violation_name", "迟报",
                                "status", "filed"),
                        Map.of("filed_on", "2024-06-02", "county_code", "620602", "violation_name", "拒报",
                                "status", "closed"))), ""))
                .with("enforcement:ledger", a -> CommandResult.ok(ledger, ""));
        return new SummaryCommand(bench.register, bench.review, chart, bench.scope(), bench.press(), facts);
    }

    private CommandResult run(String... args) throws Exception {
        return command().execute(Args.parse(List.of(args), java.util.Set.of()));
    }

    @Test
    void theYearsSummaryStatesTheRegisterTheRatesTheDrawAndTheCases() throws Exception {
        Path out = bench.outFolder.resolve("summary.pdf");
        CommandResult r = run("--year", "2025", "--out", out.toString());
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) r.json();
        int inRegister = bench.register.list(UnitQuery.inRegister()).size();
        assertEquals(Map.of("units_in_register", inRegister, "months_reported", 12, "draw_targets", 17, "cases", 1),
                json.get("figures"));
        String text = Bench.text(out);
        String flat = Bench.flat(text);
        assertTrue(text.contains("武威市统计局") && text.contains("2025 年度统计工作总结报告"), text);
        assertTrue(flat.contains(Bench.flat("目前在库单位 " + inRegister + " 个")), text);
        assertTrue(flat.contains(Bench.flat("抽取对象共 17 个（单位和乡镇合计）")), text);
        assertTrue(flat.contains(Bench.flat("本年度立案 1 件")) && text.contains("迟报") && !text.contains("拒报"));
        var city = bench.review.rates.get("all");
        assertTrue(text.contains("2025-12") && text.contains(Figures.percent(city.reportingRate())), text);
        assertTrue(text.contains("90.0%"), "training coverage as registry:coverage gives it");
        assertEquals(1, charts, "the rates chart of the last month");
        assertTrue(text.contains("逾期"));
        assertEquals(Bench.pages(out), json.get("pages"));
        assertTrue((int) json.get("pages") >= 2, "at least two pages on a real year");
    }

    @Test
    void aYearWithNothingInItSaysSo() throws Exception {
        bench.review.rates.clear();
        Path out = bench.outFolder.resolve("empty.pdf");
        CommandResult r = run("--year", "2001", "--out", out.toString());
        assertEquals(0, r.exitCode());
        assertTrue(Bench.text(out).contains("没有报送的月报"));
        assertEquals(0, charts);
    }

    @Test
    void aCountyUserGetsTheirCounty() throws Exception {
        bench.person = new Person("minqin", "民勤县王芳", Person.COUNTY, "620621", null);
        Path out = bench.outFolder.resolve("minqin.pdf");
        run("--year", "2025", "--out", out.toString());
        String text = Bench.text(out);
        assertTrue(Bench.flat(text).contains(Bench.flat("目前在库单位 12 个")), text);
        assertFalse(text.contains("凉州区"), text);
    }
}
