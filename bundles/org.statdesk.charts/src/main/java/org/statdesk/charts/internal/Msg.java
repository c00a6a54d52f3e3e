package org.statdesk.charts.internal;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Chart text from resource bundles: Chinese by default, English with {@code statdesk.locale=en}. */
final class Msg {
    private final ResourceBundle bundle;
    private final Locale locale;

    Msg(Locale locale) {
        this.locale = locale;
        // No fallback to the JVM's default locale: Chinese is the base bundle, English its _en variant.
        this.bundle = ResourceBundle.getBundle("org.statdesk.charts.internal.messages", locale,
                Msg.class.getClassLoader(), ResourceBundle.Control.getNoFallbackControl(
                        ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    static Msg of(String language) {
        return new Msg("en".equals(language) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE);
    }

    Locale locale() {
        return locale;
    }

    boolean english() {
        return "en".equals(locale.getLanguage());
    }

    String get(String key, Object... args) {
        String s;
        try {
            s = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return args.length == 0 ? s : new MessageFormat(s, locale).format(args);
    }
}
