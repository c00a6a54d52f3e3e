package org.statdesk.records.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statdesk.api.command.Args;
import org.statdesk.api.command.BadInputException;
import org.statdesk.api.command.InputError;
import org.statdesk.api.input.CreditCodes;
import org.statdesk.api.input.TableFiles;
import org.statdesk.api.records.Records;
import org.statdesk.tables.internal.TableFilesImpl;
import org.statdesk.testing.MemoryStore;
import org.statdesk.testing.RecordingJournal;

/**
 * Issue 16: records:import reads the four sources with English or Chinese headers, refuses a bad file as a whole
 * with line-numbered errors, and a re-import replaces the months (market: the codes) the file holds.
 */
class RecordsImportTest {
    static final String A = CreditCodes.make("91620602", "00000001");
    static final String B = CreditCodes.make("91620602", "00000002");
    static final String C = CreditCodes.make("91620602", "00000003");
    @TempDir
    Path dir;
    MemoryStore store;
    RecordingJournal journal;
    Importer importer;
    Records records;
    TableFiles tables = new TableFilesImpl();

    @BeforeEach
    void setUp() throws Exception {
        store = MemoryStore.withOwnMigrations();
        journal = RecordingJournal.inMemory();
        RecordsDb db = () -> store;
        importer = new ImporterComponent(db, journal, tables);
        records = new RecordsImpl(db);
    }

    @AfterEach
    void tearDown() throws Exception {
        store.close();
    }

    Path file(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    Importer.ImportResult ok(String source, String text) throws Exception {
        return importer.importFile(file(source + ".csv", text), source);
    }

    /** Imports {@code text}, expects bad input, and that the tables and the journal are as they were. */
    List<InputError> refused(String source, byte[] bytes) throws Exception {
        Path f = dir.resolve("bad.csv");
        Files.write(f, bytes);
        Object before = List.of(records.monthly(Records.TAX, null, null), records.monthly(Records.POWER, null, null),
                records.ledger(null, null), records.market());
        int entries = journal.entries().size();
        BadInputException e = assertThrows(BadInputException.class, () -> importer.importFile(f, source));
        assertEquals(before, List.of(records.monthly(Records.TAX, null, null),
                records.monthly(Records.POWER, null, null), records.ledger(null, null), records.market()),
                "nothing changed");
        assertEquals(entries, journal.entries().size(), "nothing journaled");
        return e.errors();
    }

    List<InputError> refused(String source, String text) throws Exception {
        return refused(source, text.getBytes(StandardCharsets.UTF_8));
    }

    static List<String> where(List<InputError> errors) {
        return errors.stream().map(e -> e.line() + ":" + e.field()).toList();
    }

    @Test
    void taxRecordsAreReadWithPeriodsInAnyAcceptedForm() throws Exception {
        Importer.ImportResult r = ok("tax", "credit_code,period,invoice_sales\n" + A + ",2024-05,120.5\n" + A
                + ",202406,130\n" + B + ",2024年6月,0\n");
        assertEquals(3, r.rows());
        assertEquals(List.of("2024-05", "2024-06"), r.periods());
        assertEquals(0, r.replaced());
        assertTrue(r.digest().matches("sha256:[0-9a-f]{64}"), r.digest());
        Map<String, java.util.NavigableMap<String, Double>> m = records.monthly(Records.TAX, "2024-06", "2024-06");
        assertEquals(Map.of(A, new java.util.TreeMap<>(Map.of("2024-06", 130.0)), B,
                new java.util.TreeMap<>(Map.of("2024-06", 0.0))), m);
        assertEquals(120.5, records.monthly(Records.TAX, null, null).get(A).get("2024-05"));
        assertEquals("2024-06", records.latest(Records.TAX).orElseThrow());
        assertTrue(records.latest(Records.POWER).isEmpty(), "power has nothing yet");
        assertTrue(records.monthly(Records.POWER, null, null).isEmpty());
    }

    @Test
    void chineseHeadersAndUnitsAreRecognised() throws Exception {
        // 万元 in the header is scaled into 千元; GBK as Chinese Excel saves a CSV
        String text = "统一社会信用代码,报告期,增值税开票销售额（万元）,备注\n" + A + ",2024-06,12.5,已核\n";
        Path f = dir.resolve("税务.csv");
        Files.write(f, text.getBytes(Charset.forName("GBK")));
        assertEquals(1, importer.importFile(f, "tax").rows());
        assertEquals(125.0, records.monthly(Records.TAX, null, null).get(A).get("2024-06"));

        ok("power", "社会信用代码,期别,用电量（万千瓦时）\n" + A + ",2024-06,3.25\n");
        assertEquals(3.25, records.monthly(Records.POWER, null, null).get(A).get("2024-06"));

        ok("ledger", "统一社会信用代码,报告期,指标代码,本期值\n" + A + ",2024-06,sales_value,800\n" + A
                + ",2024-06,Electricity,3.2\n");
        assertEquals(Map.of("sales_value", 800.0, "electricity", 3.2),
                records.ledger("2024-06", "2024-06").get(A).get("2024-06"));

        ok("market", "统一社会信用代码,单位名称,登记状态,核准日期,行业代码,行政区划代码,注册资本（万元）\n" + A
                + ",武威甲厂,存续,2019-03-01,1391,620602100,500\n" + B + ",武威乙厂,注销,2024-05-20,,,\n");
        Records.MarketRecord a = records.market().get(A);
        assertEquals(new Records.MarketRecord(A, "武威甲厂", "存续", "2019-03-01", "1391", "620602100", 500.0), a);
        assertTrue(a.active());
        Records.MarketRecord b = records.market().get(B);
        assertTrue(b.gone());
        assertNull(b.registeredCapital());
        assertNull(b.industryCode());
    }

    @Test
    void aWorkbookIsReadLikeACsv() throws Exception {
        Path f = dir.resolve("power.xlsx");
        List<List<?>> rows = new ArrayList<>();
        rows.add(List.of(A, "2024-06", 4.5));
        rows.add(List.of(B, "2024-06", 7));
        tables.write(f, new TableFiles.Sheet("供电", List.of("统一社会信用代码", "报告期", "售电量"), rows));
        Importer.ImportResult r = importer.importFile(f, "power");
        assertEquals(2, r.rows());
        assertEquals(7.0, records.monthly(Records.POWER, null, null).get(B).get("2024-06"));
    }

    @Test
    void eachKindOfBadValueIsRefusedWithItsLine() throws Exception {
        ok("tax", "credit_code,period,invoice_sales\n" + C + ",2024-01,5\n");
        String badCheck = A.substring(0, 17) + (A.charAt(17) == '0' ? '1' : '0');
        List<InputError> e = refused("tax", "credit_code,period,invoice_sales\n"
                + A + ",2024-06,100\n" // fine
                + badCheck + ",2024-06,100\n" // check digit
                + B + ",2024-13,100\n" // no such month
                + B + ",2024-05,-3\n" // negative
                + B + ",2024-04,12f\n" // not a plain decimal
                + B + ",2024-03,\n" // empty
                + B + ",2099-01,1\n" // far in the future
                + B + ",2024-02\n"); // a cell short
        assertEquals(List.of("3:credit_code", "4:period", "5:invoice_sales", "6:invoice_sales", "7:invoice_sales",
                "8:period", "9:null"), where(e));
        assertTrue(e.get(0).message().contains("校验位"), e.get(0).message());

        e = refused("market", "credit_code,name,status,status_date\n" + A + ",,存续,\n" + B + ",乙,歇业,\n" + C
                + ",丙,注销,2024-02-30\n");
        assertEquals(List.of("2:name", "3:status", "4:status_date"), where(e));

        e = refused("ledger", "credit_code,period,indicator,value\n" + A + ",2024-06,销售产值,1\n");
        assertEquals(List.of("2:indicator"), where(e));
        assertEquals(List.of(Map.of(C, new java.util.TreeMap<>(Map.of("2024-01", 5.0)))),
                List.of(records.monthly(Records.TAX, null, null)), "the good file's record is still there");
    }

    @Test
    void headerErrorsNameLineOne() throws Exception {
        List<InputError> e = refused("power", "credit_code,period\n" + A + ",2024-06\n");
        assertEquals(List.of("1:kwh"), where(e));
        e = refused("tax", "credit_code,period,invoice_sales,invoice_sale\n");
        assertEquals(List.of("1:invoice_sale"), where(e), "a misspelt code is an error, not an ignored column");
        e = refused("power", "credit_code,period,用电量（千瓦时）\n" + A + ",2024-06,1\n");
        assertTrue(e.get(0).message().contains("单位不符"), e.get(0).message());
        e = refused("tax", "credit_code,period,invoice_sales\n");
        assertEquals(List.of("1:null"), where(e), "a header without rows imports nothing");
        e = refused("tax", "");
        assertEquals(1, e.size());
        assertThrows(BadInputException.class, () -> importer.importFile(file("x.csv", "a"), "water"));
    }

    @Test
    void duplicateRowsNameBothLines() throws Exception {
        List<InputError> e = refused("tax", "credit_code,period,invoice_sales\n" + A + ",2024-06,1\n" + B
                + ",2024-06,2\n" + A + ",202406,3\n");
        assertEquals(List.of("4:null"), where(e));
        assertTrue(e.get(0).message().contains("第 2 行") && e.get(0).message().contains("第 4 行"),
                e.get(0).message());
        e = refused("ledger", "credit_code,period,indicator,value\n" + A + ",2024-06,sales_value,1\n" + A
                + ",2024-06,output_value,1\n" + A + ",2024-06,sales_value,2\n");
        assertEquals(List.of("4:null"), where(e));
        e = refused("market", "credit_code,name,status\n" + A + ",甲,存续\n" + A + ",甲,注销\n");
        assertEquals(List.of("3:null"), where(e));
    }

    @Test
    void aReimportReplacesTheFilesMonthsOnly() throws Exception {
        ok("tax", "credit_code,period,invoice_sales\n" + A + ",2024-04,1\n" + A + ",2024-05,2\n" + B
                + ",2024-05,3\n");
        ok("power", "credit_code,period,kwh\n" + A + ",2024-05,9\n");
        Importer.ImportResult r = ok("tax", "credit_code,period,invoice_sales\n" + A + ",2024-05,20\n" + C
                + ",2024-06,4\n");
        assertEquals(2, r.replaced(), "May's two records");
        Map<String, java.util.NavigableMap<String, Double>> tax = records.monthly(Records.TAX, null, null);
        assertEquals(Map.of("2024-04", 1.0, "2024-05", 20.0), tax.get(A));
        assertFalse(tax.containsKey(B), "B's May is gone with the month it was in");
        assertEquals(Map.of("2024-06", 4.0), tax.get(C));
        assertEquals(9.0, records.monthly(Records.POWER, null, null).get(A).get("2024-05"), "power untouched");

        ok("market", "credit_code,name,status\n" + A + ",甲,存续\n" + B + ",乙,存续\n");
        r = ok("market", "credit_code,name,status,status_date\n" + B + ",乙,吊销,2024-06-01\n");
        assertEquals(1, r.replaced());
        assertEquals("存续", records.market().get(A).status(), "A not in the file: kept");
        assertEquals("吊销", records.market().get(B).status());

        ok("ledger", "credit_code,period,indicator,value\n" + A + ",2024-05,sales_value,1\n");
        r = ok("ledger", "credit_code,period,indicator,value\n" + B + ",2024-05,sales_value,2\n");
        assertEquals(1, r.replaced());
        assertEquals(List.of(B), List.copyOf(records.ledger(null, null).keySet()));
        assertEquals("2024-05", records.latest(Records.LEDGER).orElseThrow());
    }

    @Test
    void eachImportIsOneJournalEntryWithTheDigest() throws Exception {
        String text = "credit_code,period,invoice_sales\n" + A + ",2024-05,2\n";
        Importer.ImportResult r = ok("tax", text);
        List<RecordingJournal.Recorded> entries = journal.entries("records_import");
        assertEquals(1, entries.size());
        RecordingJournal.Recorded e = entries.get(0);
        assertEquals("records/tax", e.key());
        assertEquals(r.digest(), e.newValue());
        assertEquals("sha256:" + java.util.HexFormat.of().formatHex(java.security.MessageDigest
                .getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8))), r.digest());
        assertTrue(e.reason().contains("1 rows") && e.reason().contains("2024-05"), e.reason());
    }

    @Test
    void theCommandsJsonHasTheContractsFields() throws Exception {
        Path f = file("t.csv", "credit_code,period,invoice_sales\n" + A + ",2024-05,2\n");
        var result = new ImportCommand(importer).execute(Args.of(f.toString(), "--source", "tax", "--json"));
        assertEquals(0, result.exitCode());
        Importer.ImportResult r = (Importer.ImportResult) result.json();
        assertEquals("tax", r.source());
        assertEquals(List.of("2024-05"), r.periods());
        assertTrue(result.text().contains("导入 tax 记录 1 条"), result.text());
    }

    @Test
    void theSummaryCountsEachSourceAndItsUnitsInTheRegister() throws Exception {
        ok("tax", "credit_code,period,invoice_sales\n" + A + ",2024-05,1\n" + A + ",2024-06,2\n" + C
                + ",2024-06,3\n");
        ok("market", "credit_code,name,status,status_date\n" + A + ",甲,存续,2019-01-01\n" + B
                + ",乙,吊销,2024-06-01\n");
        org.statdesk.testing.ListRegister register = new org.statdesk.testing.ListRegister();
        register.add(A, "甲", "620602100", "industrial");
        register.add(B, "乙", "620602100", "industrial");
        var result = new SummaryCommand(() -> store, register).execute(Args.of("--json"));
        @SuppressWarnings("unchecked")
        List<SummaryCommand.SourceSummary> sources = (List<SummaryCommand.SourceSummary>) ((Map<String, Object>) result
                .json()).get("sources");
        assertEquals(List.of("tax", "power", "market", "ledger"), sources.stream().map(SummaryCommand.SourceSummary::source)
                .toList());
        assertEquals(new SummaryCommand.SourceSummary("tax", 3, 2, "2024-05", "2024-06", 1, null), sources.get(0));
        assertEquals(new SummaryCommand.SourceSummary("power", 0, 0, null, null, 0, null), sources.get(1));
        assertEquals(new SummaryCommand.SourceSummary("market", 2, 2, "2019-01-01", "2024-06-01", 2,
                Map.of("吊销", 1L, "存续", 1L)), sources.get(2));
        assertTrue(result.text().contains("tax     记录 3 条，单位 2 家（在库 1 家）"), result.text());
    }

    /** Issue 16 §3: a province tax file, 100,000 units × 3 months, in one import (the figure is printed). */
    @Test
    void threeHundredThousandRowsInOneImport() throws Exception {
        StringBuilder b = new StringBuilder("credit_code,period,invoice_sales\n");
        for (int u = 0; u < 100_000; u++) {
            String code = CreditCodes.make("91620602", String.format("%08d", u));
            for (int m = 4; m <= 6; m++) {
                b.append(code).append(",2024-0").append(m).append(',').append(u % 977).append(".5\n");
            }
        }
        Path f = file("province.csv", b.toString());
        long t0 = System.nanoTime();
        assertEquals(300_000, RecordsParser.parse(f, Source.TAX, tables, java.time.LocalDate.now()).size());
        System.out.println("reading and judging 300,000 tax rows: " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        long t = System.nanoTime();
        Importer.ImportResult r = importer.importFile(f, "tax");
        long ms = (System.nanoTime() - t) / 1_000_000;
        System.out.println("records:import of 300,000 tax rows on H2 (in memory): " + ms + " ms");
        assertEquals(300_000, r.rows());
        long t2 = System.nanoTime();
        assertEquals(100_000, records.monthly(Records.TAX, "2024-06", "2024-06").size());
        System.out.println("Records.monthly of one month of 100,000 units: " + (System.nanoTime() - t2) / 1_000_000
                + " ms");
        r = importer.importFile(f, "tax");
        assertEquals(300_000, r.replaced());
    }
}
