package org.statdesk.api.feature;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Features (功能): which specialties are enabled on this workstation. Enabling installs and starts a feature's
 * bundles; disabling uninstalls them and keeps every row of their data. The selection persists in the data folder.
 */
@ProviderType
public interface FeatureManager {
    List<FeatureInfo> features();

    FeatureInfo enable(String name) throws Exception;

    FeatureInfo disable(String name) throws Exception;

    /**
     * A feature's title (功能名称) in {@code language} ({@code zh} or {@code en}) as its feature file gives it, so that
     * no core bundle keeps specialty names of its own; the name itself when the file has none.
     */
    default String title(String name, String language) {
        return name;
    }

    /** A feature: its short name (e.g. {@code industrial}), id, whether enabled, and its bundles. */
    record FeatureInfo(String name, String id, boolean enabled, boolean required, List<BundleInfo> bundles) {
    }

    /** A bundle of a feature: Maven coordinates, symbolic name, installed version and state. */
    record BundleInfo(String id, String symbolicName, String version, String state) {
    }
}
