package org.statdesk.registry.internal;

import java.nio.file.Path;
import java.util.List;

/** Importing a register file (名录库导入): all or nothing, every row validated and checked. */
public interface Imports {
    /** A finding as the import reports it. */
    record FindingView(String creditCode, String check, String severity, String message) {
    }

    /** {@code ignoredColumns}: the file's columns read as no field (序号, 备注, 单位负责人 ...), as written. */
    record ImportResult(String file, String encoding, int imported, int admitted, int applied,
            List<FindingView> findings, List<String> ignoredColumns) {
    }

    /**
     * Imports {@code file}, a CSV or a workbook (its sheet {@code sheet}, null: the first): every row becomes an
     * application; with {@code admit} those without error-level findings enter the register at once. Bad input (any
     * row) imports nothing.
     */
    ImportResult importFile(Path file, boolean admit, String sheet) throws Exception;

    /** {@link #importFile(Path, boolean, String)} of a CSV or a workbook's first sheet. */
    default ImportResult importFile(Path file, boolean admit) throws Exception {
        return importFile(file, admit, null);
    }
}
