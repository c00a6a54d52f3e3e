package org.statdesk.api.registry;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The register of survey units (名录库), read side; changes go through its commands and lifecycle. What it finds and
 * lists is what the person working may see ({@link org.statdesk.api.people.Scope}): a county user their county's
 * units, a section user their specialty's; {@link #whole()} is the register beyond that.
 */
@ProviderType
public interface Register {
    /** The unit of a credit code, when the person working may see it. */
    Optional<Unit> find(String creditCode);

    /** The units matching {@code query} that the person working may see, by app id. */
    List<Unit> list(UnitQuery query);

    /**
     * The register of every county and specialty, whatever the scope of the person working: for what is computed
     * over all units (a review's strata and bounds, a draw's population, whose unit a report row is). What is shown
     * from it is filtered by the person's scope.
     *
     * @since 1.1
     */
    Register whole();

    /** The division list (区划): every county and township of the city and province, by code. */
    Divisions divisions();
}
