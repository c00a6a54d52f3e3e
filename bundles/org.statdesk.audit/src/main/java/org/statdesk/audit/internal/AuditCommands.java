package org.statdesk.audit.internal;

import java.sql.Connection;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.statdesk.api.audit.Journal;
import org.statdesk.api.audit.TrustAnchors;
import org.statdesk.api.command.Args;
import org.statdesk.api.command.BadInputException;
import org.statdesk.api.command.Command;
import org.statdesk.api.command.CommandResult;
import org.statdesk.api.command.CommandSpec;
import org.statdesk.api.command.InputError;
import org.statdesk.api.people.People;
import org.statdesk.api.registry.Register;
import org.statdesk.api.store.Store;

/** audit:verify, audit:head and audit:log. */
public final class AuditCommands {
    private AuditCommands() {
    }

    /** The text audit:verify prints for {@code r}. */
    static String text(Verifier.Result r) {
        StringBuilder text = new StringBuilder();
        text.append(r.ok() ? "审计检查通过" : "审计检查发现 " + r.problemCount() + " 个问题")
                .append(": ").append(r.entries()).append(" 条日志, ").append(r.rows()).append(" 条记录, ")
                .append(r.checkpoints()).append(" 个签名检查点");
        for (Verifier.Problem p : r.problems()) {
            text.append('\n').append(p.table()).append(' ').append(p.key()).append(' ').append(p.field())
                    .append(": ").append(p.message());
        }
        return text.toString();
    }

    static JournalImpl impl(Journal journal) {
        if (journal instanceof JournalImpl j) {
            return j;
        }
        throw new IllegalStateException("the journal service is not the audit bundle's own");
    }

    /** {@code SEQ:HASH} as audit:head prints it; bad input otherwise. */
    static TrustAnchors.Head parseHead(String s) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,18}):([0-9a-f]{64})").matcher(s.strip());
        if (!m.matches()) {
            throw new BadInputException("--head must be SEQ:HASH as audit:head prints it (a sequence number, a colon, "
                    + "64 hex digits)", List.of(InputError.of("head", org.statdesk.api.input.Inputs.shown(s),
                            "应为 序号:哈希（64 位十六进制）")));
        }
        return new TrustAnchors.Head(Long.parseLong(m.group(1)), m.group(2));
    }

    @Component(service = Command.class)
    @CommandSpec(name = "audit:verify", usage = "audit:verify [--head SEQ:HASH] [--json]", bulk = true,
            description = "checks the journal's hash chain, its signed checkpoints, the heads anchored outside the"
                    + " database (and SEQ:HASH when given), and every guarded record against its last journaled"
                    + " state; exit 1 when anything is wrong")
    public static final class Verify implements Command {
        private final Store store;
        private final JournalImpl journal;

        @Activate
        public Verify(@Reference Store store, @Reference Journal journal) {
            this.store = store;
            this.journal = impl(journal);
        }

        @Override
        public CommandResult execute(Args args) throws Exception {
            args.allow("head");
            TrustAnchors.Head given = args.option("head").map(AuditCommands::parseHead).orElse(null);
            Verifier.Result r;
            try (Connection c = store.connection(); Connection second = store.connection()) {
                r = journal.verify(c, second, given);
            }
            return r.ok() ? CommandResult.ok(r, text(r)) : CommandResult.checkFailed(r, text(r));
        }
    }

    @Component(service = Command.class)
    @CommandSpec(name = "audit:head", usage = "audit:head [--json]",
            description = "the journal's head (sequence number and hash) for a release or circular to carry;"
                    + " audit:verify --head SEQ:HASH checks a database holds it")
    public static final class HeadCommand implements Command {
        private final Store store;
        private final JournalImpl journal;

        @Activate
        public HeadCommand(@Reference Store store, @Reference Journal journal) {
            this.store = store;
            this.journal = impl(journal);
        }

        @Override
        public CommandResult execute(Args args) throws Exception {
            args.allow();
            TrustAnchors.Head h;
            try (Connection c = store.connection()) {
                h = journal.anchoredHead(c);
            }
            Map<String, Object> doc = new java.util.LinkedHashMap<>();
            doc.put("seq", h.seq());
            doc.put("hash", h.hash());
            return CommandResult.ok(doc, h.toString());
        }
    }

    @Component(service = Command.class)
    @CommandSpec(name = "audit:log", usage = "audit:log [--entity CODE] [--since YYYY-MM-DD] [--json]",
            description = "the journal entries of a unit or record (CODE and CODE/...), oldest first; a county or"
                    + " section user sees their scope's units and their own acts")
    public static final class Log implements Command {
        private final JournalImpl journal;
        private final People people;
        private final Register register;

        @Activate
        public Log(@Reference Journal journal,
                @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
                People people,
                @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
                Register register) {
            this.journal = impl(journal);
            this.people = people;
            this.register = register;
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
            LogScope scope = new LogScope(people, register);
            if (entity != null) {
                scope.require(entity);
            }
            List<Journal.Entry> entries = scope.visible(entity == null ? journal.recent(since, 1000)
                    : journal.history(entity, since));
            StringBuilder text = new StringBuilder();
            for (Journal.Entry e : entries) {
                text.append(e.seq()).append(' ').append(e.time()).append(' ').append(e.user()).append(' ')
                        .append(e.entity()).append(' ').append(e.key()).append(' ').append(e.field()).append(": ")
                        .append(e.oldValue()).append(" -> ").append(e.newValue())
                        .append(e.reason() == null ? "" : " (" + e.reason() + ")").append('\n');
            }
            return CommandResult.ok(Map.of("entries", entries), text.toString().stripTrailing());
        }
    }
}
