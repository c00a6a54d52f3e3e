package org.statdesk.store.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.statdesk.api.audit.TrustAnchors;
import org.statdesk.api.command.Args;
import org.statdesk.api.command.BadInputException;
import org.statdesk.api.command.Command;
import org.statdesk.api.command.CommandResult;
import org.statdesk.api.command.CommandSpec;
import org.statdesk.api.store.Store;
import org.statdesk.store.internal.backup.BackupException;
import org.statdesk.store.internal.backup.BackupReader;
import org.statdesk.store.internal.backup.Loader;

/**
 * store:restore: never executes anything from the file. The backup is checked through first (every entry, size,
 * checksum, row count and value; schema versions this installation knows), loaded into a new database beside the
 * live one by this installation's migrations and prepared statements, its journal verified there, and only then
 * swapped in, in one rename (of the H2 file, or of PostgreSQL schemas in one transaction: {@link Staging}). Anything
 * wrong before the swap leaves the live database as it was.
 */
@Component(service = Command.class, immediate = true)
@CommandSpec(name = "store:restore", usage = "store:restore FILE [--json]", permission = "admin.restore", bulk = true,
        description = "replaces the database by a backup: checks the file, loads it beside the live database, runs"
                + " audit:verify on it, then swaps it in; a bad file changes nothing")
public final class RestoreCommand implements Command {
    private final Store store;
    private final BundleContext ctx;
    private final TrustAnchors anchors;

    @Activate
    public RestoreCommand(@Reference Store store, BundleContext ctx, @Reference(cardinality =
            ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY) TrustAnchors anchors) {
        this.store = store;
        this.ctx = ctx;
        this.anchors = anchors;
        finishPendingAnchors();
    }

    /** A restore killed between its swap and the anchors: hand the anchors the backup's trust now. */
    private void finishPendingAnchors() {
        Staging swap = store instanceof StoreImpl s ? Staging.of(s) : null;
        if (swap == null || anchors == null) {
            return;
        }
        try {
            JsonNode p = swap.pending();
            if (p != null) {
                recordAnchors(swap, p.path("trust").isTextual() ? p.get("trust").asText() : null,
                        p.path("backup").asText());
            }
        } catch (Exception e) {
            System.err.println("statdesk ERROR: the anchors of an interrupted restore could not be recorded: " + e);
        }
    }

    private String recordAnchors(Staging swap, String trust, String backup) throws Exception {
        String said = "";
        if (anchors == null) {
            said = "; the audit bundle keeps no anchors here";
        } else if (trust == null) {
            said = "; the backup carries no journal anchors (made without them): the anchors are as they were";
        } else {
            anchors.restored(trust, backup);
            said = "; the journal's anchors now trust the backup's head (recorded as a restore)";
        }
        swap.donePending();
        return said;
    }

    @Override
    public CommandResult execute(Args args) throws Exception {
        Path file = Path.of(args.allow().positional(0, "backup file"));
        if (!Files.isRegularFile(file)) {
            throw new BadInputException("no backup file at " + file.toAbsolutePath());
        }
        Staging swap = store instanceof StoreImpl s ? Staging.of(s) : null;
        if (swap == null) {
            throw new BadInputException("restore works on the workstation's H2 file database or on PostgreSQL (the"
                    + " store's url is neither a jdbc:h2:file: nor a jdbc:postgresql: database)");
        }
        StoreImpl impl = (StoreImpl) store;
        Loader loader = new Loader(installedMigrations());
        String name = file.getFileName().toString();
        BackupReader r;
        long rows;
        String trust;
        try {
            r = BackupReader.open(file);
            try {
                loader.checkKnown(r.manifest());
                rows = r.validate();
                trust = r.trust();
            } catch (BackupException e) {
                r.close();
                throw e;
            }
        } catch (BackupException e) {
            throw new BadInputException("refused " + name + ": " + e.getMessage() + "; nothing was changed");
        }
        try (r) {
            String staging = swap.newStaging();
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("file", file.toAbsolutePath().toString());
            doc.put("restored", false); // the fields in the order they always had; set once swapped in
            doc.put("journal", null);
            CommandResult verify;
            try {
                DataSource ds = swap.create(staging);
                try (Connection holder = ds.getConnection()) {
                    try {
                        loader.load(r, holder);
                    } catch (BackupException e) {
                        throw new BadInputException("refused " + name + ": " + e.getMessage() + "; nothing was"
                                + " changed");
                    }
                    // Against the backup's own trust when it carries some: this workstation's anchors may be newer
                    // than the backup (a restore of last month's), which is a restore, not a rollback.
                    verify = anchors != null && trust != null ? verifyAgainstBackup(holder, trust)
                            : impl.redirected(ds, this::verifyJournal);
                    swap.finish(holder);
                }
                doc.put("journal", verify == null ? null : verify.json());
                doc.put("tables", r.manifest().tables().size());
                doc.put("rows", rows);
                if (verify != null && verify.exitCode() != CommandResult.OK) {
                    swap.discard(staging);
                    return new CommandResult(CommandResult.CHECK_FAILED, doc, "not restored: the journal of "
                            + name + " does not verify; the database is as it was\n" + verify.text());
                }
                swap.swapIn(staging, name, trust);
            } catch (StoreImpl.DatabaseBusyException e) {
                swap.discard(staging);
                throw new Exception(e.getMessage(), e);
            } catch (Exception | Error e) {
                swap.discard(staging); // after a rename that happened there is nothing left of it to remove
                throw e;
            }
            doc.put("restored", true);
            String anchorsSaid;
            boolean told = false;
            try {
                anchorsSaid = recordAnchors(swap, trust, name);
                told = anchors != null && trust != null;
            } catch (Exception e) {
                // restored all the same; the note stays and the next start of this command hands the trust over
                anchorsSaid = "; the journal's anchors could not be told yet (" + e.getMessage() + "): they will be"
                        + " at the next start";
            }
            doc.put("anchors", told);
            String text = "restored from " + file.toAbsolutePath() + " (" + r.manifest().tables().size()
                    + " tables, " + rows + " rows, made " + r.manifest().createdAt() + ")" + anchorsSaid;
            if (verify == null) {
                return CommandResult.ok(doc, text + "\n(the audit bundle is not installed: journal not checked)");
            }
            return CommandResult.ok(doc, text + "\n" + verify.text());
        }
    }

    /** The migrations of every installed bundle that ships any, by symbolic name (the active one wins a tie). */
    private Map<String, List<Migrations.Script>> installedMigrations() throws IOException {
        Map<String, List<Migrations.Script>> out = new LinkedHashMap<>();
        for (Bundle b : ctx.getBundles()) {
            if (b.getSymbolicName() == null || (b.getState() & (Bundle.RESOLVED | Bundle.STARTING
                    | Bundle.ACTIVE)) == 0) {
                continue;
            }
            List<Migrations.Script> scripts = StoreImpl.scriptsOf(b, store.databaseKind());
            if (!scripts.isEmpty() && (!out.containsKey(b.getSymbolicName()) || b.getState() == Bundle.ACTIVE)) {
                out.put(b.getSymbolicName(), scripts);
            }
        }
        return out;
    }

    /** The staged database's journal checked against the keys and head the backup carries. */
    private CommandResult verifyAgainstBackup(Connection c, String trust) throws Exception {
        TrustAnchors.Verification v = anchors.verify(c, trust);
        return new CommandResult(v.ok() ? CommandResult.OK : CommandResult.CHECK_FAILED, v.json(), v.text());
    }

    /** audit:verify as the audit bundle offers it; null when the bundle is not installed. */
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
