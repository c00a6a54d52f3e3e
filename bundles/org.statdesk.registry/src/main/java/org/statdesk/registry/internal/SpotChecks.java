package org.statdesk.registry.internal;

import java.util.List;
import org.statdesk.api.registry.UnitQuery;

/** Spot-check lists (实地核查抽查): seeded, recorded draws of in-register units for field verification. */
public interface SpotChecks {
    record SpotCheck(String drawId, long seed, double share, int populationSize, int sampleSize,
            String populationHash, String algorithm, String filter, List<String> units) {
    }

    /** Draws {@code share} of the in-register units matching {@code filter}; a null seed draws a fresh one. */
    SpotCheck spotcheck(double share, Long seed, UnitQuery filter, String reason) throws Exception;
}
