package org.statdesk.registry.internal;

import org.osgi.service.component.annotations.Component;

/** The reference files this bundle ships (reference/*.csv), loaded at activation. */
@Component(service = ReferenceData.class)
public final class BundledReferenceData implements ReferenceData {
    private final DivisionsImpl divisions = DivisionsImpl.load();
    private final Industries industries = Industries.load();
    private final EntryThresholds thresholds = EntryThresholds.load();

    @Override
    public DivisionsImpl divisions() {
        return divisions;
    }

    @Override
    public Industries industries() {
        return industries;
    }

    @Override
    public EntryThresholds thresholds() {
        return thresholds;
    }
}
