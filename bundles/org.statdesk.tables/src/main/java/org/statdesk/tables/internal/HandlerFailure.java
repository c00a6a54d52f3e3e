package org.statdesk.tables.internal;

import org.statdesk.api.input.TableFiles;

/**
 * What the caller's row handler threw, carried through POI's parser untouched: a failure of the import's own code is
 * not a corrupt workbook.
 */
final class HandlerFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private HandlerFailure(RuntimeException cause) {
        super(cause);
    }

    @Override
    public synchronized RuntimeException getCause() {
        return (RuntimeException) super.getCause();
    }

    static void pass(TableFiles.Rows rows, TableFiles.Row row) {
        try {
            rows.row(row);
        } catch (RuntimeException e) {
            throw new HandlerFailure(e);
        }
    }
}
