package org.statdesk.store.internal.backup;

/** A backup file that is not exactly what {@code store:backup} wrote: refused, exit 2, nothing changed. */
public final class BackupException extends java.io.IOException {
    private static final long serialVersionUID = 1L;

    public BackupException(String message) {
        super(message);
    }
}
