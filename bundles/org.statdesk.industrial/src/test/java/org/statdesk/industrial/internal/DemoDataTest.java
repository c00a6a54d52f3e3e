package org.statdesk.industrial.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoDataTest {
    @Test
    void checkCharacterAsGb32100() {
        // 91350100M000100Y43 is the standard's own example
        assertEquals('3', DemoData.check("91350100M000100Y4"));
        Set<String> used = new HashSet<>();
        String c = DemoData.creditCode("620602", new Random(1), used);
        assertEquals(18, c.length());
        assertEquals(c.charAt(17), DemoData.check(c.substring(0, 17)));
        assertTrue(c.startsWith("91620602"));
    }

    @Test
    void wuweiDemoHasRealTownshipsValidCodesAndPlantedFaults() throws Exception {
        assertEquals(108, DemoData.townships().size());
        Set<String> towns = DemoData.townships().stream().map(DemoData.Township::code).collect(Collectors.toSet());
        DemoData d = new DemoData(7, 2026 * 12 + 9);
        assertEquals(1500, d.units);
        String[] lines = d.register.toString().split("\n");
        Set<String> codes = new HashSet<>();
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split(",");
            assertEquals(f[0].charAt(17), DemoData.check(f[0].substring(0, 17)), lines[i]);
            assertTrue(towns.contains(f[2]), f[2]);
            assertTrue(codes.add(f[0]), "unique credit codes");
        }
        Set<String> kinds = d.planted.stream().map(DemoData.Planted::what).collect(Collectors.toSet());
        assertTrue(kinds.containsAll(Set.of("negative", "ytd", "export", "ratio", "slip1000", "slip_tenth", "mom",
                "hb")), kinds.toString());
        // 36 months of industrial reports: the first reported month is 35 months before the last
        String industrial = d.reports(Set.of("industrial"));
        assertTrue(industrial.indexOf(",2023-11,output_value,") > 0);
        assertTrue(industrial.indexOf(",2026-10,output_value,") > 0);
    }

    @Test
    void onlyTheReportsOfEnabledFormsAreLoaded() throws Exception {
        DemoData d = new DemoData(7, 2026 * 12 + 9);
        Set<String> keep = new java.util.TreeSet<>();
        java.util.Map<String, String> skipped = DemoCommand.plan(d, java.util.List.of(new IndustrialForm()), keep);
        assertEquals(Set.of("industrial"), keep);
        assertEquals(Set.of("trade", "services"), skipped.keySet());
        String file = d.reports(keep);
        Set<String> indicators = new HashSet<>();
        new IndustrialForm().indicators().forEach(i -> indicators.add(i.code()));
        String[] lines = file.split("\n");
        assertEquals(DemoData.REPORT_HEADER.trim(), lines[0]);
        assertEquals(d.rows(keep), lines.length - 1);
        for (int i = 1; i < lines.length; i++) {
            assertTrue(indicators.contains(lines[i].split(",")[2]), lines[i]);
        }
        assertTrue(d.rows(keep) < d.reportRows, "trade and services rows left out");
    }
}
