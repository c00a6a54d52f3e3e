package org.statdesk.enforcement.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statdesk.api.command.BadInputException;
import org.statdesk.api.registry.Unit;

/**
 * Issue 12 §5: the publication list is opened in spreadsheets and browsers by the public, so nothing in it runs; it
 * is never written into the data folder and never half-written.
 */
class PublicationTest {
    Fakes.World w;
    @TempDir
    Path dir;
    Draws.DrawJson d;
    String unit;

    @BeforeEach
    void setUp() throws Exception {
        Fakes.TestRegister register = new Fakes.TestRegister();
        // every unit of the register is drawn (one per county, 20 % rounded up), each with a name that would run
        for (int i = 0; i < 4; i++) {
            Unit u = register.add(i, Fakes.TestRegister.COUNTIES.get(i), "above");
            register.units.put(u.creditCode(), new Unit(u.creditCode(), i == 0 ? "=HYPERLINK(\"http://x\",\"点我\")"
                    : "<script>alert('x')</script>&\"公司\"", u.divisionCode(), u.countyCode(), u.industryCode(),
                    u.specialty(), u.scale(), u.revenue(), null, u.address(), u.statistician(), u.phone(), u.status(),
                    u.opened(), null));
        }
        w = new Fakes.World(register);
        w.roster(Fakes.World.roster(0, 0) + "@SUM(1+1),GS1,2019-05-01,620600,法规\n-2+3,GS2,2019-05-01,620600,法规\n");
        d = (Draws.DrawJson) w.run("enforcement:draw", "--year", "2021", "--seed", "-42").json();
        unit = Fakes.TestRegister.code(0);
    }

    @Test
    void csvCellsThatASpreadsheetWouldRunAreNeutralisedAndNumbersStayNumbers() throws Exception {
        Path csv = dir.resolve("list.csv");
        w.run("enforcement:export-draw", String.valueOf(d.id()), csv.toString());
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        List<CSVRecord> rows = CSVFormat.DEFAULT.parse(new StringReader(text.substring(1))).getRecords();
        CSVRecord first = rows.stream().filter(r -> r.size() > 2 && r.get(2).equals(unit)).findFirst().orElseThrow();
        assertEquals("'=HYPERLINK(\"http://x\",\"点我\")", first.get(3));
        // the team begins with one of the two names, both of which a spreadsheet would run
        String team = first.get(7);
        assertTrue(team.startsWith("'") && team.contains("@SUM(1+1)（GS1）") && team.contains("-2+3（GS2）"), team);
        for (CSVRecord r : rows) {
            for (String cell : r) {
                assertFalse(!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0
                        && !cell.matches("[+-]?\\d+(\\.\\d+)?"), () -> "a cell that would run: " + cell);
            }
        }
        CSVRecord footer = rows.get(rows.size() - 1);
        assertEquals("-42", footer.get(5), "the seed is a number, not neutralised");
        assertEquals("1", rows.get(1).get(0));
    }

    @Test
    void htmlTextIsEscaped() throws Exception {
        Path html = dir.resolve("list.html");
        w.run("enforcement:export-draw", String.valueOf(d.id()), html.toString());
        String page = Files.readString(html);
        assertFalse(page.contains("<script>"), page);
        assertTrue(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&quot;公司&quot;"), page);
        assertEquals("&lt;a href=&quot;x&quot;&gt;&amp;&#39;", PublicationList.esc("<a href=\"x\">&'"));
    }

    @Test
    void aFileInsideTheDataFolderIsRefusedAndNothingWritten() throws Exception {
        Path data = w.store.dataFolder().toAbsolutePath();
        for (Path bad : List.of(data.resolve("list.csv"), data.resolve("db/new/list.html"))) {
            BadInputException e = assertThrows(BadInputException.class,
                    () -> w.run("enforcement:export-draw", String.valueOf(d.id()), bad.toString()));
            assertEquals("file", e.errors().get(0).field(), e.errors().toString());
            assertFalse(Files.exists(bad), bad + " written");
        }
        assertFalse(Files.exists(data.resolve("db/new")), "no folder made in the data folder");
        // a path that reaches the data folder through a link is refused too
        Path link = Files.createSymbolicLink(dir.resolve("data-link"), data);
        assertThrows(BadInputException.class, () -> w.run("enforcement:export-draw", String.valueOf(d.id()),
                link.resolve("list.csv").toString()));
        assertFalse(Files.exists(data.resolve("list.csv")));
    }

    @Test
    void theFileIsReplacedWholeThroughATemporaryName() throws Exception {
        Path csv = dir.resolve("sub/folder/list.csv"); // missing folders are made, as before
        w.run("enforcement:export-draw", String.valueOf(d.id()), csv.toString());
        String first = Files.readString(csv);
        Files.writeString(csv, "old content that is longer than nothing".repeat(1000));
        w.run("enforcement:export-draw", String.valueOf(d.id()), csv.toString());
        assertEquals(first, Files.readString(csv));
        try (Stream<Path> s = Files.list(csv.getParent())) {
            assertEquals(List.of(csv), s.toList(), "no temporary file left");
        }
        // a draw that does not exist writes nothing
        Path none = dir.resolve("none.csv");
        assertThrows(BadInputException.class, () -> w.run("enforcement:export-draw", "999", none.toString()));
        assertFalse(Files.exists(none));
    }
}
