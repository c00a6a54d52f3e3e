package org.statdesk.documents.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.statdesk.api.audit.TrustAnchors;
import org.statdesk.api.command.Args;
import org.statdesk.api.command.BadInputException;
import org.statdesk.api.command.InputError;
import org.statdesk.api.input.Inputs;
import org.statdesk.api.input.OutputFiles;
import org.statdesk.api.store.Store;

/**
 * Prints a document: the output path checked (never in the data folder), the bureau's heading from the settings, the
 * body, the foot with the date and the journal head on every page, and the file written to a temporary name and
 * renamed when complete.
 */
@Component(service = Press.class, configurationPid = "org.statdesk.documents")
@Designate(ocd = DocumentsConfig.class)
public final class Press {
    /** Draws a document's body below its heading. */
    @FunctionalInterface
    interface Body {
        void draw(PdfDoc doc) throws IOException;
    }

    /** What was written: the file, its pages and the journal head printed at its foot. */
    record Printed(Path path, int pages, String journalHead) {
        /** The JSON of a report command: path, pages, journal head, the figures stated, then {@code more}. */
        Map<String, Object> json(Map<String, ?> figures, Map<String, ?> more) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", path.toString());
            m.put("pages", pages);
            m.put("journal_head", journalHead);
            m.put("figures", figures);
            m.putAll(more);
            return m;
        }
    }

    /** The journal's head as {@code audit:head} prints it ({@code SEQ:HASH}). */
    @FunctionalInterface
    interface HeadSource {
        String head() throws SQLException;
    }

    private final Path dataFolder;
    private final HeadSource heads;
    private volatile DocumentsConfig config;

    @Activate
    public Press(@Reference Store store, @Reference TrustAnchors anchors, DocumentsConfig config) {
        this(store.dataFolder(), () -> {
            try (Connection c = store.connection()) {
                return anchors.head(c).toString();
            }
        }, config);
    }

    Press(Path dataFolder, HeadSource heads, DocumentsConfig config) {
        this.dataFolder = dataFolder;
        this.heads = heads;
        this.config = config;
    }

    @Modified
    void modified(DocumentsConfig c) {
        this.config = c;
    }

    String bureau() {
        String b = config.bureau();
        return b == null || b.isBlank() ? "武威市统计局" : b.strip();
    }

    /**
     * The {@code --out} file, which must end in one of {@code extensions} and lie outside the data folder.
     *
     * @throws BadInputException otherwise (exit 2)
     */
    Path target(Args args, String... extensions) {
        String out = args.required("out");
        String lower = out.toLowerCase(Locale.ROOT);
        if (List.of(extensions).stream().noneMatch(lower::endsWith)) {
            throw bad("out", out, "the output file must end in " + String.join(" or ", extensions));
        }
        try {
            return OutputFiles.check(Path.of(out), dataFolder);
        } catch (Inputs.InvalidValueException | java.nio.file.InvalidPathException e) {
            throw bad("out", out, e.getMessage());
        }
    }

    static BadInputException bad(String field, String value, String message) {
        return new BadInputException("--" + field + ": " + message,
                List.of(InputError.of(field, Inputs.shown(value), message)));
    }

    /** Lays out, finishes and writes one document. */
    Printed print(Path out, String title, String subtitle, Body body) throws IOException, SQLException {
        String head = heads.head();
        LocalDate today = LocalDate.now();
        try (CjkFont font = CjkFont.open(config.font(), config.font_name()); PdfDoc doc = new PdfDoc(font, title)) {
            doc.heading(bureau(), title, subtitle);
            body.draw(doc);
            int pages = doc.finish(List.of(bureau() + "　" + today + " 打印", "审计日志头 " + head));
            OutputFiles.write(out, doc::save);
            return new Printed(out, pages, head);
        }
    }
}
