package org.statdesk.workbench.internal;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.statdesk.api.workbench.Messages;

/** The workbench's text from resource bundles: Chinese by default, English with {@code --locale en}. */
public final class Texts {
    private final Messages messages;
    private final Map<String, String> titles = new ConcurrentHashMap<>();

    public Texts(Locale locale) {
        this.messages = Messages.of("org.statdesk.workbench.internal.texts", Texts.class.getClassLoader(),
                "en".equals(locale.getLanguage()) ? "en" : "zh");
    }

    public static Texts of(String language) {
        return new Texts("en".equals(language) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE);
    }

    public Locale locale() {
        return messages.locale();
    }

    public boolean english() {
        return messages.english();
    }

    public String get(String key, Object... args) {
        return messages.get(key, args);
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

    /** The specialties whose titles are known (key to title), in key order. */
    public Map<String, String> specialties() {
        return new java.util.TreeMap<>(titles);
    }

    /**
     * A code's word on screen (规模 {@code above} is 四上, 名录状态 {@code in_register} 在库): the text
     * {@code group.key}, or the code itself when there is none.
     */
    public String word(String group, String key) {
        if (key == null) {
            return "";
        }
        String s = get(group + "." + key);
        return s.startsWith(group + ".") ? key : s;
    }

    public String status(String key) {
        String s = get("status." + key);
        return s.startsWith("status.") ? key : s;
    }
}
