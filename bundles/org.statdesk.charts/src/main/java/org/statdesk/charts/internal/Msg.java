package org.statdesk.charts.internal;

import java.util.Locale;
import org.statdesk.api.workbench.Messages;

/** Chart text from resource bundles: Chinese by default, English with {@code statdesk.locale=en}. */
final class Msg {
    private final Messages messages;

    Msg(Locale locale) {
        this("en".equals(locale.getLanguage()) ? "en" : "zh");
    }

    private Msg(String language) {
        this.messages = Messages.of("org.statdesk.charts.internal.messages", Msg.class.getClassLoader(), language);
    }

    static Msg of(String language) {
        return new Msg(language);
    }

    Locale locale() {
        return messages.locale();
    }

    boolean english() {
        return messages.english();
    }

    String get(String key, Object... args) {
        return messages.get(key, args);
    }
}
