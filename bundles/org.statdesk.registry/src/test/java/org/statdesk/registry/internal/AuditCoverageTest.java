package org.statdesk.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statdesk.api.registry.UnitQuery;
import org.statdesk.audit.internal.Verifier;

/** Every register column that changes a verdict is covered by audit:verify (issue 12 §2). */
class AuditCoverageTest {
    @TempDir
    Path dir;
    Fixture fx;

    @BeforeEach
    void setUp() throws Exception {
        fx = Fixture.memory();
        Path p = dir.resolve("good.csv");
        Files.writeString(p, RegistryTest.goodFile(), StandardCharsets.UTF_8);
        fx.imports.importFile(p, true);
    }

    @AfterEach
    void tearDown() throws Exception {
        fx.store.close();
    }

    private Verifier.Result verify() throws Exception {
        try (Connection c = fx.store.connection()) {
            return Verifier.verify(c, fx.tables());
        }
    }

    private void tamperedIsFound(String sql, String table) throws Exception {
        assertTrue(verify().ok(), () -> "before: " + uncheck());
        fx.store.exec(sql);
        Verifier.Result v = verify();
        assertFalse(v.ok(), sql);
        assertTrue(v.problems().stream().anyMatch(p -> p.table().equals(table)), v.problems()::toString);
    }

    private String uncheck() {
        try {
            return verify().problems().toString();
        } catch (Exception e) {
            return e.toString();
        }
    }

    @Test
    void aFindingsScoreChangedBehindStatDesksBackIsFound() throws Exception {
        assertTrue(fx.store.count("reg_finding WHERE score IS NOT NULL") > 0, "the good file has a scored finding");
        tamperedIsFound("UPDATE reg_finding SET score = 0.5 WHERE score IS NOT NULL", "reg_finding");
    }

    @Test
    void aSpotCheckDrawAndItsListAreGuarded() throws Exception {
        SpotChecks.SpotCheck s = fx.spotChecks.spotcheck(0.4, 7L, UnitQuery.all(), "季度实地核查");
        assertEquals(1, fx.journal.history(s.drawId(), null).size(), "a draw's history is its one entry");
        assertTrue(verify().ok(), this::uncheck);
        String other = fx.reads.list(UnitQuery.inRegister()).stream().map(u -> u.creditCode())
                .filter(c -> !s.units().contains(c)).findFirst().orElseThrow();
        tamperedIsFound("UPDATE reg_spotcheck_unit SET credit_code = '" + other + "' WHERE ordinal = 1",
                "reg_spotcheck_unit");
    }

    @Test
    void aSpotCheckSeedChangedIsFound() throws Exception {
        fx.spotChecks.spotcheck(0.4, 7L, UnitQuery.all(), "季度实地核查");
        tamperedIsFound("UPDATE reg_spotcheck SET seed = 8", "reg_spotcheck");
    }

    @Test
    void statisticianChangesAndTrainingsAreGuarded() throws Exception {
        fx.staff.addTraining("李明", RegistryTest.A, null, "2025-03-01", "统计法", 4.0);
        fx.staff.changeStatistician(RegistryTest.F, "陈静", null, "2025-04-10", "台账已移交", "调岗");
        tamperedIsFound("UPDATE reg_training SET hours = 40", "reg_training");
        fx.store.exec("UPDATE reg_training SET hours = 4");
        tamperedIsFound("UPDATE reg_staff_change SET change_date = '2024-04-10'", "reg_staff_change");
    }
}
