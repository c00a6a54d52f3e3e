package org.statdesk.documents.internal;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

/**
 * One A4 document being laid out: the bureau's heading, paragraphs, tables and boxes flow down the page and onto new
 * pages; {@link #finish} puts the foot (bureau, date, journal head, page n of m) on every page. Text is drawn with
 * the embedded CJK font, so it stays text (searchable, copyable); lines are wrapped by measured width.
 */
final class PdfDoc implements AutoCloseable {
    static final float MARGIN = 56;
    static final float FOOT = 44;
    private static final PDRectangle A4 = PDRectangle.A4;

    private final PDDocument doc = new PDDocument();
    private final CjkFont cjk;
    private final PDType0Font font;
    private final List<PDPage> pages = new ArrayList<>();
    private PDPageContentStream out;
    private float y;

    PdfDoc(CjkFont cjk, String title) throws IOException {
        this.cjk = cjk;
        this.font = PDType0Font.load(doc, cjk.font(), true);
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(title);
        info.setCreator("StatDesk");
        newPage();
    }

    float width() {
        return A4.getWidth() - 2 * MARGIN;
    }

    /** Starts a new page at its top. */
    void newPage() throws IOException {
        if (out != null) {
            out.close();
        }
        PDPage page = new PDPage(A4);
        doc.addPage(page);
        pages.add(page);
        out = new PDPageContentStream(doc, page);
        y = A4.getHeight() - MARGIN;
    }

    /** Moves to a new page unless {@code height} points still fit above the foot. */
    void room(float height) throws IOException {
        if (y - height < MARGIN + FOOT) {
            newPage();
        }
    }

    void space(float points) {
        y -= points;
    }

    /** The bureau's name and the document's title, centred, then a rule. */
    void heading(String bureau, String title, String subtitle) throws IOException {
        centred(bureau, 20, true);
        space(6);
        centred(title, 16, true);
        if (subtitle != null && !subtitle.isEmpty()) {
            space(2);
            centred(subtitle, 10.5f, false);
        }
        space(6);
        out.setLineWidth(1.2f);
        out.moveTo(MARGIN, y);
        out.lineTo(MARGIN + width(), y);
        out.stroke();
        space(14);
    }

    private void centred(String text, float size, boolean bold) throws IOException {
        String t = clean(text);
        room(size * 1.4f);
        y -= size * 1.2f;
        float w = textWidth(t, size);
        show(t, size, MARGIN + (width() - w) / 2, y, bold);
    }

    /** A section title (一、...). */
    void section(String text) throws IOException {
        room(40);
        space(6);
        y -= 14;
        show(clean(text), 13, MARGIN, y, true);
        space(8);
    }

    /** A paragraph, wrapped to the width. */
    void paragraph(String text) throws IOException {
        paragraph(text, 10.5f);
    }

    void paragraph(String text, float size) throws IOException {
        for (String line : wrap(clean(text), size, width())) {
            room(size * 1.6f);
            y -= size * 1.5f;
            show(line, size, MARGIN, y, false);
        }
        space(4);
    }

    /**
     * A table: {@code widths} are shares of the text width; a header row repeated on each page; cells wrapped; numbers
     * (cells that look like figures) right-aligned.
     */
    void table(List<String> header, float[] widths, List<List<String>> rows) throws IOException {
        float size = 9;
        float[] w = new float[widths.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = widths[i] * width();
        }
        row(header, w, size, true);
        for (List<String> r : rows) {
            float h = rowHeight(r, w, size);
            if (y - h < MARGIN + FOOT) {
                newPage();
                row(header, w, size, true);
            }
            row(r, w, size, false);
        }
        space(8);
    }

    private float rowHeight(List<String> cells, float[] w, float size) throws IOException {
        int lines = 1;
        for (int i = 0; i < cells.size(); i++) {
            lines = Math.max(lines, wrap(clean(cells.get(i)), size, w[i] - 6).size());
        }
        return lines * size * 1.35f + 6;
    }

    private void row(List<String> cells, float[] w, float size, boolean header) throws IOException {
        float h = rowHeight(cells, w, size);
        room(h);
        float x = MARGIN;
        if (header) {
            out.setNonStrokingColor(0.9f, 0.9f, 0.9f);
            out.addRect(MARGIN, y - h, width(), h);
            out.fill();
            out.setNonStrokingColor(0f, 0f, 0f);
        }
        out.setLineWidth(0.5f);
        for (int i = 0; i < cells.size(); i++) {
            out.addRect(x, y - h, w[i], h);
            out.stroke();
            List<String> lines = wrap(clean(cells.get(i)), size, w[i] - 6);
            float ly = y - 3 - size;
            for (String line : lines) {
                boolean number = !header && line.length() <= 12 && line.matches("[-+]?[0-9][0-9,.]*%?");
                float lx = number ? x + w[i] - 3 - textWidth(line, size) : x + 3;
                show(line, size, lx, ly, header);
                ly -= size * 1.35f;
            }
            x += w[i];
        }
        y -= h;
    }

    /** A box with a label (one line each, spaced to write beside), left empty for what is written by hand. */
    void box(String label, float height) throws IOException {
        room(height + 4);
        out.setLineWidth(0.6f);
        out.addRect(MARGIN, y - height, width(), height);
        out.stroke();
        String[] lines = clean(label).split("\n");
        for (int i = 0; i < lines.length; i++) {
            show(lines[i], 9.5f, MARGIN + 4, y - 13 - i * height / lines.length, false);
        }
        y -= height + 6;
    }

    /** A chart or other picture, scaled to {@code widthPoints}; {@code image} drawn at 300 dpi is sharp in print. */
    void image(BufferedImage image, float widthPoints) throws IOException {
        float h = widthPoints * image.getHeight() / image.getWidth();
        room(h + 6);
        PDImageXObject x = LosslessFactory.createFromImage(doc, image);
        out.drawImage(x, MARGIN + (width() - widthPoints) / 2, y - h, widthPoints, h);
        y -= h + 8;
    }

    /** Puts the foot (a line or two, short enough for the width beside the page number) on every page. */
    int finish(List<String> foot) throws IOException {
        out.close();
        out = null;
        int n = pages.size();
        for (int i = 0; i < n; i++) {
            try (PDPageContentStream s = new PDPageContentStream(doc, pages.get(i),
                    PDPageContentStream.AppendMode.APPEND, true)) {
                s.setLineWidth(0.5f);
                s.moveTo(MARGIN, MARGIN + 14);
                s.lineTo(MARGIN + width(), MARGIN + 14);
                s.stroke();
                String page = "第 " + (i + 1) + " 页 共 " + n + " 页";
                write(s, page, 9, MARGIN + width() - textWidth(page, 9), MARGIN + 2, false);
                float ly = MARGIN + 2;
                for (String line : foot) {
                    write(s, clean(line), 7.5f, MARGIN, ly, false);
                    ly -= 10;
                }
            }
        }
        return n;
    }

    void save(OutputStream os) throws IOException {
        doc.save(os);
    }

    private void show(String text, float size, float x, float atY, boolean bold) throws IOException {
        write(out, text, size, x, atY, bold);
    }

    private void write(PDPageContentStream s, String text, float size, float x, float atY, boolean bold)
            throws IOException {
        s.beginText();
        s.setFont(font, size);
        if (bold) { // the CJK font has no bold face: stroke the outline as well
            s.setRenderingMode(RenderingMode.FILL_STROKE);
            s.setLineWidth(size / 40);
        }
        s.newLineAtOffset(x, atY);
        s.showText(text);
        s.endText();
        if (bold) {
            s.setRenderingMode(RenderingMode.FILL);
        }
    }

    float textWidth(String text, float size) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    /** Lines of {@code text} no wider than {@code max}; Chinese breaks anywhere, Latin words where it can. */
    List<String> wrap(String text, float size, float max) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String para : text.split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            int lastSpace = -1;
            for (int i = 0; i < para.length(); ) {
                int cp = para.codePointAt(i);
                String ch = new String(Character.toChars(cp));
                if (line.length() > 0 && textWidth(line + ch, size) > max) {
                    if (cp != ' ' && lastSpace > 0 && lastSpace > line.length() / 2) {
                        lines.add(line.substring(0, lastSpace));
                        line.delete(0, lastSpace + 1);
                    } else {
                        lines.add(line.toString());
                        line.setLength(0);
                    }
                    lastSpace = -1;
                    if (cp == ' ') {
                        i += Character.charCount(cp);
                        continue;
                    }
                }
                if (cp == ' ') {
                    lastSpace = line.length();
                }
                line.append(ch);
                i += Character.charCount(cp);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** Text as the font can draw it: controls become spaces, characters without a glyph a replacement mark. */
    String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\n') {
                b.append('\n');
            } else if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
                b.append(' ');
            } else if (cjk.draws(cp)) {
                b.appendCodePoint(cp);
            } else {
                b.append('?');
            }
        });
        return b.toString();
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
        }
        doc.close();
    }
}
