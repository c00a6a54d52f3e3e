package org.statdesk.audit.internal;

import java.sql.Connection;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.statdesk.api.audit.AuditedTable;
import org.statdesk.api.audit.Journal;
import org.statdesk.api.command.Args;
import org.statdesk.api.command.BadInputException;
import org.statdesk.api.command.Command;
import org.statdesk.api.command.CommandResult;
import org.statdesk.api.command.InputError;
import org.statdesk.api.store.Store;

/** audit:verify and audit:log. */
public final class AuditCommands {
    private AuditCommands() {
    }

    @Component(property = {Command.NAME + "=audit:verify", Command.USAGE + "=audit:verify [--json]",
            Command.DESCRIPTION + "=checks the journal's hash chain and every guarded record against its last"
                    + " journaled state; exit 1 when anything is wrong"})
    public static final class Verify implements Command {
        private final Store store;
        private final Map<String, TableInfo> tables = new ConcurrentHashMap<>();

        @Activate
        public Verify(@Reference Store store, @Reference Journal journalReady) {
            // The Journal reference makes sure the journal's tables exist before anyone verifies.
            this.store = store;
        }

        @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
        void addTable(AuditedTable t, ServiceReference<AuditedTable> ref) {
            TableInfo i = TableInfo.of(t, ref.getBundle().getSymbolicName());
            tables.put(i.table(), i);
        }

        void removeTable(AuditedTable t, ServiceReference<AuditedTable> ref) {
            tables.remove(t.table().toLowerCase(Locale.ROOT));
        }

        @Override
        public CommandResult execute(Args args) throws Exception {
            args.allow();
            Verifier.Result r;
            try (Connection c = store.connection(); Connection second = store.connection()) {
                r = Verifier.verify(c, second, List.copyOf(tables.values()));
            }
            StringBuilder text = new StringBuilder();
            text.append(r.ok() ? "审计检查通过" : "审计检查发现 " + r.problemCount() + " 个问题")
                    .append(": ").append(r.entries()).append(" 条日志, ").append(r.rows()).append(" 条记录");
            for (Verifier.Problem p : r.problems()) {
                text.append('\n').append(p.table()).append(' ').append(p.key()).append(' ').append(p.field())
                        .append(": ").append(p.message());
            }
            return r.ok() ? CommandResult.ok(r, text.toString()) : CommandResult.checkFailed(r, text.toString());
        }
    }

    @Component(property = {Command.NAME + "=audit:log",
            Command.USAGE + "=audit:log [--entity CODE] [--since YYYY-MM-DD] [--json]",
            Command.DESCRIPTION + "=the journal entries of a unit or record (CODE and CODE/...), oldest first"})
    public static final class Log implements Command {
        private final Journal journal;
        private final Store store;

        @Activate
        public Log(@Reference Journal journal, @Reference Store store) {
            this.journal = journal;
            this.store = store;
        }

        @Override
        public CommandResult execute(Args args) throws Exception {
            args.allow("entity", "since");
            LocalDate since = null;
            String s = args.option("since").orElse(null);
            if (s != null) {
                try {
                    since = LocalDate.parse(s);
                } catch (DateTimeParseException e) {
                    throw new BadInputException("--since must be a date YYYY-MM-DD",
                            List.of(InputError.of("since", s, "日期格式应为 YYYY-MM-DD")));
                }
            }
            String entity = args.option("entity").orElse(args.positional().isEmpty() ? null : args.positional().get(0));
            List<Journal.Entry> entries = entity == null ? recent(since) : journal.history(entity, since);
            StringBuilder text = new StringBuilder();
            for (Journal.Entry e : entries) {
                text.append(e.seq()).append(' ').append(e.time()).append(' ').append(e.user()).append(' ')
                        .append(e.entity()).append(' ').append(e.key()).append(' ').append(e.field()).append(": ")
                        .append(e.oldValue()).append(" -> ").append(e.newValue())
                        .append(e.reason() == null ? "" : " (" + e.reason() + ")").append('\n');
            }
            return CommandResult.ok(Map.of("entries", entries), text.toString().stripTrailing());
        }

        /** Without an entity: the last 1,000 entries (since the date if given), oldest first. */
        private List<Journal.Entry> recent(LocalDate since) throws Exception {
            String sql = "SELECT seq, entry_time, user_name, bundle, entity, entity_key, field, old_value, new_value,"
                    + " reason, row_digest, hash FROM aud_journal" + (since == null ? "" : " WHERE entry_time >= ?")
                    + " ORDER BY seq DESC FETCH FIRST 1000 ROWS ONLY";
            java.util.ArrayList<Journal.Entry> out = new java.util.ArrayList<>();
            try (Connection c = store.connection(); var ps = c.prepareStatement(sql)) {
                if (since != null) {
                    ps.setString(1, since.toString());
                }
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Journal.Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                                rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12)));
                    }
                }
            }
            java.util.Collections.reverse(out);
            return out;
        }
    }
}
