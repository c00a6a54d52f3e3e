package org.statdesk.tables.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.statdesk.api.command.BadInputException;
import org.statdesk.api.command.InputError;
import org.statdesk.api.input.OutputFiles;
import org.statdesk.api.input.TableFiles;

/**
 * Workbooks through Apache POI: {@code .xlsx} read with the SAX event model (one row in memory at a time),
 * {@code .xls} through HSSF, lists written with the streaming SXSSF writer. POI runs with the thread's context class
 * loader set to its own bundle's, because XMLBeans looks its schema type system up there.
 */
@Component(service = TableFiles.class)
public final class TableFilesImpl implements TableFiles {

    @Override
    public void read(Path file, String sheet, Rows rows) throws IOException {
        Kind kind;
        try (InputStream in = Files.newInputStream(file)) {
            kind = TableFiles.kind(in.readNBytes(8));
        } catch (NoSuchFileException e) {
            throw refused(file, "文件不存在");
        }
        if (!kind.workbook()) {
            throw refused(file, "不是 Excel 工作簿（.xlsx 或 .xls）");
        }
        withPoi(() -> {
            if (kind == Kind.XLSX) {
                XlsxReader.read(file, sheet, rows);
            } else {
                XlsReader.read(file, sheet, rows);
            }
            return null;
        });
    }

    @Override
    public void write(Path out, List<Sheet> sheets) throws IOException {
        withPoi(() -> {
            OutputFiles.write(out, os -> XlsxWriter.write(os, sheets));
            return null;
        });
    }

    /** A workbook refused as a whole: line 0, the field {@code file}, exit 2. */
    static BadInputException refused(Path file, String why) {
        String name = String.valueOf(file.getFileName());
        return new BadInputException(name + "：" + why, List.of(new InputError(0, "file", name, why)));
    }

    private interface PoiWork {
        Object run() throws IOException;
    }

    private static void withPoi(PoiWork work) throws IOException {
        Thread t = Thread.currentThread();
        ClassLoader before = t.getContextClassLoader();
        t.setContextClassLoader(org.apache.poi.xssf.eventusermodel.XSSFReader.class.getClassLoader());
        try {
            work.run();
        } finally {
            t.setContextClassLoader(before);
        }
    }
}
