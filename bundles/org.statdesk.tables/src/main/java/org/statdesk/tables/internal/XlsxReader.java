package org.statdesk.tables.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.util.RecordFormatException;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.statdesk.api.input.TableFiles;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * An {@code .xlsx} sheet read with POI's event model (XSSFReader): the sheet's XML parsed with SAX (POI's secure
 * parser: no DOCTYPE, no external entities) by {@link SheetHandler}, shared strings read once, one row held at a time. POI's zip reader keeps its
 * guards against zip bombs (an entry that inflates more than 100 times is refused).
 */
final class XlsxReader {
    private XlsxReader() {
    }

    static void read(Path file, String sheet, TableFiles.Rows rows) throws IOException {
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (NotOfficeXmlFileException | InvalidFormatException | OpenXML4JRuntimeException e) {
            throw TableFilesImpl.refused(file, "不是 Excel 工作簿，或工作簿已损坏，无法读取（" + why(e) + "）");
        }
        try {
            XSSFReader reader = new XSSFReader(pkg);
            List<String> strings = SharedStringsText.read(pkg);
            StylesTable styles = reader.getStylesTable();
            XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) reader.getSheetsData();
            List<String> names = new ArrayList<>();
            while (it.hasNext()) {
                try (InputStream in = it.next()) {
                    String name = it.getSheetName();
                    names.add(name);
                    if (sheet == null || sheet.equals(name)) {
                        parse(in, styles, strings, rows);
                        return;
                    }
                }
            }
            throw TableFilesImpl.refused(file, names.isEmpty() ? "工作簿中没有工作表"
                    : "没有名为「" + sheet + "」的工作表（有：" + String.join("、", names) + "）");
        } catch (HandlerFailure f) {
            throw f.getCause();
        } catch (EncryptedDocumentException e) {
            throw TableFilesImpl.refused(file, "工作簿已加密：请在 Excel 中取消密码后另存，再导入");
        } catch (OpenXML4JException | SAXException | ParserConfigurationException | RecordFormatException
                | OpenXML4JRuntimeException | IllegalStateException | IllegalArgumentException e) {
            throw TableFilesImpl.refused(file, "工作簿已损坏，无法读取（" + why(e) + "）");
        } finally {
            pkg.revert(); // opened for reading: nothing to save
        }
    }

    private static void parse(InputStream in, StylesTable styles, List<String> strings, TableFiles.Rows rows)
            throws IOException, SAXException, ParserConfigurationException {
        XMLReader parser = XMLHelper.newXMLReader();
        parser.setContentHandler(new SheetHandler(styles, strings, rows));
        parser.parse(new InputSource(in));
    }

    static String why(Exception e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : org.statdesk.api.input.Inputs.shown(m);
    }

    /** The 0-based column of a cell reference such as {@code AB12}, read by hand (CellReference parses a pattern). */
    static int column(String ref) {
        int col = 0;
        for (int i = 0; i < ref.length(); i++) {
            char c = ref.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                col = col * 26 + (c - 'A' + 1);
            } else if (c != '$') {
                break;
            }
        }
        return col - 1;
    }
}
