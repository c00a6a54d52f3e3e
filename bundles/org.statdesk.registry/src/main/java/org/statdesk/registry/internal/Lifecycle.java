package org.statdesk.registry.internal;

import java.util.List;
import java.util.Map;

/**
 * The life of a unit in the register: apply → county check → specialty check → in register; change; exit; and
 * resolving findings. Every step names its reason and runs in one transaction with its journal entries.
 */
public interface Lifecycle {
    List<String> EXIT_KINDS = List.of("closed", "cancelled", "below_threshold", "merged");

    /** Fields that registry:change may set, by option name. */
    List<String> CHANGEABLE = List.of("name", "address", "industry", "scale", "revenue", "qualification",
            "division", "phone");

    /** registry:apply: a new application from typed fields (line 0), checked like an imported row. */
    Application apply(Map<String, String> fields, String reason) throws Exception;

    /** registry:approve: applied → county_checked (县级核查), county_checked → in_register (专业核查). */
    Application approve(String codeOrApp, String reason) throws Exception;

    /** registry:reject: the application is kept with its reason. */
    Application reject(String codeOrApp, String reason) throws Exception;

    /** registry:change: changes fields of {@link #CHANGEABLE}; the unit is checked again. */
    Application change(String codeOrApp, Map<String, String> changes, String reason) throws Exception;

    /** registry:exit: closed, cancelled, below threshold or merged; the row stays with its kind and date. */
    Application exit(String codeOrApp, String kind, String date, String reason) throws Exception;

    /** registry:resolve: a user confirms that a finding does not hold (e.g. a duplicate name of another unit). */
    List<StoredFinding> resolveFinding(String codeOrApp, String check, String reason) throws Exception;

    /** Thrown when open error-level findings block a step: exit 1 with the findings. */
    final class Blocked extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient List<StoredFinding> findings;

        public Blocked(String message, List<StoredFinding> findings) {
            super(message);
            this.findings = List.copyOf(findings);
        }

        public List<StoredFinding> findings() {
            return findings;
        }
    }
}
