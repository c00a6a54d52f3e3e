package org.statdesk.audit.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The installation's Ed25519 key pair that signs the journal's checkpoints, kept in {@code DATA/keys/} (mode 0600),
 * never in the database: whoever can only write the database cannot sign. Until sign-in exists (issue 13) the private
 * key is a plain file of the OS account; sign-in will wrap it by the person's password.
 */
public final class JournalKey {
    static final String ALGORITHM = "Ed25519";
    static final String FILE = "journal-ed25519.key";
    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String id;
    private final javax.crypto.spec.SecretKeySpec macKey;

    JournalKey(KeyPair pair) {
        this.privateKey = pair.getPrivate();
        this.publicKey = pair.getPublic();
        this.id = idOf(publicKey);
        // derived from the private key, so it is as secret as the key and needs no file of its own
        java.security.MessageDigest md = Digests.sha256();
        md.update("statdesk.journal.seal".getBytes(StandardCharsets.UTF_8));
        this.macKey = new javax.crypto.spec.SecretKeySpec(md.digest(privateKey.getEncoded()), "HmacSHA256");
    }

    /** A fresh key pair, not stored (tests, and the first start before it is written). */
    public static JournalKey generate() {
        try {
            return new JournalKey(KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no " + ALGORITHM + ": " + e.getMessage(), e);
        }
    }

    /** The key of {@code folder} ({@code DATA/keys}), created (0600, in a 0700 folder) on first use. */
    static JournalKey inFolder(Path folder) throws IOException {
        Path file = folder.resolve(FILE);
        if (Files.exists(file)) {
            return read(file);
        }
        PrivateFiles.folder(folder);
        JournalKey k = generate();
        // line 1 the private key (PKCS#8), line 2 the public key (X.509), both base64
        String text = Base64.getEncoder().encodeToString(k.privateKey.getEncoded()) + "\n" + k.publicText() + "\n";
        PrivateFiles.writeNew(file, text.getBytes(StandardCharsets.US_ASCII));
        return read(file);
    }

    private static JournalKey read(Path file) throws IOException {
        String[] lines = Files.readString(file, StandardCharsets.US_ASCII).strip().split("\n");
        try {
            KeyFactory f = KeyFactory.getInstance(ALGORITHM);
            PrivateKey priv = f.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(lines[0].strip())));
            PublicKey pub = publicKey(lines[1].strip());
            return new JournalKey(new KeyPair(pub, priv));
        } catch (GeneralSecurityException | IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw new IOException("the journal's key file " + file + " is damaged: " + e.getMessage(), e);
        }
    }

    /** A public key as {@link #publicText()} wrote it. */
    static PublicKey publicKey(String base64) throws GeneralSecurityException {
        return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(Base64.getDecoder()
                .decode(base64)));
    }

    /** The key's id: the first 8 bytes (16 hex) of SHA-256 over its public key, as checkpoints name it. */
    static String idOf(PublicKey k) {
        return HexFormat.of().formatHex(Digests.sha256().digest(k.getEncoded()), 0, 8);
    }

    String id() {
        return id;
    }

    PublicKey publicKey() {
        return publicKey;
    }

    String publicText() {
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }

    /** The id of the seals (HMAC) this key makes: {@code mac-} and the key's id. */
    String macId() {
        return "mac-" + id;
    }

    /**
     * The seal (HMAC-SHA256, base64) of {@code message}: what an append stores, a thousand times cheaper than a
     * signature; only this installation can check it, so the journal signs the newest seal when it anchors.
     */
    String seal(String message) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(macKey);
            return Base64.getEncoder().encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal the journal's checkpoint: " + e.getMessage(), e);
        }
    }

    boolean sealed(String message, String seal) {
        return java.security.MessageDigest.isEqual(seal(message).getBytes(StandardCharsets.US_ASCII),
                seal.getBytes(StandardCharsets.US_ASCII));
    }

    /** The signature (base64) of {@code message}. */
    String sign(String message) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(privateKey);
            s.update(message.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the journal's checkpoint: " + e.getMessage(), e);
        }
    }

    /** Whether {@code signature} (base64) is {@code key}'s signature of {@code message}. */
    static boolean verify(PublicKey key, String message, String signature) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initVerify(key);
            s.update(message.getBytes(StandardCharsets.UTF_8));
            return s.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
