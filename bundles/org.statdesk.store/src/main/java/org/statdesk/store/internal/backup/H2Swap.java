package org.statdesk.store.internal.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a restore puts the new database beside the live one, and how it swaps it in, for an H2 file database: the
 * new database is a second file in the same folder ({@code restore-PID-TIME.mv.db}); the swap is one rename over the
 * live file, so a kill at any moment leaves the old database or the new one, each whole. A marker written before
 * the rename tells the next start which it was: with the new file still there the swap never happened (the new file
 * is removed: rolled back); without it the rename was done (completed). New files of a restore killed while loading
 * belong to a process that is gone and are removed at the next start.
 *
 * <p>(On PostgreSQL the same place is a schema inside the one database, swapped by renaming schemas in one
 * transaction; the store keeps that behind this class's methods.)
 */
public final class H2Swap {
    public static final String MARKER = "restore.swap";
    /** The swap is done but the journal's anchors were not yet handed the backup's trust. */
    public static final String PENDING = "restore.anchors";
    private static final Pattern STAGED = Pattern.compile("restore-(\\d{1,19})-(\\d{1,19})");
    private static final String SUFFIX = ".mv.db";

    private final Path folder;
    private final String live;

    /** {@code base}: the live database as H2's file URL names it, without {@code .mv.db}. */
    public H2Swap(Path base) {
        this.folder = base.toAbsolutePath().getParent();
        this.live = base.getFileName().toString();
    }

    /** The H2 file database of a {@code jdbc:h2:file:} URL, or null for any other URL. */
    public static Path baseOf(String url) {
        if (!url.startsWith("jdbc:h2:file:")) {
            return null;
        }
        String rest = url.substring("jdbc:h2:file:".length());
        int semi = rest.indexOf(';');
        return Path.of(semi < 0 ? rest : rest.substring(0, semi));
    }

    /** A fresh name for a new database beside the live one. */
    public String newStaging() {
        return "restore-" + ProcessHandle.current().pid() + "-" + System.currentTimeMillis();
    }

    public String url(String staging) {
        if (!STAGED.matcher(staging).matches()) {
            throw new IllegalArgumentException(staging);
        }
        return "jdbc:h2:file:" + folder.resolve(staging);
    }

    public Path liveFile() {
        return folder.resolve(live + SUFFIX);
    }

    /** Removes a new database that will not be swapped in. */
    public void discard(String staging) throws IOException {
        if (!STAGED.matcher(staging).matches()) {
            throw new IllegalArgumentException(staging);
        }
        for (String suffix : new String[] {SUFFIX, ".trace.db", ".lock.db", ".mv.db.tempFile"}) {
            Files.deleteIfExists(folder.resolve(staging + suffix));
        }
    }

    /**
     * Swaps the closed new database {@code staging} in for the live one, which the caller has closed. Leaves the
     * pending-anchors note ({@code backup}, {@code trust}) for {@link #pending}.
     */
    public void swap(String staging, String backup, String trust) throws IOException {
        Path staged = folder.resolve(staging + SUFFIX);
        if (!STAGED.matcher(staging).matches() || !Files.isRegularFile(staged)) {
            throw new IOException("the new database " + staged + " is not there");
        }
        ObjectNode note = Manifest.JSON.createObjectNode().put("staged", staging).put("backup", backup)
                .put("trust", trust);
        writeDurably(folder.resolve(MARKER), Manifest.JSON.writeValueAsBytes(note));
        force(staged);
        try {
            Files.move(staged, liveFile(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.deleteIfExists(folder.resolve(MARKER)); // not swapped: the marker must not say it was
            throw e instanceof AtomicMoveNotSupportedException ? new IOException("this file system cannot replace"
                    + " the database in one step; nothing was changed", e) : e;
        }
        forceFolder();
        Files.move(folder.resolve(MARKER), folder.resolve(PENDING), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
        forceFolder();
        discard(staging); // its trace file, if H2 wrote one
    }

    /**
     * At start, before the live database opens: completes or rolls back a swap that a kill interrupted, and removes
     * the new databases of restores killed while loading. Returns what it did, or null when there was nothing.
     */
    public String recover() throws IOException {
        String said = null;
        Path marker = folder.resolve(MARKER);
        if (Files.isRegularFile(marker)) {
            JsonNode note = Manifest.JSON.readTree(Files.readAllBytes(marker));
            String staging = note.path("staged").asText("");
            if (STAGED.matcher(staging).matches() && Files.isRegularFile(folder.resolve(staging + SUFFIX))) {
                discard(staging);
                Files.delete(marker);
                said = "a restore was interrupted before its swap: the database is the one it was before";
            } else {
                Files.move(marker, folder.resolve(PENDING), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
                said = "a restore was interrupted after its swap: the restored database is in place";
            }
            forceFolder();
        }
        if (Files.isDirectory(folder)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder, "restore-*")) {
                for (Path p : ds) {
                    String n = p.getFileName().toString();
                    int dot = n.indexOf('.');
                    Matcher m = STAGED.matcher(dot < 0 ? n : n.substring(0, dot));
                    if (m.matches() && !alive(Long.parseLong(m.group(1)))) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
        return said;
    }

    private static boolean alive(long pid) {
        return pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** The note of a swap done whose anchors are still to be recorded: {@code backup} and {@code trust}. */
    public JsonNode pending() throws IOException {
        return pendingIn(folder);
    }

    public void donePending() throws IOException {
        donePendingIn(folder);
    }

    /** The anchors note kept in {@code folder} (PostgreSQL's swap keeps it in the data folder's db/ too). */
    public static JsonNode pendingIn(Path folder) throws IOException {
        Path p = folder.resolve(PENDING);
        return Files.isRegularFile(p) ? Manifest.JSON.readTree(Files.readAllBytes(p)) : null;
    }

    public static void donePendingIn(Path folder) throws IOException {
        Files.deleteIfExists(folder.resolve(PENDING));
    }

    private void writeDurably(Path p, byte[] b) throws IOException {
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(java.nio.ByteBuffer.wrap(b));
            ch.force(true);
        }
        forceFolder();
    }

    private static void force(Path p) throws IOException {
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    private void forceFolder() {
        try (FileChannel ch = FileChannel.open(folder, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException notOnThisSystem) {
            // folders cannot be opened for sync everywhere (Windows); the rename is still atomic there
        }
    }
}
