package org.statdesk.registry.internal.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statdesk.api.command.Args;
import org.statdesk.api.command.BadInputException;
import org.statdesk.api.command.Command;
import org.statdesk.api.command.CommandResult;
import org.statdesk.registry.internal.TestRegister;

/** Issue 12 §4 for the registry commands' options: numbers strictly parsed, dates not in the future. */
class RegisterOptionsTest {
    @TempDir
    Path dir;
    TestRegister reg;
    String a;

    @BeforeEach
    void setUp() throws Exception {
        reg = TestRegister.memory();
        a = reg.importGood(dir);
    }

    @AfterEach
    void tearDown() throws Exception {
        reg.close();
    }

    private static CommandResult run(Command c, String... tokens) throws Exception {
        return c.execute(Args.parse(List.of(tokens), Set.of("admit", "open")));
    }

    private void refused(Command c, String table, String... tokens) throws Exception {
        long before = reg.count(table);
        long journal = reg.count("aud_journal");
        BadInputException e = assertThrows(BadInputException.class, () -> run(c, tokens), String.join(" ", tokens));
        assertTrue(e.errors().stream().allMatch(x -> x.value() == null || x.value().length() < 80), e.errors()::toString);
        assertEquals(before, reg.count(table), "nothing added to " + table);
        assertEquals(journal, reg.count("aud_journal"), "nothing journaled");
    }

    @Test
    void trainingHoursAreAPlainNonNegativeNumber() throws Exception {
        TrainingCommand training = new TrainingCommand(reg.staff());
        for (String h : List.of("NaN", "Infinity", "0x1p3", "12f", "7d", "1e308", "1e-400", "1,5", "1,,,2", "-2",
                "9000", "")) {
            refused(training, "reg_training", "--name", "李明", "--unit", a, "--date", "2025-03-01", "--course",
                    "统计法", "--hours", h);
        }
        CommandResult ok = run(training, "--name", "李明", "--unit", a, "--date", "2025-03-01", "--course", "统计法",
                "--hours", "2.5");
        assertEquals(0, ok.exitCode());
        assertEquals(1, reg.count("reg_training"));
    }

    @Test
    void datesInTheFutureOrBefore2000AreRefused() throws Exception {
        String tomorrow = LocalDate.now().plusDays(1).toString();
        refused(new TrainingCommand(reg.staff()), "reg_training", "--name", "李明", "--unit", a, "--date", tomorrow,
                "--course", "统计法");
        refused(new TrainingCommand(reg.staff()), "reg_training", "--name", "李明", "--unit", a, "--date",
                "1999-12-31", "--course", "统计法");
        refused(new TrainingCommand(reg.staff()), "reg_training", "--name", "李明", "--unit", a, "--date",
                "2025-02-30", "--course", "统计法");
        refused(new StatisticianCommand(reg.staff()), "reg_staff_change", a, "--name", "陈静", "--date", tomorrow,
                "--handover", "台账已移交", "--reason", "调岗");
        refused(new ExitCommand(reg.lifecycle(), reg.reads()), "aud_journal", a, "--kind", "closed", "--date",
                tomorrow, "--reason", "企业注销");
        assertEquals("in_register", reg.reads().target(a).unit().status());
        CommandResult today = run(new ExitCommand(reg.lifecycle(), reg.reads()), a, "--kind", "closed", "--date",
                LocalDate.now().toString(), "--reason", "企业注销");
        assertEquals(0, today.exitCode());
    }

    @Test
    void spotCheckShareAndSeedAreStrict() throws Exception {
        SpotCheckCommand spot = new SpotCheckCommand(reg.spotChecks());
        for (String s : List.of("NaN", "0x1p-2", "1,5", "0.2f", "Infinity", "1e-400", "0", "1.5")) {
            refused(spot, "reg_spotcheck", "--share", s, "--seed", "7");
        }
        for (String seed : List.of("12f", "0x10", "1e3", "99999999999999999999", "7.5")) {
            refused(spot, "reg_spotcheck", "--share", "0.4", "--seed", seed);
        }
        // a seed as a draw prints it (up to 19 digits) redoes the draw
        CommandResult r = run(spot, "--share", "0.4", "--seed", "4611686018427387904");
        assertEquals(0, r.exitCode(), r::text);
        assertEquals(1, reg.count("reg_spotcheck"));
    }

    @Test
    void coverageYearIsAYear() throws Exception {
        CoverageCommand cov = new CoverageCommand(reg.staff());
        for (String y : List.of("2025x", "99999999999", "1999", String.valueOf(LocalDate.now().getYear() + 2),
                "２０２５")) {
            assertThrows(BadInputException.class, () -> run(cov, "--year", y), y);
        }
        assertEquals(0, run(cov, "--year", "2025").exitCode());
    }

    @Test
    void changeAndApplyJudgeTheirFieldsLikeAnImportedRow() throws Exception {
        ChangeCommand change = new ChangeCommand(reg.lifecycle(), reg.staff(), reg.reads());
        refused(change, "aud_journal", a, "--revenue", "NaN", "--reason", "更正");
        refused(change, "aud_journal", a, "--revenue", "1e308", "--reason", "更正");
        refused(change, "aud_journal", a, "--name", "金鑫\u202E商贸", "--reason", "更名");
        refused(change, "aud_journal", a, "--address", "地".repeat(100_000), "--reason", "迁址");
        refused(change, "aud_journal", a, "--name", "金鑫商贸", "--reason", "理".repeat(5000));
        ApplyCommand apply = new ApplyCommand(reg.lifecycle(), reg.reads());
        refused(apply, "reg_unit", "--credit_code", TestRegister.code(20_000_001), "--name", "民勤县金鑫商贸有限公司",
                "--division_code", "620621100", "--industry_code", "5111", "--revenue", "0x1p20", "--reason", "新开业");
    }
}
