package org.statdesk.tables.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A workbook's shared strings as plain text, read with POI's secure SAX parser: each {@code <si>} is the text of its
 * {@code <t>} elements (rich-text runs joined), phonetic runs left out; POI's own table would wrap every lookup in an
 * XMLBeans rich-text object.
 */
final class SharedStringsText extends DefaultHandler {
    private final List<String> strings = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private boolean inT;
    private boolean inPhonetic;

    private SharedStringsText() {
    }

    static List<String> read(OPCPackage pkg) throws IOException, SAXException, ParserConfigurationException {
        SharedStringsText h = new SharedStringsText();
        List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
        if (!parts.isEmpty()) {
            XMLReader parser = XMLHelper.newXMLReader();
            parser.setContentHandler(h);
            try (InputStream in = parts.get(0).getInputStream()) {
                parser.parse(new InputSource(in));
            }
        }
        return h.strings;
    }

    @Override
    public void startElement(String uri, String local, String qName, Attributes a) {
        switch (local) {
            case "si" -> text.setLength(0);
            case "t" -> inT = !inPhonetic;
            case "rPh" -> inPhonetic = true;
            default -> {
            }
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (inT) {
            text.append(ch, start, length);
        }
    }

    @Override
    public void endElement(String uri, String local, String qName) {
        switch (local) {
            case "si" -> strings.add(text.toString());
            case "t" -> inT = false;
            case "rPh" -> inPhonetic = false;
            default -> {
            }
        }
    }
}
