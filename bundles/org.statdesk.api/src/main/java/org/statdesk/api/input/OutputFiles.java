package org.statdesk.api.input;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Files that commands write for the user (query lists, exports, backups): never inside the data folder, never over a
 * database or a backup, and written to a temporary name then renamed, so that a failed or killed write leaves the old
 * file or none, never half a file.
 */
public final class OutputFiles {
    private OutputFiles() {
    }

    /**
     * Refuses {@code out} when it lies inside {@code dataFolder} or is an existing database ({@code *.mv.db},
     * {@code *.trace.db}) or StatDesk backup (a zip whose name ends in the backup suffix is the caller's to check).
     *
     * @throws Inputs.InvalidValueException with a message that names the path
     */
    public static Path check(Path out, Path dataFolder) {
        Path abs = out.toAbsolutePath().normalize();
        try {
            Path real = Files.exists(abs) ? abs.toRealPath() : realParent(abs);
            if (dataFolder != null) {
                Path data = dataFolder.toAbsolutePath().normalize();
                Path dataReal = Files.exists(data) ? data.toRealPath() : data;
                if (real.startsWith(dataReal) || abs.startsWith(data)) {
                    throw new Inputs.InvalidValueException("output file " + out + " is inside the data folder "
                            + dataFolder + ": write it elsewhere");
                }
            }
            String name = abs.getFileName() == null ? "" : abs.getFileName().toString();
            if (name.endsWith(".mv.db") || name.endsWith(".trace.db") || name.endsWith(".lock.db")) {
                throw new Inputs.InvalidValueException("output file " + out + " is a database file");
            }
            if (Files.isDirectory(abs)) {
                throw new Inputs.InvalidValueException("output file " + out + " is a folder");
            }
        } catch (IOException e) {
            throw new Inputs.InvalidValueException("output file " + out + " cannot be checked: " + e.getMessage());
        }
        return abs;
    }

    private static Path realParent(Path abs) throws IOException {
        Path parent = abs.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new Inputs.InvalidValueException("the folder of the output file " + abs + " does not exist");
        }
        return parent.toRealPath().resolve(abs.getFileName());
    }

    /** What writes the file's content. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /** Writes {@code out} through a temporary file beside it, renamed over {@code out} when complete. */
    public static void write(Path out, Writer writer) throws IOException {
        Path abs = out.toAbsolutePath().normalize();
        Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName() + ".", ".tmp");
        try {
            try (OutputStream os = Files.newOutputStream(tmp)) {
                writer.write(os);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
