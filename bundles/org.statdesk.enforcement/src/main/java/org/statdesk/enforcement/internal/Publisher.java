package org.statdesk.enforcement.internal;

import java.nio.file.Path;

/** The publication list of a draw (一公开): targets, inspectors, check results and cases; seed, hash, algorithm. */
interface Publisher {
    /** What the list says of a target not checked yet. */
    String NOT_CHECKED = "尚未检查";

    /**
     * Writes the list as CSV (UTF-8 with BOM, for Excel) or HTML, chosen by extension; returns how many targets it
     * holds. A file inside the data folder, or a database file, is bad input and nothing is written.
     */
    int export(long id, Path file) throws Exception;
}
