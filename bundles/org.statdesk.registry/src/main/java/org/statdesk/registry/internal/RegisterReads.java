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
import org.statdesk.api.audit.Journal;
import org.statdesk.api.command.BadInputException;
import org.statdesk.api.command.InputError;
import org.statdesk.api.input.Inputs;
import org.statdesk.api.registry.Divisions;
import org.statdesk.api.registry.Register;
import org.statdesk.api.registry.Unit;
import org.statdesk.api.registry.UnitQuery;
import org.statdesk.registry.internal.tables.FindingTable;
import org.statdesk.registry.internal.tables.UnitTable;

/** The register's read side: the {@link Register} service of the API and the rooms' reads. */
@Component(service = {Register.class, Reads.class})
public final class RegisterReads implements Register, Reads {
    private final RegisterStore db;
    private final Journal journal;
    private final ReferenceData reference;

    @Activate
    public RegisterReads(@Reference RegisterStore db, @Reference Journal journal,
            @Reference ReferenceData reference) {
        this.db = db;
        this.journal = journal;
        this.reference = reference;
    }

    @Override
    public List<Application> applications(String codeOrAppId) throws SQLException {
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
        try {
            List<Application> apps = applications(creditCode);
            return apps.isEmpty() ? Optional.empty() : Optional.of(apps.get(0).unit());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<Unit> list(UnitQuery q) {
        try (Connection c = db.store().connection()) {
            return UnitTable.list(c, q);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Divisions divisions() {
        return reference.divisions();
    }

    @Override
    public List<StoredFinding> findings(String appId, String check, boolean openOnly) throws SQLException {
        try (Connection c = db.store().connection()) {
            return FindingTable.find(c, appId, check, openOnly);
        }
    }

    @Override
    public List<Journal.Entry> history(String code) throws SQLException {
        return journal.history(code.contains("/") ? code.substring(0, code.indexOf('/')) : code, null);
    }
}
