package org.statdesk.runtime.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The data folder's lock, {@code DATA/.lock}, taken with {@link FileChannel#tryLock()} (an operating-system lock: a
 * killed process loses it at once). Why it is needed: the H2 database runs in mixed mode (AUTO_SERVER), where the
 * first process to open it serves it to the others over a local socket. When that first process is a {@code run}
 * that ends, every other process using the database through it loses its connection in mid-work ("Connection is
 * broken: session closed", an EOFException in audit:verify). So a process only opens the database while it holds
 * this lock: a {@code run} for its whole life (two runs take turns, each one owning the database it uses), the
 * workbench and the console only while they open and while they close it (they serve the database to the runs
 * in between, so {@code statdesk run} works while the workbench is open, and closing the workbench waits for a run
 * that uses it).
 *
 * <p>The holder writes who it is into the file, so that a waiting process can say what it waits for.
 *
 * <p>On a database server (PostgreSQL, {@link #forDatabaseOf}) there is nothing to take turns for: the server
 * serialises the writers and outlives every process, so the lock is not taken and runs go on side by side.
 */
final class DataFolderLock {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final long POLL_MS = 100;
    private final Path dataFolder;
    private final Path file;
    private final boolean needed;
    private FileChannel channel;
    private FileLock lock;
    /** Held without a file, on a database server. */
    private boolean notNeededHeld;

    DataFolderLock(Path dataFolder) {
        this(dataFolder, true);
    }

    private DataFolderLock(Path dataFolder, boolean needed) {
        this.dataFolder = dataFolder;
        this.file = dataFolder.resolve(".lock");
        this.needed = needed;
    }

    /**
     * The lock for the database the distribution's {@code etc/org.statdesk.store.cfg} names: a real one for the
     * embedded H2 file (the default, an empty {@code url}, or any {@code jdbc:h2:} url), none for a server database.
     * Read from the file because the lock is taken before the store (and ConfigAdmin's copy of the file) is there.
     */
    static DataFolderLock forDatabaseOf(Path home, Path dataFolder) {
        java.util.Properties p = new java.util.Properties();
        try (var in = Files.newInputStream(home.resolve("etc").resolve("org.statdesk.store.cfg"))) {
            p.load(in);
        } catch (IOException noFile) {
            return new DataFolderLock(dataFolder, true);
        }
        String url = p.getProperty("url", "").trim();
        return new DataFolderLock(dataFolder, url.isEmpty() || url.startsWith("jdbc:h2:"));
    }


    /**
     * Takes the lock for {@code what} (e.g. "run registry:import"), waiting at most {@code waitMs} for another
     * process to let it go, and saying once on stderr that it waits. False when it is still held after that.
     */
    synchronized boolean acquire(String what, long waitMs) throws IOException, InterruptedException {
        if (lock != null) {
            return true;
        }
        if (!needed) {
            notNeededHeld = true;
            return true;
        }
        Files.createDirectories(dataFolder);
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        long deadline = System.currentTimeMillis() + waitMs;
        boolean said = false;
        try {
            while (true) {
                FileLock l;
                try {
                    l = ch.tryLock();
                } catch (OverlappingFileLockException sameJvm) {
                    l = null; // an earlier framework of this JVM has not let it go yet
                }
                if (l != null) {
                    channel = ch;
                    lock = l;
                    sign(what);
                    if (said) {
                        Log.info("the other process has finished with " + dataFolder + "; going on");
                    }
                    return true;
                }
                if (!said) {
                    Log.info("waiting for another StatDesk process to finish with the data folder " + dataFolder
                            + " (" + holder() + ")");
                    said = true;
                }
                if (System.currentTimeMillis() >= deadline) {
                    ch.close();
                    return false;
                }
                Thread.sleep(POLL_MS);
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            if (lock == null) {
                ch.close();
            }
            throw e;
        }
    }

    /** What the holder wrote: its process id, since when, and what it runs. */
    String holder() {
        try {
            // Only a process that does not hold the lock reads the file this way: closing a second descriptor of
            // the file would drop a POSIX lock held by the same process.
            String s = Files.readString(file, StandardCharsets.UTF_8).trim();
            return s.isEmpty() ? "it says nothing about itself" : s;
        } catch (IOException e) {
            return "unknown process";
        }
    }

    private void sign(String what) throws IOException {
        String s = "process " + ProcessHandle.current().pid() + " since " + LocalDateTime.now().format(TIME) + ": "
                + what + "\n";
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(false);
    }

    synchronized boolean held() {
        return lock != null || notNeededHeld;
    }

    /** Lets the lock go; the file stays (removing it would let two processes lock two different files). */
    synchronized void release() {
        notNeededHeld = false;
        if (lock == null) {
            return;
        }
        try {
            channel.truncate(0);
            lock.release();
            channel.close();
        } catch (IOException e) {
            Log.error("cannot release " + file + ": " + e.getMessage() + " (it goes when this process ends)");
        } finally {
            lock = null;
            channel = null;
        }
    }

    Path dataFolder() {
        return dataFolder;
    }
}
