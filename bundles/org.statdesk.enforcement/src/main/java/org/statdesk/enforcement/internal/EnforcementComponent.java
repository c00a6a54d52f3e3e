package org.statdesk.enforcement.internal;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.statdesk.api.audit.AuditedTable;
import org.statdesk.api.audit.Journal;
import org.statdesk.api.command.Command;
import org.statdesk.api.registry.Register;
import org.statdesk.api.registry.Sampler;
import org.statdesk.api.store.Store;
import org.statdesk.api.workbench.View;

/**
 * The enforcement specialty: migrates its tables, then registers its commands, its audited tables and its
 * workbench views as services (whiteboard), and withdraws them when the bundle stops. Data stays in the database.
 */
@Component(service = {}, immediate = true, configurationPid = "org.statdesk.enforcement")
@Designate(ocd = EnforcementConfig.class)
public final class EnforcementComponent {
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
    private volatile Settings settings;

    @Activate
    public EnforcementComponent(@Reference Store store, @Reference Journal journal, @Reference Register register,
            @Reference Sampler sampler, EnforcementConfig config, BundleContext bc) throws SQLException {
        this.settings = Settings.of(config);
        store.migrate(bc.getBundle());
        Ctx ctx = new Ctx(store, journal, register, sampler, () -> settings, LocalDate::now);
        audited(bc, Roster.TABLE, Roster.COLUMNS);
        audited(bc, Draws.TABLE, Draws.COLUMNS);
        audited(bc, Cases.CHECK_TABLE, Cases.CHECK_COLUMNS);
        audited(bc, Cases.CASE_TABLE, Cases.CASE_COLUMNS);
        audited(bc, Interference.TABLE, Interference.COLUMNS);
        audited(bc, Ledger.TABLE, Ledger.COLUMNS);
        EnforcementCommands commands = new EnforcementCommands(ctx);
        for (EnforcementCommands.Spec s : commands.specs()) {
            Hashtable<String, Object> p = new Hashtable<>();
            p.put(Command.NAME, s.name());
            p.put(Command.USAGE, s.usage());
            p.put(Command.DESCRIPTION, s.description());
            if (!s.flags().isEmpty()) {
                p.put(Command.FLAGS, s.flags());
            }
            registrations.add(bc.registerService(Command.class, s.command(), p));
        }
        for (Views.Spec v : Views.all(commands)) {
            Hashtable<String, Object> p = new Hashtable<>();
            p.put(View.ID, v.id());
            p.put(View.TITLE, v.title());
            p.put(View.TITLE_EN, v.titleEn());
            p.put(View.SPECIALTY, "enforcement");
            p.put(View.AREA, "editor");
            registrations.add(bc.registerService(View.class, v.view(), p));
        }
    }

    private void audited(BundleContext bc, String table, List<String> columns) {
        AuditedTable t = new AuditedTable() {
            @Override
            public String table() {
                return table;
            }

            @Override
            public String keyExpression() {
                return "CAST(id AS VARCHAR(20))";
            }

            @Override
            public List<String> columns() {
                return columns;
            }
        };
        registrations.add(bc.registerService(AuditedTable.class, t, new Hashtable<>()));
    }

    @Modified
    void modified(EnforcementConfig config) {
        settings = Settings.of(config);
    }

    @Deactivate
    void deactivate() {
        for (ServiceRegistration<?> r : registrations) {
            try {
                r.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the framework unregisters a stopping bundle's services itself
            }
        }
        registrations.clear();
    }
}
