package org.statdesk.registry.internal;

/** A finding of a check on a valid row (核查发现), before it is stored. */
public record Finding(String appId, String creditCode, String check, String severity, String message,
        String otherCode, Double score) {
    public boolean error() {
        return "error".equals(severity);
    }
}
