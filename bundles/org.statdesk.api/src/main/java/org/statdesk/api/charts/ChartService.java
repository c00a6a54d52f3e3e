package org.statdesk.api.charts;

import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Comparison charts (对比图) for anomaly review. Kinds: {@code variance}, {@code series}, {@code hb},
 * {@code county}, {@code rates}. Parameters: {@code period}, {@code indicator}, {@code unit}, {@code specialty}.
 */
@ProviderType
public interface ChartService {
    String VARIANCE = "variance";
    String SERIES = "series";
    String HB = "hb";
    String COUNTY = "county";
    String RATES = "rates";
    List<String> KINDS = List.of(VARIANCE, SERIES, HB, COUNTY, RATES);

    /** Renders a chart as PNG or SVG ({@code format} "png" or "svg") of the given size. */
    void export(String kind, Map<String, String> parameters, String format, int width, int height, OutputStream out)
            throws Exception;
}
