package org.statdesk.store.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.audit.TrustAnchors;
import org.statdesk.api.command.Args;
import org.statdesk.api.command.BadInputException;
import org.statdesk.api.command.Command;
import org.statdesk.api.command.CommandResult;
import org.statdesk.api.store.Store;

/** store:backup and store:restore: a consistent copy of the database while running, and its restore. */
public final class StoreCommands {
    private StoreCommands() {
    }

    static String literal(Path p) {
        return "'" + p.toAbsolutePath().toString().replace("'", "''") + "'";
    }

    static void requireH2(Store store) throws Exception {
        try (Connection c = store.connection()) {
            if (!c.getMetaData().getDatabaseProductName().startsWith("H2")) {
                throw new BadInputException("backup and restore here work on H2; for "
                        + c.getMetaData().getDatabaseProductName() + " use the database's own tools (pg_dump)");
            }
        }
    }

    @Component(property = {Command.NAME + "=store:backup", Command.USAGE + "=store:backup FILE [--json]",
            Command.DESCRIPTION + "=consistent copy of the whole database while running (SQL script, zipped)"})
    public static final class Backup implements Command {
        private final Store store;

        @Activate
        public Backup(@Reference Store store) {
            this.store = store;
        }

        @Override
        public CommandResult execute(Args args) throws Exception {
            Path file = Path.of(args.allow().positional(0, "backup file"));
            requireH2(store);
            if (file.getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            Path tmp = file.resolveSibling(file.getFileName() + ".part");
            try (Connection c = store.connection(); Statement st = c.createStatement()) {
                // SCRIPT reads one consistent snapshot (MVCC), so writers may go on meanwhile.
                st.execute("SCRIPT TO " + literal(tmp) + " COMPRESSION ZIP");
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("file", file.toAbsolutePath().toString());
            doc.put("bytes", Files.size(file));
            return CommandResult.ok(doc, "backup written to " + file.toAbsolutePath() + " (" + Files.size(file)
                    + " bytes)");
        }
    }

    @Component(property = {Command.NAME + "=store:restore", Command.USAGE + "=store:restore FILE [--json]",
            Command.DESCRIPTION + "=replaces the database by a backup, then checks the journal"})
    public static final class Restore implements Command {
        private final Store store;
        private final BundleContext ctx;

        @Activate
        public Restore(@Reference Store store, BundleContext ctx) {
            this.store = store;
            this.ctx = ctx;
        }

        @Override
        public CommandResult execute(Args args) throws Exception {
            Path file = Path.of(args.allow().positional(0, "backup file"));
            if (!Files.isRegularFile(file)) {
                throw new BadInputException("no backup file at " + file.toAbsolutePath());
            }
            requireH2(store);
            try (Connection c = store.connection(); Statement st = c.createStatement()) {
                c.setAutoCommit(false);
                try {
                    st.execute("DROP ALL OBJECTS");
                    st.execute("RUNSCRIPT FROM " + literal(file) + " COMPRESSION ZIP");
                    c.commit();
                } catch (Exception e) {
                    c.rollback();
                    throw new BadInputException("cannot restore from " + file + ": " + e.getMessage());
                }
                recordRestore(c, file);
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("file", file.toAbsolutePath().toString());
            doc.put("restored", true);
            CommandResult verify = verifyJournal();
            doc.put("journal", verify == null ? null : verify.json());
            String text = "restored from " + file.toAbsolutePath();
            if (verify == null) {
                return CommandResult.ok(doc, text + " (the audit bundle is not installed: journal not checked)");
            }
            return new CommandResult(verify.exitCode(), doc, text + "\n" + verify.text());
        }

        /**
         * Tells the journal's anchors that this is a restore, not a rollback (until backups carry their own trust,
         * the restored database's head and this installation's keys are trusted).
         */
        private void recordRestore(Connection c, Path file) throws Exception {
            ServiceReference<TrustAnchors> ref = ctx.getServiceReference(TrustAnchors.class);
            TrustAnchors anchors = ref == null ? null : ctx.getService(ref);
            if (anchors != null) {
                try {
                    anchors.restored(anchors.forBackup(c), file.getFileName().toString());
                } finally {
                    ctx.ungetService(ref);
                }
            }
        }

        private CommandResult verifyJournal() throws Exception {
            var refs = ctx.getServiceReferences(Command.class, "(" + Command.NAME + "=audit:verify)");
            if (refs.isEmpty()) {
                return null;
            }
            ServiceReference<Command> ref = refs.iterator().next();
            Command verify = ctx.getService(ref);
            try {
                return verify.execute(Args.of("--json"));
            } finally {
                ctx.ungetService(ref);
            }
        }
    }
}
