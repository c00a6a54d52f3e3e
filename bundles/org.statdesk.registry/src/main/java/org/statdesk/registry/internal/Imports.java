package org.statdesk.registry.internal;

import java.nio.file.Path;
import java.util.List;

/** Importing a register file (名录库导入): all or nothing, every row validated and checked. */
public interface Imports {
    /** A finding as the import reports it. */
    record FindingView(String creditCode, String check, String severity, String message) {
    }

    record ImportResult(String file, String encoding, int imported, int admitted, int applied,
            List<FindingView> findings) {
    }

    /**
     * Imports {@code file}: every row becomes an application; with {@code admit} those without error-level findings
     * enter the register at once. Bad input (any row) imports nothing.
     */
    ImportResult importFile(Path file, boolean admit) throws Exception;
}
