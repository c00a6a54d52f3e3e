package org.statdesk.workbench.internal;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/** The workbench's text from resource bundles: Chinese by default, English with {@code --locale en}. */
public final class Texts {
    private final ResourceBundle bundle;
    private final Locale locale;
    private final Map<String, String> titles = new ConcurrentHashMap<>();

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

    /** {@code zh} or {@code en}: the language feature titles are asked in. */
    public String language() {
        return english() ? "en" : "zh";
    }

    /**
     * Learns the specialties' titles (specialty key to title), which come from the feature files through the
     * FeatureManager: the workbench keeps no specialty names of its own.
     */
    public void learnTitles(Map<String, String> specialtyTitles) {
        titles.putAll(specialtyTitles);
    }

    /** A specialty's title as its feature file gives it; its key until one is known. */
    public String specialty(String key) {
        if (key == null) {
            return get("perspective.all");
        }
        return titles.getOrDefault(key, key);
    }

    public String status(String key) {
        String s = get("status." + key);
        return s.startsWith("status.") ? key : s;
    }
}
