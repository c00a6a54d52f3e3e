package org.statdesk.registry.internal;

import java.util.List;
import org.statdesk.registry.internal.tables.CandidateTable.Resolution;

/** 应统尽统 candidates (registry:candidates): the units to bring into the register and to take out, and their resolution. */
public interface Candidates {
    String MISSING = "missing";
    String EXIT = "exit";
    String APPLIED = "applied";
    String EXITED = "exited";
    String EXPLAINED = "explained";
    /** The permission of a resolution (the census section). */
    String PERMISSION = "registry.candidates";

    /** A missing candidate with its resolution (null: open). */
    record MissingItem(CandidateRules.Missing candidate, Resolution resolution) {
    }

    /** An exit candidate with its resolution (null: open). */
    record ExitItem(CandidateRules.Exit candidate, Resolution resolution) {
    }

    /**
     * The candidates within the scope of the person working, as of a month (null: the latest month of the tax
     * records), open ones only unless {@code all}; {@code resolvedElsewhere} are resolutions whose unit is no longer
     * a candidate (applied, exited), listed with {@code all}.
     */
    record Listing(String asOf, boolean recordsAvailable, List<MissingItem> missing, List<ExitItem> exit,
            List<Resolution> resolvedElsewhere) {
    }

    Listing list(String asOf, boolean all) throws Exception;

    /** Resolves a candidate: {@code applied}, {@code exited} or {@code explained} (a reason required). */
    Resolution resolve(String creditCode, String result, String reason) throws Exception;
}
