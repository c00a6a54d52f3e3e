package org.statdesk.api.command;

/**
 * Not signed in, sign-in failed, or the person may not do this (无权操作): {@code statdesk run} exits 3 with
 * {@code {"error": "...", "permission": "..."}} and nothing changed. Thrown by the sign-in layer before a command runs
 * and by a service that finds a unit, report or flag outside the person's county or specialty.
 */
public class NotPermittedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String permission;

    public NotPermittedException(String message, String permission) {
        super(message);
        this.permission = permission;
    }

    /** The permission that was missing; null when the failure was the sign-in itself. */
    public String permission() {
        return permission;
    }
}
