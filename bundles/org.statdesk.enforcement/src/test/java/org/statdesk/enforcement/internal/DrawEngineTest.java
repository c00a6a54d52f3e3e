package org.statdesk.enforcement.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.statdesk.api.command.BadInputException;
import org.statdesk.enforcement.internal.DrawEngine.Inspector;
import org.statdesk.enforcement.internal.DrawEngine.Member;
import org.statdesk.enforcement.internal.DrawEngine.Population;
import org.statdesk.enforcement.internal.DrawEngine.Rules;
import org.statdesk.enforcement.internal.DrawEngine.Target;

class DrawEngineTest {
    static final List<String> COUNTIES = List.of("620602", "620621", "620622", "620623");
    static final Rules RULES = new Rules(0.2, 0.3, 0.2, 2, "620600");

    /** Uneven counties, as in Wuwei: 凉州区 holds most units. */
    static Population population(int above, int below, int[] inspectorsPerCounty, int city) {
        List<Member> a = new ArrayList<>();
        List<Member> b = new ArrayList<>();
        int[] weight = {6, 2, 1, 1};
        int n = 0;
        for (int i = 0; i < above + below; i++) {
            String county = COUNTIES.get(pick(i, weight));
            Member m = new Member(Fakes.TestRegister.code(n++), county);
            (i < above ? a : b).add(m);
        }
        List<Member> t = new ArrayList<>();
        for (String c : COUNTIES) {
            for (int i = 1; i <= Fakes.TestRegister.TOWNSHIPS.get(c); i++) {
                t.add(new Member(c + String.format("%03d", 100 + i), c));
            }
        }
        List<Inspector> ins = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            for (int i = 0; i < inspectorsPerCounty[c]; i++) {
                ins.add(new Inspector("GS" + COUNTIES.get(c) + i, "人" + c + "-" + i, COUNTIES.get(c)));
            }
        }
        for (int i = 0; i < city; i++) {
            ins.add(new Inspector("GSC" + i, "市" + i, "620600"));
        }
        return new Population(a, t, b, ins);
    }

    private static int pick(int i, int[] weight) {
        int total = 0;
        for (int w : weight) {
            total += w;
        }
        int r = i % total;
        for (int k = 0; k < weight.length; k++) {
            r -= weight[k];
            if (r < 0) {
                return k;
            }
        }
        return 0;
    }

    @Test
    void neededRoundsUpWithoutFloatingPointSlips() {
        assertEquals(1, DrawEngine.needed(0.2, 5)); // 0.2 × 5 is 1.0000000000000002 in doubles
        assertEquals(15, DrawEngine.needed(0.3, 50));
        assertEquals(6, DrawEngine.needed(0.3, 18)); // 5.4 → 6
        assertEquals(1, DrawEngine.needed(0.2, 1));
        assertEquals(0, DrawEngine.needed(0.2, 0));
        assertEquals(3, DrawEngine.needed(1.5, 3)); // never more than there are
    }

    /** Property test: over many seeds, every stratum and county meets its share and no inspector rule breaks. */
    @Test
    void sharesAndInspectorRulesHoldOverManySeeds() {
        Population p = population(503, 297, new int[] {5, 3, 3, 2}, 3);
        DrawEngine engine = new DrawEngine(new Fakes.TestSampler());
        Map<String, Integer> sizes = new HashMap<>();
        for (String s : DrawEngine.STRATA) {
            for (Member m : p.stratum(s)) {
                sizes.merge(s + "|" + m.countyCode(), 1, Integer::sum);
            }
        }
        Set<String> allCodes = new HashSet<>();
        p.above().forEach(m -> allCodes.add(m.code()));
        p.below().forEach(m -> allCodes.add(m.code()));
        p.townships().forEach(m -> allCodes.add(m.code()));
        for (long seed = 1; seed <= 200; seed++) {
            DrawEngine.Result r = engine.draw(p, RULES, seed * 7919, c -> c);
            Map<String, Integer> drawn = new HashMap<>();
            Map<String, Integer> load = new HashMap<>();
            Set<String> seen = new HashSet<>();
            for (Target t : r.targets()) {
                assertTrue(seen.add(t.stratum() + t.code()), "target drawn twice: " + t.code());
                assertTrue(allCodes.contains(t.code()));
                drawn.merge(t.stratum() + "|" + t.countyCode(), 1, Integer::sum);
                assertEquals(2, t.inspectors().size());
                assertNotEquals(t.inspectors().get(0).id(), t.inspectors().get(1).id());
                for (Inspector i : t.inspectors()) {
                    assertTrue(i.countyCode().equals("620600") || !i.countyCode().equals(t.countyCode()),
                            "回避 broken: " + i + " inspects " + t);
                    load.merge(i.id(), 1, Integer::sum);
                }
            }
            for (Map.Entry<String, Integer> e : sizes.entrySet()) {
                double share = RULES.share(e.getKey().substring(0, e.getKey().indexOf('|')));
                int got = drawn.getOrDefault(e.getKey(), 0);
                assertTrue(got >= share * e.getValue() - 1e-9, e.getKey() + " drew " + got + " of " + e.getValue());
                assertTrue(got < share * e.getValue() + 1, "more than the share rounded up");
            }
            // the workload spreads: with 16 inspectors and ~ 2 × 195 assignments everyone works, within a small band
            assertEquals(p.inspectors().size(), load.size());
            int min = Collections.min(load.values());
            int max = Collections.max(load.values());
            assertTrue(max - min <= 1, "uneven workload " + min + ".." + max + " at seed " + seed);
        }
    }

    @Test
    void sameSeedAndPopulationGiveTheSameDrawInAnyOrder() {
        Population p = population(400, 200, new int[] {4, 3, 3, 3}, 2);
        List<Member> a = new ArrayList<>(p.above());
        List<Inspector> ins = new ArrayList<>(p.inspectors());
        Collections.shuffle(a, new Random(1));
        Collections.shuffle(ins, new Random(2));
        Population shuffled = new Population(a, p.townships(), p.below(), ins);
        DrawEngine engine = new DrawEngine(new Fakes.TestSampler());
        DrawEngine.Result r1 = engine.draw(p, RULES, 42, c -> c);
        DrawEngine.Result r2 = engine.draw(shuffled, RULES, 42, c -> c);
        assertEquals(r1.targets(), r2.targets());
        assertEquals(r1.populationHash(), r2.populationHash());
        DrawEngine.Result r3 = engine.draw(p, RULES, 43, c -> c);
        assertNotEquals(DrawEngine.digest(r1.targets()), DrawEngine.digest(r3.targets()));
    }

    /**
     * Stored draws are verified by recomputing them, so statdesk-enf-draw-v1 must give the same result for ever:
     * digests pinned from the first implementation (before the inner loop worked on county numbers).
     */
    @Test
    void algorithmV1GivesTheSameDrawsAsWhenPinned() {
        DrawEngine e = new DrawEngine(new Fakes.TestSampler());
        Population p = population(503, 297, new int[] {5, 3, 3, 2}, 3);
        Map<Long, String> pinned = Map.of(
                42L, "781a06d40fad2d696ca02cd70d5ff9af2f73d1b3bf02c369e9a2421de3882583",
                7919L, "7279a311ec6f829d0a228b0aad7eddcd5f1b7e2b6ec88c35c192ebfd99420dee",
                -5L, "8f94238b52adbe9c8b4101f3a92afbbe58149aca07fb09ff113d94215d3a551a");
        pinned.forEach((seed, digest) -> {
            DrawEngine.Result r = e.draw(p, RULES, seed, c -> c);
            assertEquals(digest, DrawEngine.digest(r.targets()), "seed " + seed);
            assertEquals("8e3f8f97efee08bd3efaf84ac479992988dcfa045c0616687940931793bec210", r.populationHash());
        });
        DrawEngine.Result uneven = e.draw(population(200, 50, new int[] {0, 1, 6, 2}, 1), RULES, 3, c -> c);
        assertEquals("161393ccd28bd8226201ac767b95ee371a2803b933ac55a445f9fbcf73d6ac5d",
                DrawEngine.digest(uneven.targets()));
    }

    @Test
    void aChangedPopulationChangesTheHash() {
        Population p = population(100, 50, new int[] {2, 2, 2, 2}, 0);
        DrawEngine engine = new DrawEngine(new Fakes.TestSampler());
        List<Inspector> moved = new ArrayList<>(p.inspectors());
        Inspector first = moved.get(0);
        moved.set(0, new Inspector(first.id(), first.name(), "620621")); // an inspector moved county
        assertNotEquals(engine.populationHash(p),
                engine.populationHash(new Population(p.above(), p.townships(), p.below(), moved)));
    }

    @Test
    void cityStaffMayInspectAnywhereAndTeamsVary() {
        Population p = population(200, 0, new int[] {0, 0, 0, 0}, 6);
        DrawEngine.Result r = new DrawEngine(new Fakes.TestSampler()).draw(p, RULES, 9, c -> c);
        Map<String, Integer> load = new HashMap<>();
        Set<String> teams = new HashSet<>();
        for (Target t : r.targets()) {
            t.inspectors().forEach(i -> load.merge(i.id(), 1, Integer::sum));
            teams.add(t.inspectors().get(0).id() + t.inspectors().get(1).id());
        }
        // above 120/40/20/20 per county → 24+8+4+4 = 40; townships 15+6+6+7 = 34; 74 × 2 = 148 over 6: 24 or 25
        assertEquals(74, r.targets().size());
        assertTrue(Collections.max(load.values()) - Collections.min(load.values()) <= 1, load.toString());
        assertTrue(teams.size() >= 10, "teams should vary, got " + teams);
    }

    @Test
    void tooFewInspectorsOutsideACountyNamesTheRuleAndCounty() {
        // 凉州区 targets can use only the one 民勤县 inspector: no one from 古浪县/天祝县, no city staff
        Population p = population(100, 0, new int[] {5, 1, 0, 0}, 0);
        BadInputException e = assertThrows(BadInputException.class,
                () -> new DrawEngine(new Fakes.TestSampler()).draw(p, RULES, 1, c -> c.equals("620602") ? "凉州区" : c));
        assertEquals("inspectors", e.errors().get(0).field());
        assertEquals("620602", e.errors().get(0).value());
        assertTrue(e.errors().get(0).message().contains("凉州区"), e.errors().get(0).message());
        assertTrue(e.errors().get(0).message().contains("只有 1 名"), e.errors().get(0).message());
        // 民勤县 targets have the five 凉州区 inspectors: fine, so only 620602 is named
        assertEquals(1, e.errors().size());
    }
}
