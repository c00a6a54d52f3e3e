package org.statdesk.records.internal;

import java.nio.file.Path;
import java.util.List;

/** records:import: a file of one source, judged as a whole, then written in one transaction with its journal entry. */
interface Importer {
    /**
     * What an import did: the source, the rows written, the months the file holds (empty for market), the records it
     * replaced (of those months; for market the registrations of the file's codes) and the file's SHA-256.
     */
    record ImportResult(String source, int rows, List<String> periods, int replaced, String digest) {
    }

    ImportResult importFile(Path file, String source) throws Exception;
}
