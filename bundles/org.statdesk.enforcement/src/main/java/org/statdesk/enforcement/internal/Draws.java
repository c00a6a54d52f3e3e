package org.statdesk.enforcement.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.statdesk.enforcement.internal.DrawEngine.Target;

/** The stored double-random draws (双随机抽取) as they are read back: list, one draw, its targets. */
interface Draws {
    record InspectorJson(String name, String countyCode, String certificateNo) {
    }

    record TargetJson(String kind, String code, String countyCode, String stratum, List<InspectorJson> inspectors) {
    }

    /** Fewest and most targets given to one inspector of those drawn from. */
    record Workload(int inspectors, int min, int max) {
    }

    record DrawJson(long id, int year, long seed, String seedSource, String populationHash, String algorithm,
            String status, String drawnOn, String drawnBy, Map<String, Integer> population,
            Map<String, Double> coverage, Map<String, Double> targetShares, Workload workload, Long replaces,
            List<TargetJson> targets) {
    }

    record DrawSummary(long id, int year, long seed, String status, String populationHash, int targets,
            String drawnOn, String drawnBy, Long replacedBy, String replaceReason) {
    }

    /** What a draw stored besides its targets: what verify recomputes it from and coverage measures against. */
    record Header(long id, int year, long seed, String seedSource, String populationHash, String algorithm,
            DrawEngine.Rules rules, Map<String, Integer> counts, String digest, String status, LocalDate drawnOn,
            String drawnBy) {
    }

    /** Draws, newest first; {@code year} null: all years. */
    List<DrawSummary> list(Integer year) throws Exception;

    /** The year's active draw, if any. */
    default Optional<DrawSummary> active(int year) throws Exception {
        return list(year).stream().filter(d -> d.status().equals("active")).findFirst();
    }

    /** A draw with its targets and what they cover; bad input when there is no such draw. */
    DrawJson load(long id) throws Exception;

    Header header(long id) throws Exception;

    /** The stored targets in the order drawn. */
    List<Target> targets(long id) throws Exception;

    /**
     * The target of the active draw {@code drawId} with this code, checked on {@code checkDate}; bad input when the
     * draw was replaced, the date is before the draw, or the code was not drawn.
     */
    Target target(long drawId, String code, LocalDate checkDate) throws Exception;
}
