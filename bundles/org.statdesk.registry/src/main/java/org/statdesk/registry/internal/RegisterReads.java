package org.statdesk.registry.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.statdesk.api.audit.Journal;
import org.statdesk.api.command.BadInputException;
import org.statdesk.api.command.InputError;
import org.statdesk.api.input.Inputs;
import org.statdesk.api.people.People;
import org.statdesk.api.people.Scope;
import org.statdesk.api.registry.Divisions;
import org.statdesk.api.registry.Register;
import org.statdesk.api.registry.Unit;
import org.statdesk.api.registry.UnitQuery;
import org.statdesk.registry.internal.tables.FindingTable;
import org.statdesk.registry.internal.tables.UnitTable;

/**
 * The register's read side: the {@link Register} service of the API and the rooms' reads, within the scope of the
 * person working (a county user their county, a section user their specialty). This is the one place the register
 * applies scope: lists filter in the SQL, a unit named outside the scope is "not permitted", never "unknown unit".
 */
@Component(service = {Register.class, Reads.class})
public final class RegisterReads implements Register, Reads {
    private final RegisterStore db;
    private final Journal journal;
    private final ReferenceData reference;
    /** Who is signed in; null without the people bundle (a single workstation, everything visible). */
    private final People people;
    private final Register whole = new Whole();

    @Activate
    public RegisterReads(@Reference RegisterStore db, @Reference Journal journal, @Reference ReferenceData reference,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
            People people) {
        this.db = db;
        this.journal = journal;
        this.reference = reference;
        this.people = people;
    }

    @Override
    public Scope scope() {
        return Scope.of(people);
    }

    /** A code's applications within the scope; one outside it is refused ("not permitted", exit 3). */
    @Override
    public List<Application> applications(String codeOrAppId) throws SQLException {
        List<Application> apps = any(codeOrAppId);
        Scope scope = scope();
        if (!apps.isEmpty() && !scope.isEverything()) {
            // outside the scope: refused as such, whichever application the code would name
            Unit u = apps.get(0).unit();
            scope.require(u.countyCode(), u.specialty());
        }
        return apps;
    }

    private List<Application> any(String codeOrAppId) throws SQLException {
        String code = codeOrAppId.strip().toUpperCase(Locale.ROOT);
        List<Application> out;
        try (Connection c = db.store().connection()) {
            out = new ArrayList<>(UnitTable.applications(c, code, code.contains("/")));
        }
        out.sort(Comparator.comparingInt(a -> Application.rank(a.unit().status())));
        return out;
    }

    @Override
    public Application target(String codeOrAppId) throws SQLException {
        List<Application> apps = applications(codeOrAppId);
        if (apps.isEmpty()) {
            throw new BadInputException("名录库中没有 " + Inputs.shown(codeOrAppId),
                    List.of(InputError.of("credit_code", Inputs.shown(codeOrAppId),
                            "名录库中没有这个单位或申请")));
        }
        if (codeOrAppId.contains("/")) {
            return apps.get(0);
        }
        List<Application> live = apps.stream().filter(Application::live).toList();
        // A bare code names the unit in the register, else its first application while that is pending.
        Optional<Application> preferred = live.stream().filter(a -> a.unit().inRegister()).findFirst()
                .or(() -> live.stream().filter(a -> a.appId().equals(a.unit().creditCode())).findFirst());
        if (preferred.isPresent()) {
            return preferred.get();
        }
        if (live.size() > 1) {
            throw new BadInputException(codeOrAppId + " 有多份有效申请", List.of(InputError.of("credit_code",
                    codeOrAppId, "有多份有效申请，请用申请号指明：" + String.join("、", live.stream()
                            .map(Application::appId).toList()))));
        }
        return live.isEmpty() ? apps.get(0) : live.get(0);
    }

    @Override
    public Optional<Unit> find(String creditCode) {
        Scope scope = scope();
        return findAny(creditCode).filter(u -> scope.covers(u.countyCode(), u.specialty()));
    }

    private Optional<Unit> findAny(String creditCode) {
        try {
            List<Application> apps = any(creditCode);
            return apps.isEmpty() ? Optional.empty() : Optional.of(apps.get(0).unit());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<Unit> list(UnitQuery q) {
        return list(q, scope());
    }

    private List<Unit> list(UnitQuery q, Scope scope) {
        try (Connection c = db.store().connection()) {
            return UnitTable.list(c, q, scope);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Register whole() {
        return whole;
    }

    /** The register beyond the person's scope, for what is computed over every unit. */
    private final class Whole implements Register {
        @Override
        public Optional<Unit> find(String creditCode) {
            return findAny(creditCode);
        }

        @Override
        public List<Unit> list(UnitQuery query) {
            return RegisterReads.this.list(query, Scope.everything());
        }

        @Override
        public Register whole() {
            return this;
        }

        @Override
        public Divisions divisions() {
            return reference.divisions();
        }
    }

    @Override
    public Divisions divisions() {
        return reference.divisions();
    }

    @Override
    public List<StoredFinding> findings(String appId, String check, boolean openOnly) throws SQLException {
        try (Connection c = db.store().connection()) {
            return FindingTable.find(c, appId, check, openOnly, scope());
        }
    }

    @Override
    public List<Journal.Entry> history(String code) throws SQLException {
        return journal.history(code.contains("/") ? code.substring(0, code.indexOf('/')) : code, null);
    }
}
