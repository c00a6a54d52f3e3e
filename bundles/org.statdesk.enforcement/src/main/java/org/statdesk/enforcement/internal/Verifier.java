package org.statdesk.enforcement.internal;

import java.util.List;
import java.util.Map;

/** Verification of a stored draw (复核): recomputed from its seed and the population as certified on its day. */
interface Verifier {
    record Verification(long id, boolean matches, String storedPopulationHash, String currentPopulationHash,
            String algorithm, Map<String, Integer> populationThen, Map<String, Integer> populationNow,
            List<String> problems) {
    }

    Verification verify(long id) throws Exception;
}
