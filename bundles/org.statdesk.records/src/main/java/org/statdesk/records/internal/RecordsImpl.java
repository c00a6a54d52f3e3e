package org.statdesk.records.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.records.Records;

/** The records as imported, read from the tables; a read fails loudly rather than answer "no records". */
@Component(service = Records.class)
public final class RecordsImpl implements Records {
    /** Bounds of an open period range: every YYYY-MM sorts between them. */
    private static final String FIRST = "0000-00";
    private static final String LAST = "9999-99";
    private final RecordsDb db;

    @Activate
    public RecordsImpl(@Reference RecordsDb db) {
        this.db = db;
    }

    @Override
    public Map<String, NavigableMap<String, Double>> monthly(String source, String from, String to) {
        if (!TAX.equals(source) && !POWER.equals(source)) {
            throw new IllegalArgumentException("monthly figures are of tax or power, not " + source);
        }
        return read(c -> MonthlyTable.read(c, source, from == null ? FIRST : from, to == null ? LAST : to));
    }

    @Override
    public Map<String, NavigableMap<String, Map<String, Double>>> ledger(String from, String to) {
        return read(c -> LedgerTable.read(c, from == null ? FIRST : from, to == null ? LAST : to));
    }

    @Override
    public Map<String, MarketRecord> market() {
        return read(MarketTable::read);
    }

    @Override
    public Optional<String> latest(String source) {
        if (LEDGER.equals(source)) {
            return read(LedgerTable::latest);
        }
        if (TAX.equals(source) || POWER.equals(source)) {
            return read(c -> MonthlyTable.latest(c, source));
        }
        if (MARKET.equals(source)) {
            return Optional.empty(); // registrations have no period
        }
        throw new IllegalArgumentException("no such source: " + source + " (one of " + List.of(TAX, POWER, MARKET,
                LEDGER) + ")");
    }

    @FunctionalInterface
    private interface Read<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T read(Read<T> read) {
        try (Connection c = db.store().connection()) {
            return read.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the records failed: " + e.getMessage(), e);
        }
    }
}
