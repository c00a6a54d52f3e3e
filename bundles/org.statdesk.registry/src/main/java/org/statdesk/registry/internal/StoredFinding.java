package org.statdesk.registry.internal;

/** A finding as stored, with whether, by whom and why it was resolved. */
public record StoredFinding(long id, String appId, String creditCode, String check, String severity,
        String message, String otherCode, Double score, boolean resolved, String resolvedBy,
        String resolvedReason) {
}
