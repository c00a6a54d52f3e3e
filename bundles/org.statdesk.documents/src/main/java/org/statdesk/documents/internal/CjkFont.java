package org.statdesk.documents.internal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.OpenTypeFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;

/**
 * The Chinese font a document embeds (as a subset, with its ToUnicode map, so that the text can be searched and
 * copied). PDFBox subsets TrueType outlines only: Noto Sans CJK's {@code .ttc} has CFF (PostScript) outlines, which
 * PDFBox 3 can neither subset nor embed, so the search takes the system's TrueType CJK fonts (WenQuanYi, AR PL) and
 * says why a CFF font was passed over.
 */
final class CjkFont implements Closeable {
    /** Where Debian and Ubuntu install TrueType CJK fonts (fonts-wqy-microhei first: small and complete). */
    static final List<Path> KNOWN = List.of(Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
            Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
            Path.of("/usr/share/fonts/truetype/arphic/uming.ttc"),
            Path.of("/usr/share/fonts/truetype/arphic/ukai.ttc"),
            Path.of("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"));
    /** Characters every document needs: Chinese, digits, Latin. */
    private static final String NEEDED = "统计局县区1A";

    private final TrueTypeFont font;
    private final Closeable source;
    private final CmapLookup cmap;
    final Path path;

    private CjkFont(TrueTypeFont font, Closeable source, Path path) throws IOException {
        this.font = font;
        this.source = source;
        this.path = path;
        this.cmap = font.getUnicodeCmapLookup();
    }

    TrueTypeFont font() {
        return font;
    }

    /** Whether the font draws {@code codePoint}; others are printed as a replacement mark. */
    boolean draws(int codePoint) {
        return cmap.getGlyphId(codePoint) > 0;
    }

    /**
     * The font of the setting {@code configured} (a path, with {@code name} a member of a collection), or with none
     * set the first usable one of {@link #KNOWN}.
     *
     * @throws IllegalStateException naming what was tried and why each was refused
     */
    static CjkFont open(String configured, String name) {
        List<Path> candidates = configured == null || configured.isBlank() ? KNOWN : List.of(Path.of(configured));
        List<String> refused = new ArrayList<>();
        for (Path p : candidates) {
            if (!Files.isRegularFile(p)) {
                refused.add(p + " (not found)");
                continue;
            }
            try {
                CjkFont f = load(p, name == null || name.isBlank() ? null : name, refused);
                if (f != null) {
                    return f;
                }
            } catch (IOException | RuntimeException e) {
                refused.add(p + " (" + e.getMessage() + ")");
            }
        }
        throw new IllegalStateException("no usable Chinese font for the PDF documents: tried " + String.join("; ", refused)
                + ". Install one with TrueType outlines (apt-get install -y fonts-wqy-microhei) or set font=PATH "
                + "(and font.name for a .ttc) in etc/org.statdesk.documents.cfg");
    }

    private static CjkFont load(Path p, String name, List<String> refused) throws IOException {
        if (p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".ttc")) {
            TrueTypeCollection ttc = new TrueTypeCollection(p.toFile());
            List<TrueTypeFont> members = new ArrayList<>();
            ttc.processAllFonts(members::add);
            for (TrueTypeFont t : members) {
                if ((name == null || name.equals(t.getName())) && usable(p, t, refused)) {
                    return new CjkFont(t, ttc, p);
                }
            }
            if (name != null && members.stream().noneMatch(t -> nameOf(t).equals(name))) {
                refused.add(p + " (has no font named " + name + ")");
            }
            ttc.close();
            return null;
        }
        TrueTypeFont t = new TTFParser().parse(new RandomAccessReadBufferedFile(p.toFile()));
        if (usable(p, t, refused)) {
            return new CjkFont(t, t, p);
        }
        t.close();
        return null;
    }

    private static String nameOf(TrueTypeFont t) {
        try {
            return t.getName();
        } catch (IOException e) {
            return "";
        }
    }

    private static boolean usable(Path p, TrueTypeFont t, List<String> refused) throws IOException {
        if (t instanceof OpenTypeFont otf && otf.isPostScript()) {
            refused.add(p + " " + t.getName() + " (CFF outlines: PDFBox embeds TrueType outlines only)");
            return false;
        }
        CmapLookup cmap = t.getUnicodeCmapLookup(false);
        if (cmap == null || NEEDED.codePoints().anyMatch(c -> cmap.getGlyphId(c) == 0)) {
            refused.add(p + " " + t.getName() + " (lacks Chinese characters, digits or Latin letters)");
            return false;
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
