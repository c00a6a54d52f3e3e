package org.statdesk.workbench.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.statdesk.api.review.ReportForm;

/**
 * The rules' titles on screen (规则名称) instead of their ids: the review's own rules (环比, 同比, HB, 计量单位) from
 * the workbench's texts, a form's rules from its rules file, titled by the head of their message ("电耗背离：..." is
 * 电耗背离).
 */
final class RuleTitles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RuleTitles() {
    }

    /** Rule id to title for these forms; read off the Swing thread (the rules files are read). */
    static Map<String, String> of(Iterable<ReportForm> forms, Texts texts) {
        Map<String, String> out = new HashMap<>();
        for (ReportForm f : forms) {
            if (f.rules() == null) {
                continue;
            }
            try (InputStream in = f.rules().openStream()) {
                for (JsonNode r : JSON.readTree(in)) {
                    String id = r.path("id").asText(null);
                    String message = r.path("message").asText("");
                    if (id != null && !message.isBlank()) {
                        out.putIfAbsent(id, title(message, texts));
                    }
                }
            } catch (Exception e) {
                System.err.println("statdesk.workbench: rules of form " + f.code() + " unreadable: " + e);
            }
        }
        return out;
    }

    /** A rule's title: its own text for the review's rules, else the head of its message, else its kind's name. */
    static String title(String id, String kind, Map<String, String> formRules, Texts texts) {
        String own = texts.get("rule." + id);
        if (!own.startsWith("rule.")) {
            return own;
        }
        String t = formRules.get(id);
        if (t != null) {
            return t;
        }
        String k = texts.get("rule.kind." + kind);
        return k.startsWith("rule.kind.") ? texts.get("rule.unknown") : k;
    }

    /** "电耗背离：工业总产值..." is 电耗背离; "{name}不能为负数" is 指标不能为负数; "产销率（...）超出..." is 产销率. */
    static String title(String message, Texts texts) {
        String m = message.replace("{name}", texts.get("rule.anyIndicator")).strip();
        // the head up to the first colon, bracket or comma: 电耗背离, 产销率, 出口交货值不应大于工业销售产值
        for (int i = 1; i < m.length(); i++) {
            char c = m.charAt(i);
            if (c == '：' || c == '（' || c == '，') {
                return m.substring(0, i);
            }
        }
        return m;
    }
}
