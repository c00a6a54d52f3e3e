package org.statdesk.workbench.internal;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The workbench's text from resource bundles: Chinese by default, English with {@code --locale en}. */
public final class Texts {
    private final ResourceBundle bundle;
    private final Locale locale;

    public Texts(Locale locale) {
        this.locale = locale;
        // Chinese is the base bundle: no fallback to the JVM's default locale, which may well be English.
        this.bundle = ResourceBundle.getBundle("org.statdesk.workbench.internal.texts", locale,
                Texts.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static Texts of(String language) {
        return new Texts("en".equals(language) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE);
    }

    public Locale locale() {
        return locale;
    }

    public boolean english() {
        return "en".equals(locale.getLanguage());
    }

    public String get(String key, Object... args) {
        String s;
        try {
            s = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return args.length == 0 ? s : new MessageFormat(s, locale).format(args);
    }

    /** A specialty's name; a specialty added later shows its key until the texts know it. */
    public String specialty(String key) {
        if (key == null) {
            return get("perspective.all");
        }
        String s = get("specialty." + key);
        return s.startsWith("specialty.") ? key : s;
    }

    public String status(String key) {
        String s = get("status." + key);
        return s.startsWith("status.") ? key : s;
    }
}
