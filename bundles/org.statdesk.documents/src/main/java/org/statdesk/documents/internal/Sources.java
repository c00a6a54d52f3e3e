package org.statdesk.documents.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The specialty commands a document prints from, by the job they do ({@code draws}, {@code cases}, ...), named in
 * {@code documents/sources.properties}: data, so that this core bundle names no specialty in its code.
 */
final class Sources {
    private static final Properties NAMES = new Properties();

    static {
        try (InputStream in = Sources.class.getResourceAsStream("/documents/sources.properties")) {
            NAMES.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private final CommandFacts facts;

    Sources(CommandFacts facts) {
        this.facts = facts;
    }

    /** The JSON of the command that does {@code job}, or null when it is absent (its feature disabled). */
    JsonNode fact(String job, String... args) throws Exception {
        String name = NAMES.getProperty(job);
        return name == null ? null : facts.run(name, args).orElse(null);
    }
}
