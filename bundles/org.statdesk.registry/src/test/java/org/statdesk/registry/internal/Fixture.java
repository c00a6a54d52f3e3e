package org.statdesk.registry.internal;

import java.util.List;
import org.statdesk.api.audit.AuditedTable;
import org.statdesk.audit.internal.JournalImpl;
import org.statdesk.audit.internal.TableInfo;
import org.statdesk.registry.internal.tables.CandidateTable;
import org.statdesk.registry.internal.tables.FindingTable;
import org.statdesk.registry.internal.tables.SpotCheckTable;
import org.statdesk.registry.internal.tables.SpotCheckUnitTable;
import org.statdesk.registry.internal.tables.StaffChangeTable;
import org.statdesk.registry.internal.tables.TrainingTable;
import org.statdesk.registry.internal.tables.UnitTable;
import org.statdesk.testing.FakePeople;
import org.statdesk.testing.MemoryStore;

/** The register's rooms on a database with the real migrations and the real journal, wired as DS wires them. */
final class Fixture {
    static final String BUNDLE = "org.statdesk.registry";
    /** The bundle's AuditedTable components. */
    static final List<AuditedTable> TABLES = List.of(new UnitTable(), new FindingTable(), new StaffChangeTable(),
            new TrainingTable(), new SpotCheckTable(), new SpotCheckUnitTable(), new CandidateTable());
    final MemoryStore store;
    final JournalImpl journal;
    final SamplerImpl sampler = new SamplerImpl();
    final ReferenceData reference = new BundledReferenceData();
    final RegisterReads reads;
    final RegisterImport imports;
    final RegisterLifecycle lifecycle;
    final StatisticiansAndTraining staff;
    final RegisterSpotChecks spotChecks;
    private final org.statdesk.api.people.People people;

    /** On {@code url} (a file database keeps what an earlier fixture wrote; migrations already applied are kept). */
    Fixture(String url) throws Exception {
        this(new MemoryStore(url), null);
    }

    /** With {@code people} signed in (null: no people bundle, a single workstation). */
    private Fixture(MemoryStore s, org.statdesk.api.people.People people) throws Exception {
        this.people = people;
        store = s.migrate("org.statdesk.audit").migrate(BUNDLE);
        // the journal names the signed-in person, as the people bundle's user provider does
        journal = new JournalImpl(store, people instanceof FakePeople fake ? fake::journalUser : () -> "zhang.san");
        for (AuditedTable t : TABLES) {
            journal.addTable(TableInfo.of(t, BUNDLE));
        }
        RegisterStore db = () -> store;
        Checks checks = new UnitChecks(reference);
        reads = new RegisterReads(db, journal, reference, people);
        imports = new RegisterImport(db, journal, checks, reads, new org.statdesk.tables.internal.TableFilesImpl());
        lifecycle = new RegisterLifecycle(db, journal, checks, reads, people);
        staff = new StatisticiansAndTraining(db, journal, reads, reference);
        spotChecks = new RegisterSpotChecks(db, journal, sampler, reads);
    }

    /** The 应统尽统 room over {@code records} (null: no records bundle). */
    RegisterCandidates candidates(org.statdesk.api.records.Records records) {
        return new RegisterCandidates(() -> store, journal, reads, reads, reference, records, people);
    }

    static Fixture memory() throws Exception {
        return new Fixture(MemoryStore.create(), null);
    }

    static Fixture signedIn(org.statdesk.api.people.People people) throws Exception {
        return new Fixture(MemoryStore.create(), people);
    }

    List<TableInfo> tables() {
        return TABLES.stream().map(t -> TableInfo.of(t, BUNDLE)).toList();
    }

    /** A valid credit code for a 6-digit area and a number: 91 + area + 8-digit org body + checks. */
    static String code(String area, int n) {
        return CreditCode.make("91" + area, String.format("%08d", n));
    }
}
