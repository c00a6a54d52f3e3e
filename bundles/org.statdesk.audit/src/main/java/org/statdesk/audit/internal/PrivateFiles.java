package org.statdesk.audit.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/** Files only the OS account may read (keys, anchors): folders 0700, files 0600, written durably. */
final class PrivateFiles {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private PrivateFiles() {
    }

    private static FileAttribute<?>[] mode(String perms) {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString(perms))} : new FileAttribute<?>[0];
    }

    static void folder(Path p) throws IOException {
        if (!Files.isDirectory(p)) {
            Files.createDirectories(p, mode("rwx------"));
        }
    }

    /** Writes {@code file} whole (temp file, fsync, rename), mode 0600. */
    static void writeNew(Path file, byte[] content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, mode("rw-------"));
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(content));
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Appends {@code text} to {@code file} (created 0600) under an exclusive lock, so that two workstations on one
     * data folder never interleave lines, and forces it to disk before returning.
     */
    static void append(Path file, String text) throws IOException {
        // a file lock is held per JVM, not per thread: a second thread's lock() would throw instead of waiting
        synchronized (PrivateFiles.class) {
            appendLocked(file, text);
        }
    }

    private static void appendLocked(Path file, String text) throws IOException {
        if (!Files.exists(file)) {
            try {
                Files.createFile(file, mode("rw-------"));
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // another process created it meanwhile: append to theirs
            }
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
                FileLock lock = ch.lock()) {
            ByteBuffer b = ByteBuffer.wrap(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            while (b.hasRemaining()) {
                ch.write(b);
            }
            ch.force(true);
        }
    }
}
