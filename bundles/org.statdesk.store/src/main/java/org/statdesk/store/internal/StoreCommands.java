package org.statdesk.store.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.Map;
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
import org.statdesk.api.input.Inputs;
import org.statdesk.api.input.OutputFiles;
import org.statdesk.api.store.Store;
import org.statdesk.store.internal.backup.BackupWriter;
import org.statdesk.store.internal.backup.H2Dialect;

/**
 * store:backup: the whole database as data in StatDesk's own format (see {@code docs/architecture.md}, "Backup and restore"), read
 * in one snapshot while the workstation runs, written readable by its owner only. store:restore is
 * {@link RestoreCommand}.
 */
public final class StoreCommands {
    private StoreCommands() {
    }

    /** What the backup needs to know of the database it reads (the store's seam). */
    static org.statdesk.store.internal.backup.Dialect dialectOf(Store store) throws BadInputException {
        return switch (store.databaseKind()) {
            case "h2" -> new H2Dialect();
            case "postgresql" -> new org.statdesk.store.internal.backup.PgDialect();
            default -> throw new BadInputException("backup works on H2 and PostgreSQL, not on "
                    + store.databaseKind());
        };
    }

    @Component(service = Command.class)
    @CommandSpec(name = "store:backup", usage = "store:backup FILE [--json]", permission = "admin.backup", bulk = true,
            description = "consistent copy of the whole database while running: its tables' rows as data, with a"
                    + " manifest of schema versions, row counts and checksums; readable by its owner only")
    public static final class Backup implements Command {
        private final Store store;
        private final TrustAnchors anchors;

        @Activate
        public Backup(@Reference Store store, @Reference(cardinality = ReferenceCardinality.OPTIONAL,
                policyOption = ReferencePolicyOption.GREEDY) TrustAnchors anchors) {
            this.store = store;
            this.anchors = anchors;
        }

        @Override
        public CommandResult execute(Args args) throws Exception {
            Path file = Path.of(args.allow().positional(0, "backup file"));
            org.statdesk.store.internal.backup.Dialect dialect = dialectOf(store);
            Path parent = file.toAbsolutePath().normalize().getParent();
            if (parent != null && !Files.exists(parent)
                    && !parent.startsWith(store.dataFolder().toAbsolutePath().normalize())) {
                Files.createDirectories(parent);
            }
            Path out;
            try {
                out = OutputFiles.check(file, store.dataFolder());
            } catch (Inputs.InvalidValueException e) {
                throw new BadInputException(e.getMessage());
            }
            BackupWriter.Written[] w = new BackupWriter.Written[1];
            try (Connection c = store.connection()) {
                writeOwnerOnly(out, os -> w[0] = new BackupWriter(dialect, store.databaseKind())
                        .write(c, anchors == null ? null : anchors::forBackup, os));
            }
            long bytes = Files.size(out);
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("file", out.toString());
            doc.put("bytes", bytes);
            doc.put("tables", w[0].tables());
            doc.put("rows", w[0].rows());
            doc.put("anchors", anchors != null);
            return CommandResult.ok(doc, "backup written to " + out + " (" + bytes + " bytes, " + w[0].tables()
                    + " tables, " + w[0].rows() + " rows" + (anchors == null ? "; no journal anchors: the audit"
                    + " bundle does not provide them" : "") + ")");
        }
    }

    @FunctionalInterface
    interface Content {
        void write(OutputStream out) throws Exception;
    }

    /**
     * Writes {@code out} through a temporary file beside it that only its owner can read from the moment it exists
     * (a backup holds every figure and name), flushed to disk, then renamed over {@code out}: a failed or killed
     * backup leaves the old file or none, never half a file and never one others could read.
     */
    static void writeOwnerOnly(Path out, Content content) throws Exception {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        FileAttribute<?>[] ownerOnly = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
        Path tmp = Files.createTempFile(out.getParent(), "." + out.getFileName() + ".", ".tmp", ownerOnly);
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE);
                    OutputStream os = Channels.newOutputStream(ch)) {
                var buffered = new java.io.BufferedOutputStream(os, 1 << 16);
                content.write(buffered);
                buffered.flush();
                ch.force(true);
            }
            try {
                Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the error that brought us here matters more
            }
        }
    }
}
