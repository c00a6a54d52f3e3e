package org.statdesk.documents.internal;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.statdesk.api.command.CommandResult;
import org.statdesk.api.people.Person;
import org.statdesk.api.registry.Unit;
import org.statdesk.api.review.ReviewService.Filing;
import org.statdesk.api.review.ReviewService.Rates;
import org.statdesk.testing.FakeReview;
import org.statdesk.testing.ListRegister;

/**
 * Generated data for the documents' tests: a register of two counties with units in and applying, the review's
 * filings and rates of a month, findings as {@code registry:findings} gives them, and whoever is signed in.
 */
final class Bench {
    static final String HEAD = "42:" + "ab".repeat(32);
    static final String LIANGZHOU = "620602";
    static final String MINQIN = "620621";

    final Path dataFolder;
    final Path outFolder;
    final ListRegister register = new ListRegister();
    final FakeReview review = new FakeReview();
    final List<Map<String, Object>> findings = new ArrayList<>();
    Person person = new Person("admin", "系统管理员", Person.ADMIN, null, null);
    String bureau = "武威市统计局";

    Bench(Path tmp) throws IOException {
        dataFolder = Files.createDirectories(tmp.resolve("data"));
        outFolder = Files.createDirectories(tmp.resolve("out"));
        register.division(LIANGZHOU, "凉州区").division(MINQIN, "民勤县")
                .division("620602001", "东大街街道").division("620621100", "三雷镇");
    }

    /** A unit in the register with statistician and phone; {@code status} as given. */
    Unit unit(String code, String name, String township, String status) {
        Unit u = new Unit(code, name, township, township.substring(0, 6), "C1391", "industrial", "above", 31250.5,
                null, township.startsWith(MINQIN) ? "民勤县三雷镇工业园 8 号" : "凉州区东大街 12 号", "李" + code.substring(14),
                "0935-22" + code.substring(13), status, "2020-01-01", null);
        register.put(u);
        return u;
    }

    /** A due unit's filing: {@code filedOn} null for one that did not report. */
    void filing(Unit u, String filedOn, boolean timely) {
        review.filings.add(new Filing(u.creditCode(), u.countyCode(), u.specialty(), "B204-1", filedOn, "2026-11-10",
                timely));
    }

    /** The rates as the review counts them from the filings (due, reported, timely), by county and for the city. */
    void ratesFromFilings() {
        review.rates.clear();
        Map<String, int[]> n = new java.util.TreeMap<>();
        for (Filing f : review.filings) {
            for (String c : List.of(f.county(), "all")) {
                int[] r = n.computeIfAbsent(c, k -> new int[3]);
                r[0]++;
                r[1] += f.reported() ? 1 : 0;
                r[2] += f.timely() ? 1 : 0;
            }
        }
        n.forEach((c, r) -> review.rates.put(c, new Rates(r[0], r[1], r[2], r[1], r[0] == 0 ? 1 : (double) r[1] / r[0],
                r[0] == 0 ? 1 : (double) r[2] / r[0], 1.0)));
    }

    Press press() {
        return new Press(dataFolder, () -> HEAD, config(bureau, "", ""));
    }

    Scope scope() {
        return new Scope(() -> Optional.ofNullable(person));
    }

    CommandFacts facts() {
        return new CommandFacts().with("registry:findings", a -> CommandResult.ok(Map.of("findings", findings), ""),
                "open");
    }

    FieldCheckCommand fieldCheck() {
        return new FieldCheckCommand(register, review, scope(), press(), facts());
    }

    MissingCommand missing() {
        return new MissingCommand(register, review, scope(), press());
    }

    /** The text of a PDF as PDFBox extracts it (what search and copy give). */
    static String text(Path pdf) throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(d);
        }
    }

    /** The text without any white space, for sentences a paragraph wrapped (compare with a flat sentence). */
    static String flat(String text) {
        return text.replaceAll("\\s+", "");
    }

    static int pages(Path pdf) throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            return d.getNumberOfPages();
        }
    }

    static DocumentsConfig config(String bureau, String font, String fontName) {
        return new DocumentsConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return DocumentsConfig.class;
            }

            @Override
            public String bureau() {
                return bureau;
            }

            @Override
            public String font() {
                return font;
            }

            @Override
            public String font_name() {
                return fontName;
            }
        };
    }
}
