package org.statdesk.documents.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
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
import org.statdesk.api.review.ReviewService.Rates;

class MissingTest {
    @TempDir
    Path tmp;
    Bench bench;

    /** 40 units in Liangzhou (every 7th missing, every 5th of the rest late), 25 in Minqin (3 missing, 1 late). */
    @BeforeEach
    void data() throws Exception {
        bench = new Bench(tmp);
        for (int i = 0; i < 40; i++) {
            Unit u = bench.unit(String.format("916206020000%06d", i), "凉州区企业" + i, "620602001", Unit.IN_REGISTER);
            bench.filing(u, i % 7 == 0 ? null : i % 5 == 0 ? "2026-11-14" : "2026-11-06", i % 7 != 0 && i % 5 != 0);
        }
        for (int i = 0; i < 25; i++) {
            Unit u = bench.unit(String.format("916206210000%06d", i), "民勤县企业" + i, "620621100", Unit.IN_REGISTER);
            bench.filing(u, i < 3 ? null : i == 3 ? "2026-11-20" : "2026-11-08", i > 3);
        }
        bench.ratesFromFilings();
    }

    private CommandResult run(String... args) throws Exception {
        return bench.missing().execute(Args.parse(List.of(args), java.util.Set.of()));
    }

    @Test
    void theCityListStatesTheReviewsCountsAndNamesEveryMissingAndLateUnit() throws Exception {
        Path out = bench.outFolder.resolve("missing.pdf");
        CommandResult r = run("--period", "2026-10", "--out", out.toString());
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) r.json();
        Rates city = bench.review.rates.get("all");
        int missing = city.due() - city.reported();
        int late = city.reported() - city.timely();
        assertEquals(Map.of("due", city.due(), "reported", city.reported(), "missing", missing, "late", late),
                json.get("figures"));
        assertEquals(6 + 3, missing);
        String text = Bench.text(out);
        String flat = Bench.flat(text);
        assertTrue(flat.contains(Bench.flat("应报单位 " + city.due() + " 个，已报 " + city.reported() + " 个，未报 "
                + missing + " 个，迟报（截止日期后报送）" + late + " 个")), text);
        assertTrue(flat.contains("上报率" + Figures.percent(city.reportingRate())), text);
        Rates lz = bench.review.rates.get("620602");
        assertTrue(flat.contains(Bench.flat("凉州区：未报 " + (lz.due() - lz.reported()) + " 个，迟报 "
                + (lz.reported() - lz.timely()) + " 个")), text);
        for (var f : bench.review.filings) {
            Unit u = bench.register.find(f.creditCode()).orElseThrow();
            boolean listed = !f.reported() || !f.timely();
            assertEquals(listed, text.contains(u.creditCode()), u.creditCode());
            if (listed) {
                assertTrue(text.contains(u.statistician()) && text.contains(u.phone()));
            }
        }
        assertTrue(text.contains("2026-11-20"), "the day a late unit filed");
        assertEquals(Bench.pages(out), json.get("pages"));
        assertTrue(text.contains("第 1 页 共 " + json.get("pages") + " 页") && text.contains(Bench.HEAD));
    }

    @Test
    void aCountyUserGetsTheirCountyOnly() throws Exception {
        bench.person = new Person("minqin", "民勤县王芳", Person.COUNTY, "620621", null);
        Path out = bench.outFolder.resolve("minqin.pdf");
        CommandResult r = run("--period", "2026-10", "--out", out.toString());
        String text = Bench.text(out);
        assertTrue(text.contains("民勤县企业0") && !text.contains("凉州区企业"), text);
        @SuppressWarnings("unchecked")
        Map<String, Object> figures = (Map<String, Object>) ((Map<String, Object>) r.json()).get("figures");
        assertEquals(3, figures.get("missing"));
        assertEquals(1, figures.get("late"));
        assertThrows(NotPermittedException.class,
                () -> run("--period", "2026-10", "--county", "620602", "--out", out.toString()));
    }

    @Test
    void oneCountyOfTheCity() throws Exception {
        Path out = bench.outFolder.resolve("lz.pdf");
        run("--period", "2026-10", "--county", "620602", "--out", out.toString());
        String text = Bench.text(out);
        assertTrue(text.contains("凉州区企业0") && !text.contains("民勤县企业"));
    }

    @Test
    void aMonthWithNothingDueSaysSo() throws Exception {
        bench.review.filings.clear();
        bench.review.rates.clear();
        Path out = bench.outFolder.resolve("empty.pdf");
        CommandResult r = run("--period", "2026-10", "--out", out.toString());
        assertEquals(0, r.exitCode());
        assertTrue(Bench.text(out).contains("没有应报单位"));
    }

    @Test
    void badInput() {
        Path out = bench.outFolder.resolve("x.pdf");
        assertThrows(BadInputException.class, () -> run("--period", "2026-13", "--out", out.toString()));
        assertThrows(BadInputException.class, () -> run("--period", "2199-01", "--out", out.toString()));
        assertThrows(BadInputException.class, () -> run("--out", out.toString()));
        assertThrows(BadInputException.class, () -> run("--period", "2026-10", "--out", out.toString(), "--x", "1"));
    }
}
