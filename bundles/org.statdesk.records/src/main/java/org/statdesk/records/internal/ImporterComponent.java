package org.statdesk.records.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.audit.Journal;
import org.statdesk.api.input.TableFiles;

/**
 * Imports a records file. Re-importing a monthly source replaces the months the file holds (and only those), so a
 * corrected export of one month is loaded by importing it again; a market file replaces the registrations of its
 * codes. The import is one journal entry: the file's digest says which file the records came from.
 */
@Component(service = Importer.class)
public final class ImporterComponent implements Importer {
    static final String BUNDLE = "org.statdesk.records";
    private final RecordsDb db;
    private final Journal journal;
    private final TableFiles tables;

    @Activate
    public ImporterComponent(@Reference RecordsDb db, @Reference Journal journal, @Reference TableFiles tables) {
        this.db = db;
        this.journal = journal;
        this.tables = tables;
    }

    @Override
    public ImportResult importFile(Path file, String sourceName) throws Exception {
        Source source = Source.of(sourceName);
        if (!Files.isRegularFile(file)) {
            throw RecordsParser.noFile(file);
        }
        long t = System.nanoTime();
        String digest = "sha256:" + sha256(file);
        Batch batch = RecordsParser.parse(file, source, tables, LocalDate.now());
        List<String> periods = List.copyOf(batch.periods);
        t = lap("read and judge", t);
        long[] t2 = {t};
        ImportResult result = db.store().inTransaction(c -> {
            int replaced = switch (source) {
                case TAX, POWER -> {
                    int n = MonthlyTable.deletePeriods(c, source.code, periods);
                    MonthlyTable.insert(c, source.code, batch.monthly);
                    yield n;
                }
                case LEDGER -> {
                    int n = LedgerTable.deletePeriods(c, periods);
                    LedgerTable.insert(c, batch.ledger);
                    yield n;
                }
                case MARKET -> {
                    int n = MarketTable.deleteCodes(c, batch.market);
                    MarketTable.insert(c, batch.market);
                    yield n;
                }
            };
            journal.record(c, new Journal.Change(BUNDLE, "records_import", "records/" + source.code, "digest", null,
                    digest, "records:import " + file.getFileName() + " --source " + source.code + ": "
                            + batch.size() + " rows" + (periods.isEmpty() ? "" : ", periods " + String.join(",",
                                    periods)) + ", replaced " + replaced));
            t2[0] = lap("replace and insert", t2[0]);
            return new ImportResult(source.code, batch.size(), periods, replaced, digest);
        });
        lap("commit", t2[0]);
        return result;
    }

    /** Phase times on stderr when the system property statdesk.timing is set (benchmarks), as the register's. */
    private static long lap(String what, long since) {
        long now = System.nanoTime();
        if (Boolean.getBoolean("statdesk.timing")) {
            System.err.printf("  %-18s %6d ms%n", what, (now - since) / 1_000_000);
        }
        return now;
    }

    static String sha256(Path file) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n = in.read(buf); n > 0; n = in.read(buf)) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
