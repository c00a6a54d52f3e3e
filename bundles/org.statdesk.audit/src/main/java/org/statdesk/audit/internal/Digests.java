package org.statdesk.audit.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;

/** The digests of the audit trail: a row's values, and an entry chained to the previous entry's hash. */
public final class Digests {
    /** Digest recorded when a row was deleted through StatDesk. */
    public static final String DELETED = "deleted";
    /** The hash before the first entry. */
    public static final String GENESIS = "0".repeat(64);
    private static final char NULL = '\u0000';
    private static final char SEP = '\u001f';
    private static final HexFormat HEX = HexFormat.of();

    private Digests() {
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Digest of the columns {@code from..to} (1-based, inclusive) of the current row. Values are normalised so that
     * the same stored value always gives the same text (DECIMAL scale, e.g. 1.500 and 1.5, is not a change).
     */
    static String row(MessageDigest md, ResultSet rs, int from, int to) throws SQLException {
        StringBuilder sb = new StringBuilder(128);
        for (int i = from; i <= to; i++) {
            append(sb, normalise(rs.getObject(i)));
        }
        return HEX.formatHex(md.digest(sb.toString().getBytes(StandardCharsets.UTF_8)), 0, 16);
    }

    static String normalise(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof BigDecimal b) {
            return b.signum() == 0 ? "0" : b.stripTrailingZeros().toPlainString();
        }
        if (o instanceof Double || o instanceof Float) {
            double d = ((Number) o).doubleValue();
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
        }
        return o.toString();
    }

    private static void append(StringBuilder sb, String v) {
        if (v == null) {
            sb.append(NULL);
        } else {
            sb.append(v);
        }
        sb.append(SEP);
    }

    /** The hash of an entry: it covers the previous entry's hash and every stored field, the seq included. */
    static String chain(MessageDigest md, String prevHash, long seq, String time, String user, String bundle,
            String entity, String key, String field, String oldValue, String newValue, String reason,
            String rowDigest) {
        StringBuilder sb = new StringBuilder(256);
        append(sb, prevHash);
        append(sb, Long.toString(seq));
        append(sb, time);
        append(sb, user);
        append(sb, bundle);
        append(sb, entity);
        append(sb, key);
        append(sb, field);
        append(sb, oldValue);
        append(sb, newValue);
        append(sb, reason);
        append(sb, rowDigest);
        return HEX.formatHex(md.digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
