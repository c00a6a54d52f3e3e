package org.statdesk.api.registry;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** The register of survey units (名录库), read side; changes go through its commands and lifecycle. */
@ProviderType
public interface Register {
    Optional<Unit> find(String creditCode);

    List<Unit> list(UnitQuery query);

    /** The division list (区划): every county and township of the city and province, by code. */
    Divisions divisions();
}
