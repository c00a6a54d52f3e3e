package org.statdesk.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.statdesk.api.registry.Sampler;

class SamplerTest {
    private final SamplerImpl sampler = new SamplerImpl();

    private static List<String> population(int n) {
        List<String> p = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            p.add(String.format("U%05d", i));
        }
        return p;
    }

    @Test
    void sameSampleForAnyOrderOfThePopulation() {
        List<String> p = population(1000);
        Sampler.Sample a = sampler.sample(p, 200, 42);
        List<String> shuffled = new ArrayList<>(p);
        Collections.shuffle(shuffled, new Random(7));
        shuffled.add(p.get(3)); // a duplicate changes nothing
        Sampler.Sample b = sampler.sample(shuffled, 200, 42);
        assertEquals(a, b);
        assertEquals(200, new HashSet<>(a.members()).size());
        assertEquals(Sampler.ALGORITHM, a.algorithm());
        assertEquals(sampler.populationHash(p), a.populationHash());
        assertEquals(sampler.populationHash(p), sampler.populationHash(shuffled));
        assertNotEquals(sampler.populationHash(p), sampler.populationHash(p.subList(1, 1000)));
    }

    @Test
    void seedMattersAndSizeIsClamped() {
        List<String> p = population(1000);
        assertNotEquals(sampler.sample(p, 200, 1).members(), sampler.sample(p, 200, 2).members());
        assertEquals(1000, sampler.sample(p, 5000, 1).members().size());
        assertEquals(0, sampler.sample(p, 0, 1).members().size());
        assertThrows(IllegalArgumentException.class, () -> sampler.sample(p, -1, 1));
        // a smaller draw is the head of a larger one with the same seed
        assertEquals(sampler.sample(p, 300, 9).members().subList(0, 100), sampler.sample(p, 100, 9).members());
        assertTrue(sampler.newSeed() >= 0);
    }

    @Test
    void everyMemberHasAboutTheSameChance() {
        // 2,000 draws of 10 from 100: each member expected 200 times; with sd ≈ 13.4, 200 ± 70 is over 5 sd.
        List<String> p = population(100);
        int[] hits = new int[100];
        for (long seed = 0; seed < 2000; seed++) {
            for (String m : sampler.sample(p, 10, seed).members()) {
                hits[Integer.parseInt(m.substring(1))]++;
            }
        }
        for (int h : hits) {
            assertTrue(h > 130 && h < 270, "hits " + h);
        }
    }
}
