package org.statdesk.enforcement.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.statdesk.api.audit.AuditedTable;
import org.statdesk.api.command.Command;
import org.statdesk.api.workbench.View;

/**
 * The bundle's contributions as the framework will see them: one component per command with its name, usage,
 * flags, permission and bulk; the audited tables as components that wait for the schema; rooms behind interfaces.
 */
class CommandComponentsTest {
    /** Name → permission ("" for read-only) and bulk, as issue 13's matrix and the start script need them. */
    static final Map<String, String> PERMISSION = new TreeMap<>(Map.ofEntries(
            Map.entry("enforcement:import-inspectors", "enforcement.roster"),
            Map.entry("enforcement:inspectors", ""),
            Map.entry("enforcement:draw", "enforcement.draw"),
            Map.entry("enforcement:verify-draw", ""),
            Map.entry("enforcement:show-draw", ""),
            Map.entry("enforcement:draws", ""),
            Map.entry("enforcement:export-draw", "enforcement.draw.publish"),
            Map.entry("enforcement:record-check", "enforcement.check"),
            Map.entry("enforcement:open-case", "enforcement.case"),
            Map.entry("enforcement:update-case", "enforcement.case"),
            Map.entry("enforcement:cases", ""),
            Map.entry("enforcement:record-interference", "enforcement.interference"),
            Map.entry("enforcement:interference-report", ""),
            Map.entry("enforcement:add-item", "enforcement.ledger"),
            Map.entry("enforcement:close-item", "enforcement.ledger"),
            Map.entry("enforcement:ledger", ""),
            Map.entry("enforcement:coverage", "")));
    static final Set<String> BULK = Set.of("enforcement:import-inspectors", "enforcement:draw",
            "enforcement:verify-draw");

    @Test
    void everyCommandIsItsOwnComponentWithPermissionAndBulk() throws Exception {
        Map<String, Fakes.Spec> commands = new Fakes.World(new Fakes.TestRegister()).commands();
        assertEquals(PERMISSION.keySet(), commands.keySet());
        for (Fakes.Spec s : commands.values()) {
            assertEquals(PERMISSION.get(s.name()), s.permission(), s.name());
            assertEquals(BULK.contains(s.name()), s.bulk(), s.name());
            assertTrue(s.usage().startsWith(s.name() + " ") && s.usage().endsWith("[--json]"), s.usage());
            assertTrue(!s.description().isBlank(), s.name());
        }
        assertEquals(Set.of("replace"), commands.get("enforcement:draw").flags());
        commands.values().stream().filter(s -> !s.name().equals("enforcement:draw"))
                .forEach(s -> assertEquals(Set.of(), s.flags(), s.name()));
        // the checklist the description names is the one checks are judged against
        for (String item : Cases.CHECKLIST.keySet()) {
            assertTrue(commands.get("enforcement:record-check").description().contains(item), item);
        }
    }

    @Test
    void auditedTablesAreSmallComponentsThatWaitForTheSchema() throws Exception {
        Map<String, List<String>> tables = new TreeMap<>();
        Map<String, String> classes = new TreeMap<>();
        for (Components.Description d : Components.read()) {
            if (d.provides().contains(AuditedTable.class.getName())) {
                assertEquals(List.of(Schema.class.getName()), d.references(), d.name());
                AuditedTable t = (AuditedTable) Class.forName(d.implementation()).getConstructors()[0]
                        .newInstance((Schema) () -> null);
                tables.put(t.table(), t.columns());
                assertEquals("CAST(id AS VARCHAR(20))", t.keyExpression());
                classes.put(t.table(), d.implementation());
            }
        }
        assertEquals(Map.of("enf_inspector", InspectorTable.COLUMNS, "enf_draw", DrawTable.COLUMNS, "enf_check",
                CheckTable.COLUMNS, "enf_case", CaseTable.COLUMNS, "enf_interference", InterferenceTable.COLUMNS,
                "enf_item", ItemTable.COLUMNS), tables);
        assertTrue(classes.values().stream().allMatch(c -> c.endsWith("Table$Audited")), classes::toString);
        // the digest covers what it covered before the tables had classes of their own
        assertEquals(List.of("draw_year", "seed", "population_hash", "algorithm", "rules", "result_digest", "status",
                "replaced_by", "replace_reason", "drawn_on", "drawn_by"), DrawTable.COLUMNS);
    }

    @Test
    void componentsReferenceServicesNotImplementations() throws Exception {
        int rooms = 0;
        for (Components.Description d : Components.read()) {
            for (String ref : d.references()) {
                Class<?> type = Class.forName(ref);
                assertTrue(type.isInterface(), d.name() + " references the class " + ref);
            }
            for (String provided : d.provides()) {
                assertTrue(Class.forName(provided).isInterface(), d.name() + " is registered as a class");
            }
            if (!d.provides().contains(Command.class.getName())) {
                rooms++;
            }
        }
        assertTrue(rooms >= 20, "rooms, tables and views: " + rooms);
    }

    @Test
    void theFiveViewsAreComponentsWithTheirTitles() throws Exception {
        Map<String, String> views = new TreeMap<>();
        for (Components.Description d : Components.read()) {
            if (d.provides().contains(View.class.getName())) {
                Map<String, Object> p = d.properties();
                assertEquals("enforcement", p.get(View.SPECIALTY));
                assertEquals("editor", p.get(View.AREA));
                views.put((String) p.get(View.ID), p.get(View.TITLE) + "/" + p.get(View.TITLE_EN));
            }
        }
        assertEquals(Map.of("enforcement.draws", "双随机抽取/Double-random draws",
                "enforcement.cases", "统计违法案件/Violation cases",
                "enforcement.ledger", "问题台账/Rectification ledger",
                "enforcement.interference", "干预记录/Interference register",
                "enforcement.coverage", "抽查覆盖率/Draw coverage"), views);
    }

    /** Issue 11: no class of the bundle over 600 lines. */
    @Test
    void noClassIsOver600Lines() throws Exception {
        Map<String, Long> big;
        try (Stream<Path> s = Files.walk(Path.of("src"))) {
            big = s.filter(p -> p.toString().endsWith(".java")).collect(Collectors.toMap(Path::toString, p -> {
                try (Stream<String> lines = Files.lines(p)) {
                    return lines.count();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }));
        }
        big.values().removeIf(n -> n <= 600);
        assertEquals(Map.of(), big);
    }
}
