package org.statdesk.review.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.statdesk.api.command.Args;
import org.statdesk.api.command.BadInputException;
import org.statdesk.api.command.CommandResult;
import org.statdesk.api.command.InputError;
import org.statdesk.api.registry.Unit;
import org.statdesk.api.review.Flag;
import org.statdesk.api.review.ReviewService;
import org.statdesk.review.internal.imports.ImportCommand;
import org.statdesk.review.internal.imports.ReportImport;
import org.statdesk.review.internal.run.RunCommand;
import org.statdesk.testing.ListRegister;
import org.statdesk.testing.MemoryStore;
import org.statdesk.testing.RecordingJournal;

class ReviewServiceTest {
    private Synth synth;
    private RecordingJournal journal;
    private Rooms rooms;
    private ReviewService review;
    private String a;
    private String b;

    @BeforeEach
    void setUp() throws Exception {
        synth = new Synth(120, "2024-06", 18, 5, 2);
        List<Unit> units = new ArrayList<>(synth.units);
        units.add(new Unit("91620602MA00000001", "申请中", "620602100", "620602", "C1311", "industrial", "above", 0,
                "", "", "", "", "applied", null, null));
        journal = RecordingJournal.inMemory();
        rooms = new Rooms(MemoryStore.withOwnMigrations(), journal, new ListRegister(units),
                Settings.defaults()).with(TestForms.industrial(), TestForms.trade());
        review = rooms.service;
        a = synth.units.get(0).creditCode();
        b = synth.units.get(1).creditCode();
    }

    private byte[] longCsv(List<String> periods) throws Exception {
        StringWriter w = new StringWriter();
        synth.writeLong(w, periods);
        return w.toString().getBytes(StandardCharsets.UTF_8);
    }

    private List<InputError> errorsOf(String csv) {
        BadInputException e = assertThrows(BadInputException.class,
                () -> rooms.imports.importReports(csv.getBytes(StandardCharsets.UTF_8), null, LocalDate.of(2024, 7, 3)));
        return e.errors();
    }

    @Test
    void badInputIsLineNumberedAndChangesNothing() throws Exception {
        String csv = "credit_code,period,indicator,value\n"
                + a + ",2024-06,output_value,100\n"
                + "91620602MA00000001,2024-06,output_value,5\n"
                + "911111111111111111,2024-06,output_value,5\n"
                + a + ",2024-6,sales_value,5\n"
                + a + ",2024-06,sales,5\n"
                + a + ",2024-06,electricity,12a\n"
                + a + ",2024-06,output_value,101\n";
        List<InputError> e = errorsOf(csv);
        assertEquals(6, e.size(), e.toString());
        assertEquals(new InputError(3, "credit_code", "91620602MA00000001", "单位未入库（状态 applied），不能报送数据"), e.get(0));
        assertEquals(4, e.get(1).line());
        assertTrue(e.get(1).message().contains("先进库、后有数"));
        assertEquals("period", e.get(2).field());
        assertEquals("2024-6", e.get(2).value());
        assertEquals("indicator", e.get(3).field());
        assertEquals("sales", e.get(3).value());
        assertEquals(new InputError(7, "electricity", "12a", "不是数字"), e.get(4));
        assertEquals(8, e.get(5).line());
        assertTrue(e.get(5).message().contains("第 2 行"), e.get(5).message());
        assertTrue(review.values("2024-06", "output_value").isEmpty(), "all-or-nothing");
    }

    @Test
    void jsonErrorsNameTheLineWhereTheObjectStartsAndWideRowsNameAnUnknownUnitOnce() throws Exception {
        String json = "[\n  {\"credit_code\": \"" + a + "\", \"period\": \"2024-05\",\n"
                + "   \"indicator\": \"electricity\", \"value\": 7.5},\n"
                + "  {\"credit_code\": \"" + a + "\", \"period\": \"2024-05\",\n"
                + "   \"indicator\": \"output_value\", \"value\": \"x\"}\n]";
        BadInputException e = assertThrows(BadInputException.class,
                () -> rooms.imports.importReports(json.getBytes(StandardCharsets.UTF_8), null, LocalDate.now()));
        assertEquals(List.of(new InputError(4, "output_value", "x", "不是数字")), e.errors());
        String wide = "credit_code,period,output_value,sales_value\n911111111111111111,2024-05,1,2\n";
        BadInputException w = assertThrows(BadInputException.class,
                () -> rooms.imports.importReports(wide.getBytes(StandardCharsets.UTF_8), null, LocalDate.now()));
        assertEquals(1, w.errors().size(), w.errors().toString());
        assertEquals(2, w.errors().get(0).line());
    }

    @Test
    void wideGbkAndJsonFormsAndIdempotentReimport() throws Exception {
        String wide = "credit_code,period,output_value,sales_value,reported_on\n" + a + ",2024-05,100,95,2024-06-03\n"
                + b + ",2024-05,200,,2024-06-09\n";
        var s = rooms.imports.importReports(wide.getBytes(Charset.forName("GBK")), null, LocalDate.now());
        assertEquals(3, s.values());
        assertEquals(2, s.added());
        String json = "[{\"credit_code\": \"" + a + "\", \"period\": \"2024-05\", \"indicator\": \"electricity\", "
                + "\"value\": 7.5}]";
        var s2 = rooms.imports.importReports(json.getBytes(StandardCharsets.UTF_8), null, LocalDate.now());
        assertEquals(1, s2.changed());
        assertEquals(Map.of(a, 100.0, b, 200.0), review.values("2024-05", "output_value"));
        assertEquals(Map.of("2024-05", 7.5), review.series(a, "electricity", "2024-01", "2024-12"));
        int before = journal.entries().size();
        var again = rooms.imports.importReports(wide.getBytes(StandardCharsets.UTF_8), null, LocalDate.now());
        assertEquals(2, again.unchanged());
        assertEquals(0, again.added() + again.changed());
        assertEquals(before, journal.entries().size(), "identical data changes nothing");
        // GBK with Chinese text in a header that is not an indicator: an unknown indicator with its line
        String gbk = "credit_code,period,产值\n" + a + ",2024-05,1\n";
        BadInputException e = assertThrows(BadInputException.class,
                () -> rooms.imports.importReports(gbk.getBytes(Charset.forName("GBK")), null, LocalDate.now()));
        assertEquals("产值", e.errors().get(0).field() == null ? null : e.errors().get(0).value());
    }

    @Test
    void aReportIsReviewedOnceARunHasSeenItAndARevisionStaysReviewed() throws Exception {
        importFigure(a, "2024-06", 100, null);
        // not reviewed yet: a new figure simply replaces the old one
        assertEquals(1, importFigure(a, "2024-06", 110, null).changed());
        review.run("2024-06", "industrial");
        // reviewed: a change needs a reason and is a revision
        assertTrue(errorsOf(figure(a, "2024-06", 120)).get(0).message().contains("--reason"));
        assertEquals(1, importFigure(a, "2024-06", 120, "企业更正").revisions());
        // ... and the revised report stays reviewed
        assertTrue(errorsOf(figure(a, "2024-06", 130)).get(0).message().contains("--reason"));
        // a late report, written after the run, is not reviewed until the next run has seen it
        importFigure(b, "2024-06", 50, null);
        assertEquals(0, importFigure(b, "2024-06", 55, null).revisions());
        review.run("2024-06", "industrial");
        assertTrue(errorsOf(figure(b, "2024-06", 60)).get(0).message().contains("--reason"));
        // another month is its own: not reviewed by the run of June
        importFigure(a, "2024-05", 90, null);
        assertEquals(0, importFigure(a, "2024-05", 95, null).revisions());
    }

    /** A one-figure report file: the unit's output value for the period. */
    private static String figure(String unit, String period, int value) {
        return "credit_code,period,indicator,value\n" + unit + "," + period + ",output_value," + value + "\n";
    }

    private ReportImport.ImportSummary importFigure(String unit, String period, int value, String reason)
            throws Exception {
        return rooms.imports.importReports(figure(unit, period, value).getBytes(StandardCharsets.UTF_8), reason,
                LocalDate.of(2024, 7, 3));
    }

    /** A database reviewed under the former per-row flag keeps what was reviewed and what was not. */
    @Test
    void theMigrationCarriesTheReviewedStateOver() throws Exception {
        MemoryStore store = MemoryStore.create();
        try (java.sql.Connection c = store.connection(); java.sql.Statement st = c.createStatement()) {
            applyOwn(c, "V1__review.sql", "V2__report_read_index.sql", "V3__report_unit_index.sql");
            st.execute("INSERT INTO rev_report (period, credit_code, form, specialty, reported_on, reviewed) VALUES"
                    + " ('2024-05', 'A', 'B204-1', 'industrial', DATE '2024-06-03', TRUE),"
                    + " ('2024-05', 'B', 'B204-1', 'industrial', DATE '2024-06-20', FALSE),"
                    + " ('2024-06', 'A', 'B204-1', 'industrial', DATE '2024-07-03', FALSE),"
                    + " ('2024-04', 'A', 'B204-1', 'industrial', DATE '2024-05-03', TRUE)");
            applyOwn(c, "V4__review_marks.sql");
            try (java.sql.ResultSet rs = st.executeQuery("SELECT r.period || '/' || r.credit_code,"
                    + " r.written <= m.upto FROM rev_report r JOIN rev_review_mark m ON m.period = r.period"
                    + " AND m.form = r.form ORDER BY 1")) {
                List<String> got = new ArrayList<>();
                while (rs.next()) {
                    got.add(rs.getString(1) + "=" + rs.getBoolean(2));
                }
                assertEquals(List.of("2024-04/A=true", "2024-05/A=true", "2024-05/B=false", "2024-06/A=false"), got);
            }
        }
    }

    /** Some of the bundle's migrations, applied by the store's own runner as a workstation applies them. */
    private static void applyOwn(java.sql.Connection c, String... scripts) throws Exception {
        List<java.net.URL> urls = new ArrayList<>();
        for (String s : scripts) {
            urls.add(Path.of("src/main/resources/db/migration", s).toUri().toURL());
        }
        boolean auto = c.getAutoCommit();
        org.statdesk.store.internal.Migrations.apply(c, "org.statdesk.review",
                org.statdesk.store.internal.Migrations.read(urls));
        c.setAutoCommit(auto);
    }

    @Test
    void runWorkflowRevisionRatesQueriesAggregateAndGate() throws Exception {
        rooms.imports.importReports(longCsv(synth.periods.subList(0, 17)), null, LocalDate.of(2024, 6, 2));
        List<Synth.Fault> planted = synth.plant("2024-06", 3);
        rooms.imports.importReports(longCsv(List.of("2024-06")), null, LocalDate.of(2024, 7, 3));
        List<Flag> flags = review.run("2024-06", "industrial");
        for (Synth.Fault f : planted) {
            assertTrue(flags.stream().anyMatch(x -> x.creditCode().equals(f.creditCode())), "planted " + f);
        }
        assertEquals(flags, review.flags("2024-06", "industrial"));
        Synth.Fault neg = planted.stream().filter(f -> f.what().equals("negative")).findFirst().orElseThrow();
        Flag err = flags.stream().filter(f -> f.creditCode().equals(neg.creditCode())
                && f.rule().equals("nonnegative")).findFirst().orElseThrow();
        // rerunning keeps ids and states
        assertEquals(flags, review.run("2024-06", "industrial"));

        // a changed figure of a reviewed period is a revision: refused without a reason
        String fix = "credit_code,period,indicator,value\n" + neg.creditCode() + ",2024-06,export_value,0\n";
        List<InputError> e = errorsOf(fix);
        assertTrue(e.get(0).message().contains("--reason"), e.toString());
        assertThrows(BadInputException.class, () -> review.resolve(err.id(), "explain", " ", null, null));
        Flag corrected = review.resolve(err.id(), "correct", null, 0.0, "企业误填负数，已核实");
        assertEquals("corrected", corrected.status());
        assertEquals(0.0, review.values("2024-06", "export_value").get(neg.creditCode()));
        assertTrue(journal.entries().stream().map(Object::toString)
                .anyMatch(x -> x.contains("export_value") && x.contains("企业误填负数")));
        assertThrows(BadInputException.class, () -> review.resolve(err.id(), "explain", "x", null, null));
        assertEquals("closed", review.resolve(err.id(), "close", null, null, null).status());

        // rates: the corrected unit is not accurate; everything reported on 2024-07-03 is timely (deadline 6th)
        Map<String, ReviewService.Rates> rates = review.rates("2024-06", "industrial");
        ReviewService.Rates all = rates.get("all");
        assertEquals(120, all.due());
        assertEquals(120, all.reported());
        assertEquals(120, all.timely());
        long openErrorUnits = review.flags("2024-06", "industrial").stream()
                .filter(f -> f.status().equals("open") && f.severity().equals("error")).map(Flag::creditCode)
                .distinct().count();
        assertEquals(120 - 1 - openErrorUnits, all.accurate());
        // the filings are the units the rates count: one per due unit, each reported by the deadline
        List<ReviewService.Filing> filings = review.filings("2024-06", "industrial");
        assertEquals(all.due(), filings.size());
        assertEquals(all.timely(), filings.stream().filter(ReviewService.Filing::timely).count());
        assertTrue(filings.stream().allMatch(f -> "2024-07-03".equals(f.filedOn()) && f.deadline().equals("2024-07-06")),
                filings.get(0)::toString);
        assertEquals(filings.stream().map(ReviewService.Filing::creditCode).distinct().count(), filings.size());

        // the query list: open flags with the unit's statistician, UTF-8 with BOM
        Path out = Files.createTempDirectory("q").resolve("查询单.csv");
        int n = rooms.queries.writeQueries("2024-06", null, out);
        byte[] bytes = Files.readAllBytes(out);
        assertEquals((byte) 0xEF, bytes[0]);
        assertEquals((byte) 0xBB, bytes[1]);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertEquals(n + 1, text.lines().count());
        assertFalse(text.contains("," + err.id() + "\r\n"), "a closed flag is no query");
        assertTrue(text.contains("统计员"));
        assertFalse(text.matches("(?s).*,-?\\d+(\\.\\d+)?[eE]-?\\d+,.*"), "no number in exponent notation: " + text);
        for (Flag q : review.flags("2024-06", null)) {
            if (q.status().equals("open") && q.rule().equals("sales_output_ratio")) {
                double sales = review.values("2024-06", "sales_value").get(q.creditCode());
                assertTrue(text.contains("," + Engine.human(sales) + ","), "the reported figure, not the ratio");
            }
        }

        // aggregates are not for publication until released; reviewed needs no open error
        var agg = rooms.aggregates.aggregate("2024-06", "industrial").get(0);
        assertFalse(agg.forPublication());
        assertTrue(agg.notice().contains("不得对外公布"));
        var city = agg.totals().stream().filter(t -> t.area().equals("city") && t.indicator().equals("employees"))
                .findFirst().orElseThrow();
        double sum = synth.reports.get("2024-06").values().stream().mapToDouble(v -> v[6]).sum();
        assertEquals(sum, city.value(), 1e-6);
        assertNull(agg.totals().stream().filter(t -> t.indicator().equals("output_value_ytd")).findFirst()
                .orElseThrow().mom());
        assertThrows(BadInputException.class, () -> rooms.statuses.advance("2024-06", "industrial", "evaluated", "x"));
        if (openErrorUnits > 0) {
            assertThrows(BadInputException.class, () -> rooms.statuses.advance("2024-06", "industrial", "reviewed", null));
            for (Flag f : review.flags("2024-06", "industrial")) {
                if (f.status().equals("open") && f.severity().equals("error")) {
                    review.resolve(f.id(), "confirm", "核实无误", null, null);
                }
            }
        }
        rooms.statuses.advance("2024-06", "industrial", "reviewed", null);
        assertThrows(BadInputException.class, () -> rooms.statuses.advance("2024-06", "industrial", "evaluated", " "));
        rooms.statuses.advance("2024-06", "industrial", "evaluated", "全市工业增速与用电量一致，评估通过");
        rooms.statuses.advance("2024-06", "industrial", "released", null);
        assertTrue(rooms.aggregates.aggregate("2024-06", "industrial").get(0).forPublication());
    }

    @Test
    void commandsSpeakTheContract() throws Exception {
        Path f = Files.createTempFile("r", ".csv");
        Files.write(f, longCsv(synth.periods));
        CommandResult imp = new ImportCommand(rooms.imports).execute(Args.of(f.toString(), "--json"));
        assertEquals(0, imp.exitCode());
        CommandResult run = new RunCommand(rooms.runs, rooms.rates).execute(Args.of("--period", "2024-06", "--json"));
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) run.json();
        assertEquals("2024-06", json.get("period"));
        assertTrue(json.containsKey("rates"));
        RunCommand runCommand = new RunCommand(rooms.runs, rooms.rates);
        assertThrows(BadInputException.class, () -> runCommand.execute(Args.of("--period", "2024-13")));
        ImportCommand importCommand = new ImportCommand(rooms.imports);
        assertThrows(BadInputException.class, () -> importCommand.execute(Args.of("/nonexistent.csv")));
    }
}
