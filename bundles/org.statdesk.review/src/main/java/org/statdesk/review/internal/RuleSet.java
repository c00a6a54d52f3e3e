package org.statdesk.review.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.statdesk.api.review.Indicator;
import org.statdesk.api.review.Rule;

/**
 * Reads a form's rules file: a JSON array of {@code {"id", "severity", "expression", "message"}} with an optional
 * {@code "each"} ({@code "*"} for every indicator of the form, or a list of codes) that repeats the rule for each
 * indicator with {@code $} in the expression standing for its code and {@code {name}} in the message for its
 * Chinese name. A rule is judged on the indicator it names first (or its {@code "indicator"}).
 */
public final class RuleSet {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A rule ready to evaluate, with the indicator its flags are about. */
    public record Compiled(Rule rule, String indicator, Expr expr) {
    }

    private RuleSet() {
    }

    public static List<Compiled> read(InputStream in, List<Indicator> indicators) throws IOException {
        JsonNode root = JSON.readTree(in);
        if (root == null || !root.isArray()) {
            throw new IOException("a rules file is a JSON array of rules");
        }
        Map<String, Indicator> byCode = new java.util.LinkedHashMap<>();
        indicators.forEach(i -> byCode.put(i.code(), i));
        List<Compiled> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int n = 0;
        for (JsonNode r : root) {
            n++;
            String id = text(r, "id", n);
            String severity = text(r, "severity", n);
            String expression = text(r, "expression", n);
            String message = text(r, "message", n);
            if (!severity.equals("error") && !severity.equals("warning")) {
                throw new IOException("rule " + id + ": severity must be error or warning, not " + severity);
            }
            List<String> targets = new ArrayList<>();
            JsonNode each = r.get("each");
            if (each == null || each.isNull()) {
                targets.add(null);
            } else if (each.isTextual() && each.asText().equals("*")) {
                targets.addAll(byCode.keySet());
            } else if (each.isArray()) {
                each.forEach(e -> targets.add(e.asText()));
            } else {
                throw new IOException("rule " + id + ": each must be \"*\" or a list of indicator codes");
            }
            for (String t : targets) {
                if (t != null && !byCode.containsKey(t)) {
                    throw new IOException("rule " + id + ": unknown indicator " + t);
                }
                String ex = t == null ? expression : expression.replace("$", t);
                Expr expr;
                try {
                    expr = Expr.parse(ex);
                } catch (IllegalArgumentException e) {
                    throw new IOException("rule " + id + ": " + e.getMessage(), e);
                }
                for (String ident : expr.identifiers()) {
                    if (!byCode.containsKey(ident)) {
                        throw new IOException("rule " + id + ": unknown indicator " + ident + " in " + ex);
                    }
                }
                String indicator = r.hasNonNull("indicator") ? r.get("indicator").asText()
                        : t != null ? t : expr.identifiers().stream().findFirst().orElse(null);
                if (indicator == null || !byCode.containsKey(indicator)) {
                    throw new IOException("rule " + id + ": names no indicator of the form");
                }
                if (!seen.add(id + "/" + indicator)) {
                    throw new IOException("rule " + id + " is defined twice for " + indicator);
                }
                Indicator ind = byCode.get(indicator);
                String msg = message.replace("{name}", ind.name()).replace("{code}", ind.code());
                out.add(new Compiled(new Rule(id, severity, ex, msg), indicator, expr));
            }
        }
        return out;
    }

    private static String text(JsonNode r, String field, int n) throws IOException {
        JsonNode v = r.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new IOException("rule " + n + " of the rules file has no " + field);
        }
        return v.asText();
    }
}
