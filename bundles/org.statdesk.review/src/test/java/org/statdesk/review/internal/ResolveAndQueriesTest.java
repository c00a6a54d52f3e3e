package org.statdesk.review.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statdesk.api.command.Args;
import org.statdesk.api.command.BadInputException;
import org.statdesk.api.registry.Unit;
import org.statdesk.api.review.Flag;
import org.statdesk.review.internal.aggregates.Aggregates;
import org.statdesk.review.internal.flags.ResolveCommand;
import org.statdesk.review.internal.queries.QueriesCommand;
import org.statdesk.testing.ListRegister;
import org.statdesk.testing.MemoryStore;
import org.statdesk.testing.RecordingJournal;

/** A correction takes a plain number only; the query list is spreadsheet-safe and never lands in the data folder. */
class ResolveAndQueriesTest {
    @TempDir
    Path dataFolder;
    @TempDir
    Path elsewhere;
    private Rooms rooms;
    private Synth synth;

    @BeforeEach
    void setUp() throws Exception {
        synth = new Synth(60, "2024-06", 14, 11, 2);
        List<Unit> units = new ArrayList<>();
        for (Unit u : synth.units) {
            // names and phones that look like formulas: free text on input, neutralised on output
            units.add(new Unit(u.creditCode(), "=HYPERLINK(\"http://x\")" + u.name(), u.divisionCode(),
                    u.countyCode(), u.industryCode(), u.specialty(), u.scale(), u.revenue(), u.qualification(),
                    u.address(), "@" + u.statistician(), "+86 931 " + u.phone(), u.status(), u.opened(), u.closed()));
        }
        MemoryStore store = MemoryStore.withOwnMigrations().dataFolder(dataFolder);
        rooms = new Rooms(store, RecordingJournal.inMemory(), new ListRegister(units), Settings.defaults())
                .with(TestForms.industrial());
        StringWriter w = new StringWriter();
        synth.plant("2024-06", 2);
        synth.writeLong(w, synth.periods);
        rooms.imports.importReports(w.toString().getBytes(StandardCharsets.UTF_8), null, LocalDate.of(2024, 7, 3));
        assertFalse(rooms.runs.run("2024-06", "industrial").isEmpty());
    }

    private Flag anOpenFlag() {
        return rooms.service.flags("2024-06", "industrial").stream().filter(f -> f.status().equals("open"))
                .findFirst().orElseThrow();
    }

    @Test
    void aCorrectionWithNaNOrAnOverflowingValueIsRefusedAndTheTotalsStay() throws Exception {
        Flag f = anOpenFlag();
        List<Aggregates.Total> before = rooms.aggregates.aggregate("2024-06", "industrial").get(0).totals();
        ResolveCommand resolve = new ResolveCommand(rooms.flags);
        for (String v : List.of("NaN", "Infinity", "1e308", "0x1p3", "12f", "1,5", "1e-400")) {
            BadInputException e = assertThrows(BadInputException.class, () -> resolve.execute(Args.of(
                    String.valueOf(f.id()), "--action", "correct", "--value", v, "--reason", "核实")), v);
            assertTrue(e.getMessage().startsWith("option --value"), e.getMessage());
        }
        assertEquals(before, rooms.aggregates.aggregate("2024-06", "industrial").get(0).totals());
        assertEquals("open", rooms.service.flags("2024-06", null).stream().filter(x -> x.id() == f.id()).findFirst()
                .orElseThrow().status());
        // a view that calls the service directly is held to the same
        for (double v : new double[] {Double.NaN, Double.POSITIVE_INFINITY, 1e308}) {
            assertThrows(BadInputException.class, () -> rooms.service.resolve(f.id(), "correct", null, v, "核实"));
        }
        assertEquals(before, rooms.aggregates.aggregate("2024-06", "industrial").get(0).totals());
        // a plain number is a correction
        resolve.execute(Args.of(String.valueOf(f.id()), "--action", "correct", "--value", "12.5", "--reason", "核实"));
        assertEquals(12.5, rooms.service.values("2024-06", f.indicator()).get(f.creditCode()));
    }

    @Test
    void theQueryListNeutralisesFormulasKeepsNumbersAndIsWrittenWhole() throws Exception {
        Path out = elsewhere.resolve("lists/查询单.csv");
        int n = rooms.queries.writeQueries("2024-06", null, out);
        assertTrue(n > 0);
        String text = new String(Files.readAllBytes(out), StandardCharsets.UTF_8);
        String first = text.lines().skip(1).findFirst().orElseThrow();
        assertTrue(first.contains(",\"'=HYPERLINK(\"\"http://x\"\")单位"), first);
        assertTrue(first.contains(",'@统计员"), first);
        assertTrue(first.contains(",'+86 931 1390000"), first);
        assertTrue(first.startsWith("1,"), "the row number stays a number: " + first);
        try (var files = Files.list(out.getParent())) {
            assertEquals(List.of(out.getFileName()), files.map(Path::getFileName).toList(), "no temporary file left");
        }
    }

    /** The same list as .xlsx, read back with POI: header alone in row 1, frozen; numbers as numbers, text safe. */
    @Test
    void theQueryListAsXlsxHasNumbersAsNumbersAndNeutralisedText() throws Exception {
        Path out = elsewhere.resolve("lists/查询单.xlsx");
        int n = rooms.queries.writeQueries("2024-06", null, out);
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                Files.newInputStream(out))) {
            var sheet = wb.getSheetAt(0);
            assertEquals("审核查询 2024-06", sheet.getSheetName());
            assertEquals(n, sheet.getLastRowNum(), "a row per query below the header, no total row");
            assertEquals("统一社会信用代码", sheet.getRow(0).getCell(1).getStringCellValue());
            assertEquals(1, sheet.getPaneInformation().getHorizontalSplitPosition());
            var first = sheet.getRow(1);
            assertEquals(org.apache.poi.ss.usermodel.CellType.NUMERIC, first.getCell(0).getCellType());
            assertEquals(1.0, first.getCell(0).getNumericCellValue());
            assertEquals(org.apache.poi.ss.usermodel.CellType.NUMERIC, first.getCell(9).getCellType(), "填报值");
            assertTrue(first.getCell(2).getStringCellValue().startsWith("'=HYPERLINK(\"http://x\")单位"));
            assertTrue(first.getCell(5).getStringCellValue().startsWith("'+86 931 1390000"));
            assertTrue(sheet.getColumnWidth(2) > sheet.getColumnWidth(0), "widths fit the cells");
        }
        try (var files = Files.list(out.getParent())) {
            assertEquals(List.of(out.getFileName()), files.map(Path::getFileName).toList(), "no temporary file left");
        }
    }

    @Test
    void aQueryListInsideTheDataFolderOrOverADatabaseIsRefusedAndTheFileStays() throws Exception {
        Path db = Files.createDirectories(dataFolder.resolve("db")).resolve("statdesk.mv.db");
        byte[] live = "the live database".getBytes(StandardCharsets.UTF_8);
        Files.write(db, live);
        QueriesCommand cmd = new QueriesCommand(rooms.queries);
        BadInputException e = assertThrows(BadInputException.class, () -> cmd.execute(Args.of("--period", "2024-06",
                "--out", db.toString())));
        assertTrue(e.getMessage().contains("data folder"), e.getMessage());
        assertArrayEquals(live, Files.readAllBytes(db));
        assertThrows(BadInputException.class, () -> cmd.execute(Args.of("--period", "2024-06", "--out",
                dataFolder.resolve("exports/q.csv").toString())));
        assertFalse(Files.exists(dataFolder.resolve("exports")), "no folder made inside the data folder");
        Path other = elsewhere.resolve("copy.mv.db");
        assertThrows(BadInputException.class, () -> cmd.execute(Args.of("--period", "2024-06", "--out",
                other.toString())));
        assertFalse(Files.exists(other));
    }
}
