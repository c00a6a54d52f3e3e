package org.statdesk.api.review;

/** A review rule (审核规则) as read from a form's rules file: severity {@code error} or {@code warning}. */
public record Rule(String id, String severity, String expression, String message) {
}
