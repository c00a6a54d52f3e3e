package org.statdesk.api.workbench;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * A bundle's on-screen text (界面文字) from its resource bundle: Chinese is the base bundle, English its {@code _en}
 * variant, never the JVM's default locale; a missing key shows as itself rather than failing a view.
 */
public final class Messages {
    private final ResourceBundle bundle;
    private final Locale locale;

    private Messages(String baseName, ClassLoader loader, Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(baseName, locale, loader,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The messages {@code baseName} (e.g. {@code org.statdesk.charts.internal.messages}) in {@code zh} or {@code en}. */
    public static Messages of(String baseName, ClassLoader loader, String language) {
        return new Messages(baseName, loader, "en".equals(language) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE);
    }

    public Locale locale() {
        return locale;
    }

    public boolean english() {
        return "en".equals(locale.getLanguage());
    }

    /** The text of {@code key}, with {@code args} put in by {@link MessageFormat}; the key itself when missing. */
    public String get(String key, Object... args) {
        String s;
        try {
            s = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return args.length == 0 ? s : new MessageFormat(s, locale).format(args);
    }
}
