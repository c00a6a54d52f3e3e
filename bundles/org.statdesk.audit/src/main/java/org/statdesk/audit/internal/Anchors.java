package org.statdesk.audit.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.statdesk.api.audit.TrustAnchors.Head;

/**
 * The anchors file {@code DATA/anchors/journal.anchors}: append-only lines, tab-separated, each forced to disk,
 * mode 0600, outside {@code DATA/db/} so that copying or replacing the database never touches it.
 * <pre>
 * key         TIME  KEY_ID  PUBLIC_KEY                 a public key pinned: checkpoints it signs are trusted
 * checkpoint  TIME  SEQ     HASH  KEY_ID  SIGNATURE    a signed head the workstation wrote
 * head        TIME  SEQ     HASH  HOW                  a head seen (HOW: opened, adopted)
 * restore     TIME  USER    BACKUP  SEQ  HASH          a restore: the lines above it no longer bind
 * </pre>
 */
final class Anchors {
    static final String FILE = "journal.anchors";
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private final Path folder;
    private final Path file;

    Anchors(Path folder) {
        this.folder = folder;
        this.file = folder.resolve(FILE);
    }

    Path file() {
        return file;
    }

    /**
     * What the anchors say since the last restore: the pinned keys, the anchored heads (seq to hash), and lines that
     * cannot be read (a damaged file is a finding, not a reason to trust less).
     */
    record Trust(Map<String, PublicKey> keys, NavigableMap<Long, String> heads,
            Map<Long, Checkpoints.Checkpoint> checkpoints, List<String> damaged, String source, JournalKey local) {
        static Trust of(Map<String, PublicKey> keys, Head head, String source) {
            NavigableMap<Long, String> h = new TreeMap<>();
            if (head != null && head.seq() > 0) {
                h.put(head.seq(), head.hash());
            }
            return new Trust(Map.copyOf(keys), h, Map.of(), List.of(), source, null);
        }

        /** The same trust, able to check this installation's seals. */
        Trust checkedWith(JournalKey key) {
            return new Trust(keys, heads, checkpoints, damaged, source, key);
        }

        Head last() {
            var e = heads.lastEntry();
            return e == null ? null : new Head(e.getKey(), e.getValue());
        }
    }

    boolean exists() {
        return Files.exists(file);
    }

    Trust load() throws IOException {
        Map<String, PublicKey> keys = new LinkedHashMap<>();
        NavigableMap<Long, String> heads = new TreeMap<>();
        Map<Long, Checkpoints.Checkpoint> checkpoints = new java.util.HashMap<>();
        List<String> damaged = new ArrayList<>();
        if (!Files.exists(file)) {
            return new Trust(keys, heads, checkpoints, damaged, file.toString(), null);
        }
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                try {
                    switch (f[0]) {
                        case "key" -> keys.put(f[2], JournalKey.publicKey(f[3]));
                        case "head" -> head(heads, Long.parseLong(f[2]), f[3], damaged, n);
                        case "checkpoint" -> {
                            long seq = Long.parseLong(f[2]);
                            head(heads, seq, f[3], damaged, n);
                            checkpoints.putIfAbsent(seq, new Checkpoints.Checkpoint(seq, f[3], f[1], f[4], f[5]));
                        }
                        case "restore" -> {
                            keys.clear();
                            heads.clear();
                            checkpoints.clear();
                            head(heads, Long.parseLong(f[4]), f[5], damaged, n);
                        }
                        default -> damaged.add("line " + n + ": unknown kind " + f[0]);
                    }
                } catch (ArrayIndexOutOfBoundsException | NumberFormatException | GeneralSecurityException e) {
                    damaged.add("line " + n + ": " + e.getMessage());
                }
            }
        }
        return new Trust(keys, heads, checkpoints, damaged, file.toString(), null);
    }

    private static void head(NavigableMap<Long, String> heads, long seq, String hash, List<String> damaged, int n) {
        if (!HASH.matcher(hash).matches() || seq < 0) {
            damaged.add("line " + n + ": not a head " + seq + ":" + hash);
            return;
        }
        String had = heads.putIfAbsent(seq, hash);
        if (had != null && !had.equals(hash)) {
            damaged.add("line " + n + ": head " + seq + " anchored twice with different hashes");
        }
    }

    private static String clean(String s) {
        // a user or file name must never break a line into fields or lines
        return s == null ? "" : s.replaceAll("[\\p{Cntrl}]", " ");
    }

    private void append(String lines) throws IOException {
        PrivateFiles.folder(folder);
        boolean fresh = !Files.exists(file);
        PrivateFiles.append(file, (fresh ? "# StatDesk journal anchors (审计日志信任锚): append-only; see docs/security.md\n"
                : "") + lines);
    }

    void pin(String keyId, String publicKey, String time) throws IOException {
        append("key\t" + time + "\t" + keyId + "\t" + publicKey + "\n");
    }

    void checkpoints(Collection<Checkpoints.Checkpoint> cps) throws IOException {
        if (cps.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        for (Checkpoints.Checkpoint cp : cps) {
            sb.append("checkpoint\t").append(cp.time()).append('\t').append(cp.seq()).append('\t').append(cp.hash())
                    .append('\t').append(cp.keyId()).append('\t').append(cp.signature()).append('\n');
        }
        append(sb.toString());
    }

    void head(Head h, String how, String time) throws IOException {
        append("head\t" + time + "\t" + h.seq() + "\t" + h.hash() + "\t" + how + "\n");
    }

    /** A restore: who, when, which backup, its head, then the keys that bind from now on. */
    void restore(String user, String backup, Head h, Map<String, String> keys, String time) throws IOException {
        StringBuilder sb = new StringBuilder("restore\t" + time + "\t" + clean(user) + "\t" + clean(backup) + "\t"
                + h.seq() + "\t" + h.hash() + "\n");
        keys.forEach((id, pub) -> sb.append("key\t").append(time).append('\t').append(id).append('\t').append(pub)
                .append('\n'));
        append(sb.toString());
    }
}
