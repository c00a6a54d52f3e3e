package org.statdesk.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ThresholdTest {
    private final Industries industries = Industries.load();
    private final EntryThresholds thresholds = EntryThresholds.load();

    /** Threshold in 千元 of the class, checked at, just under and just over the boundary. */
    private void tier(String cls, String specialty, int thousand) {
        EntryThresholds.Scope s = thresholds.scope(industries.resolve(cls).code());
        assertEquals(specialty, s.specialty(), cls);
        assertEquals(thousand, s.thresholdThousand(), cls);
        assertNotNull(s.shortfall(thousand - 0.001, null), cls + " just under");
        assertNotNull(s.shortfall(0.0, null), cls + " zero");
        assertNull(s.shortfall((double) thousand, null), cls + " at the threshold");
        assertNull(s.shortfall(thousand + 0.001, null), cls + " just over");
    }

    @Test
    void everyTier() {
        tier("B0610", "industrial", 20_000);
        tier("C1391", "industrial", 20_000);
        tier("C4350", "industrial", 20_000);
        tier("D4411", "industrial", 20_000);
        tier("D4620", "industrial", 20_000);
        tier("F5111", "trade", 20_000);
        tier("F5211", "trade", 5_000);
        tier("H6110", "trade", 2_000);
        tier("H6210", "trade", 2_000);
        tier("G5311", "services", 20_000);
        tier("I6511", "services", 20_000);
        tier("G6010", "services", 20_000);
        tier("N7610", "services", 20_000);
        tier("Q8411", "services", 20_000);
        tier("L7111", "services", 10_000);
        tier("M7310", "services", 10_000);
        tier("P8310", "services", 10_000);
        tier("K7020", "services", 10_000);
        tier("K7030", "services", 10_000);
        tier("K7040", "services", 10_000);
        tier("K7090", "services", 10_000);
        tier("O8010", "services", 5_000);
        tier("R8610", "services", 5_000);
        tier("R9090", "services", 5_000);
        tier("Q8511", "services", 5_000);
    }

    @Test
    void constructionNeedsQualificationAndRealEstateDevelopmentIsAlwaysIn() {
        EntryThresholds.Scope e = thresholds.scope("E4710");
        assertEquals("construction", e.specialty());
        assertNotNull(e.shortfall(1e9, null));
        assertNotNull(e.shortfall(1e9, " "));
        assertNull(e.shortfall(0.0, "建筑工程施工总承包三级"));
        EntryThresholds.Scope k = thresholds.scope("K7010");
        assertEquals("real_estate", k.specialty());
        assertNull(k.shortfall(0.0, null));
    }

    @Test
    void outsideEverySpecialty() {
        assertNull(thresholds.scope("A0111"));
        assertNull(thresholds.scope("J6610"));
        assertNull(thresholds.scope("S9100"));
        assertNull(thresholds.scope("T9700"));
    }

    @Test
    void theLongestScopeHoldsAClass() throws Exception {
        EntryThresholds t = EntryThresholds.read(new java.io.BufferedReader(new java.io.StringReader(
                "scope,specialty,standard,threshold_thousand,needs_qualification\n"
                        + "K,x,甲,10000,no\nK70,y,乙,,no\nK7010,z,丙,,yes\n")));
        assertEquals("z", t.scope("K7010").specialty());
        assertEquals("y", t.scope("K7020").specialty());
        assertEquals("x", t.scope("K7110").specialty());
        assertNull(t.scope("L7111"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> EntryThresholds.read(
                new java.io.BufferedReader(new java.io.StringReader(
                        "scope,specialty,standard,threshold_thousand,needs_qualification\nK,x,甲,10000,maybe\n"))));
    }

    /** The core names no specialty: the specialties are in the reference file, never a literal of the main code. */
    @Test
    void noSpecialtyIsNamedInTheMainCode() throws Exception {
        java.util.Set<String> specialties = new java.util.TreeSet<>();
        java.nio.file.Path csv = java.nio.file.Path.of("src/main/resources/reference/entry-thresholds.csv");
        java.nio.file.Files.readAllLines(csv).stream().skip(1).forEach(l -> specialties.add(l.split(",")[1]));
        assertEquals(java.util.Set.of("construction", "industrial", "real_estate", "services", "trade"), specialties);
        try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/java"))) {
            for (java.nio.file.Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String src = java.nio.file.Files.readString(f);
                for (String s : specialties) {
                    assertTrue(!src.contains("\"" + s + "\""), f + " names the specialty " + s);
                }
            }
        }
    }

    @Test
    void industryCodes() {
        assertEquals("C1391", industries.resolve("1391").code());
        assertEquals("C1391", industries.resolve("c1391").code());
        assertTrue(industries.resolve("C13").error().contains("大类"));
        assertTrue(industries.resolve("C139").error().contains("中类"));
        assertTrue(industries.resolve("F1391").error().contains("门类"));
        assertNotNull(industries.resolve("9999").error());
        assertNotNull(industries.resolve("").error());
        assertNotNull(industries.resolve("C13-91").error());
    }
}
