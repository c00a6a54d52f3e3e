package org.statdesk.registry.internal;

import java.util.concurrent.atomic.AtomicInteger;
import org.statdesk.api.audit.AuditedTable;
import org.statdesk.audit.internal.JournalImpl;
import org.statdesk.audit.internal.TableInfo;

/** A register on a fresh database with the real journal, as the bundles wire it at run time. */
final class Fixture {
    private static final AtomicInteger DB = new AtomicInteger();
    final TestStore store;
    final JournalImpl journal;
    final Registry registry;
    final SamplerImpl sampler = new SamplerImpl();

    Fixture(String url) throws Exception {
        TestStore s = new TestStore(url);
        boolean fresh;
        try (var c = s.connection(); var rs = c.getMetaData().getTables(null, null, "AUD_JOURNAL", null)) {
            fresh = !rs.next();
        }
        store = fresh ? s.apply("/db/migration/V1__audit_journal.sql").apply("/db/migration/V1__registry_units.sql") : s;
        journal = new JournalImpl(store, () -> "zhang.san");
        for (AuditedTable t : Registry.AUDITED) {
            journal.addTable(TableInfo.of(t, Registry.BUNDLE));
        }
        registry = new Registry(store, journal, sampler);
    }

    static Fixture memory() throws Exception {
        return new Fixture("jdbc:h2:mem:registry" + DB.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
    }

    java.util.List<TableInfo> tables() {
        return Registry.AUDITED.stream().map(t -> TableInfo.of(t, Registry.BUNDLE)).toList();
    }

    /** A valid credit code for a 6-digit area and a number: 91 + area + 8-digit org body + checks. */
    static String code(String area, int n) {
        return CreditCode.make("91" + area, String.format("%08d", n));
    }
}
