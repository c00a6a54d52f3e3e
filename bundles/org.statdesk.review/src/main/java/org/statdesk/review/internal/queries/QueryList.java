package org.statdesk.review.internal.queries;

import java.io.IOException;
import java.nio.file.Path;

/** The query list (查询单) of open flags, sent to the units to check and explain. */
public interface QueryList {
    /**
     * Writes the open flags of a period as CSV with a BOM (so that Excel opens it); returns how many rows. The file
     * must lie outside the data folder; it is written whole or not at all.
     */
    int writeQueries(String period, String specialty, Path out) throws IOException;
}
