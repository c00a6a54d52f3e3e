package org.statdesk.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A feature file (OSGi Feature Service format, Compendium 8.1 ch. 159) as the runtime needs it: its id and the Maven
 * coordinates of its bundles. The short name is the artifact id without {@code statdesk-}.
 */
record FeatureFile(Path file, String id, String name, String title, String titleEn, boolean required,
        List<String> bundles) {

    static FeatureFile read(Path file) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new FeatureException("feature file " + file + " is not valid JSON (" + firstLine(e.getMessage())
                    + "): fix or restore it from the distribution");
        }
        String id = root.path("id").asText("");
        String[] gav = id.split(":");
        if (gav.length < 3) {
            throw new FeatureException("feature file " + file + " has no valid \"id\" (group:artifact:version)");
        }
        List<String> bundles = new ArrayList<>();
        for (JsonNode b : root.path("bundles")) {
            String bid = b.isTextual() ? b.asText() : b.path("id").asText("");
            if (bid.split(":").length < 3) {
                throw new FeatureException("feature file " + file + " names a bundle without Maven coordinates: '"
                        + bid + "'");
            }
            bundles.add(bid);
        }
        String artifact = gav[1];
        String name = artifact.startsWith("statdesk-") ? artifact.substring("statdesk-".length()) : artifact;
        // core and workbench always come: a section can only choose its specialties.
        boolean required = name.equals("core") || name.equals("workbench");
        // The English title is a feature extension (Compendium 159.7), so the file stays a valid feature.
        String en = root.path("extensions").path("statdesk-titles").path("json").path("en").asText(name);
        return new FeatureFile(file, id, name, root.path("name").asText(name), en, required, List.copyOf(bundles));
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    static final class FeatureException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FeatureException(String message) {
            super(message);
        }
    }
}
