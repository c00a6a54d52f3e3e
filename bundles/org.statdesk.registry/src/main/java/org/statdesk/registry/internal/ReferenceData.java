package org.statdesk.registry.internal;

/** The register's reference data (区划, 行业分类, 入库标准), read once when the bundle starts. */
public interface ReferenceData {
    DivisionsImpl divisions();

    Industries industries();

    EntryThresholds thresholds();
}
