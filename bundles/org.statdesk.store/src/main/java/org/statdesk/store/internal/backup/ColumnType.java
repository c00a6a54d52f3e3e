package org.statdesk.store.internal.backup;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A column's type in the backup's own, database-neutral words ({@code VARCHAR(400)}, {@code DECIMAL(18,3)},
 * {@code DOUBLE PRECISION}, ...): how a value of it is written to JSON, checked when read back, and bound to an
 * INSERT. Only the types StatDesk's schema uses; a column of any other type makes the backup fail rather than write
 * what a restore could not check.
 */
public record ColumnType(Kind kind, int length, int scale) {
    public enum Kind { BIGINT, INTEGER, SMALLINT, BOOLEAN, DOUBLE, DECIMAL, VARCHAR, DATE, TIMESTAMP }

    private static final Pattern SIZED = Pattern.compile("(VARCHAR|DECIMAL)\\((\\d{1,5})(?:,(\\d{1,5}))?\\)");

    /** The type of a column as JDBC's metadata describes it ({@code DatabaseMetaData.getColumns}). */
    public static ColumnType ofJdbc(int sqlType, String typeName, int size, int digits) throws SQLException {
        return switch (sqlType) {
            case Types.BIGINT -> new ColumnType(Kind.BIGINT, 0, 0);
            case Types.INTEGER -> new ColumnType(Kind.INTEGER, 0, 0);
            case Types.SMALLINT -> new ColumnType(Kind.SMALLINT, 0, 0);
            case Types.BOOLEAN -> new ColumnType(Kind.BOOLEAN, 0, 0);
            // PostgreSQL's driver reports boolean columns as BIT
            case Types.BIT -> typeName.toLowerCase(Locale.ROOT).startsWith("bool") ? new ColumnType(Kind.BOOLEAN, 0, 0)
                    : unsupported(typeName);
            case Types.DOUBLE, Types.FLOAT -> new ColumnType(Kind.DOUBLE, 0, 0);
            case Types.DECIMAL, Types.NUMERIC -> new ColumnType(Kind.DECIMAL, size, digits);
            case Types.VARCHAR, Types.NVARCHAR -> new ColumnType(Kind.VARCHAR, size, 0);
            case Types.DATE -> new ColumnType(Kind.DATE, 0, 0);
            case Types.TIMESTAMP -> new ColumnType(Kind.TIMESTAMP, 0, 0);
            default -> unsupported(typeName);
        };
    }

    private static ColumnType unsupported(String typeName) throws SQLException {
        throw new SQLException("a column of type " + typeName + " cannot be backed up (not a type StatDesk's schema uses)");
    }

    /** Reads the manifest's spelling back; null when it names no type this format knows. */
    public static ColumnType parse(String s) {
        switch (s) {
            case "BIGINT": return new ColumnType(Kind.BIGINT, 0, 0);
            case "INTEGER": return new ColumnType(Kind.INTEGER, 0, 0);
            case "SMALLINT": return new ColumnType(Kind.SMALLINT, 0, 0);
            case "BOOLEAN": return new ColumnType(Kind.BOOLEAN, 0, 0);
            case "DOUBLE PRECISION": return new ColumnType(Kind.DOUBLE, 0, 0);
            case "DATE": return new ColumnType(Kind.DATE, 0, 0);
            case "TIMESTAMP": return new ColumnType(Kind.TIMESTAMP, 0, 0);
            default: break;
        }
        Matcher m = SIZED.matcher(s);
        if (!m.matches()) {
            return null;
        }
        int a = Integer.parseInt(m.group(2));
        if (m.group(1).equals("VARCHAR")) {
            return m.group(3) == null && a > 0 ? new ColumnType(Kind.VARCHAR, a, 0) : null;
        }
        int b = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        return a > 0 && b <= a ? new ColumnType(Kind.DECIMAL, a, b) : null;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case DOUBLE -> "DOUBLE PRECISION";
            case VARCHAR -> "VARCHAR(" + length + ")";
            case DECIMAL -> "DECIMAL(" + length + "," + scale + ")";
            default -> kind.name();
        };
    }

    /** Writes column {@code i} of the current row as a JSON value: numbers, text, true/false or null. */
    public void write(ResultSet rs, int i, JsonGenerator g) throws SQLException, IOException {
        switch (kind) {
            case BIGINT, INTEGER, SMALLINT -> {
                long v = rs.getLong(i);
                if (rs.wasNull()) {
                    g.writeNull();
                } else {
                    g.writeNumber(v);
                }
            }
            case BOOLEAN -> {
                boolean v = rs.getBoolean(i);
                if (rs.wasNull()) {
                    g.writeNull();
                } else {
                    g.writeBoolean(v);
                }
            }
            case DOUBLE -> {
                double v = rs.getDouble(i);
                if (rs.wasNull()) {
                    g.writeNull();
                } else if (Double.isFinite(v)) {
                    g.writeNumber(v);
                } else {
                    g.writeString(Double.toString(v)); // JSON has no NaN or Infinity: kept as text, read back exactly
                }
            }
            case DECIMAL -> {
                BigDecimal v = rs.getBigDecimal(i);
                writeText(g, v == null ? null : v.toPlainString()); // as text: exact, never through a double
            }
            case VARCHAR -> writeText(g, rs.getString(i));
            case DATE -> {
                Date d = rs.getDate(i);
                writeText(g, d == null ? null : d.toLocalDate().toString());
            }
            case TIMESTAMP -> {
                Timestamp t = rs.getTimestamp(i);
                writeText(g, t == null ? null : t.toLocalDateTime().toString());
            }
            default -> throw new IllegalStateException(kind.name());
        }
    }

    private static void writeText(JsonGenerator g, String s) throws IOException {
        if (s == null) {
            g.writeNull();
        } else {
            g.writeString(s);
        }
    }

    /**
     * Reads the value at the parser's current token, checks that it is of this type (and fits it), and returns it as
     * the Java value that {@link #bind} sets; null for JSON null.
     *
     * @throws BackupException naming what is wrong
     */
    public Object read(JsonParser p, boolean nullable) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            if (!nullable) {
                throw new BackupException("null in a NOT NULL column");
            }
            return null;
        }
        switch (kind) {
            case BIGINT, INTEGER, SMALLINT -> {
                if (t != JsonToken.VALUE_NUMBER_INT || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                    throw new BackupException("not a whole number of type " + this + ": " + shown(p));
                }
                long v = p.getLongValue();
                long max = kind == Kind.BIGINT ? Long.MAX_VALUE : kind == Kind.INTEGER ? Integer.MAX_VALUE
                        : Short.MAX_VALUE;
                if (v > max || v < -max - 1) {
                    throw new BackupException("out of the range of " + this + ": " + v);
                }
                return v;
            }
            case BOOLEAN -> {
                if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
                    throw new BackupException("not true or false: " + shown(p));
                }
                return t == JsonToken.VALUE_TRUE;
            }
            case DOUBLE -> {
                if (t == JsonToken.VALUE_STRING) {
                    return switch (p.getText()) {
                        case "NaN" -> Double.NaN;
                        case "Infinity" -> Double.POSITIVE_INFINITY;
                        case "-Infinity" -> Double.NEGATIVE_INFINITY;
                        default -> throw new BackupException("not a number: " + shown(p));
                    };
                }
                if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
                    throw new BackupException("not a number: " + shown(p));
                }
                double v = p.getDoubleValue();
                if (!Double.isFinite(v)) {
                    throw new BackupException("a number out of the range of DOUBLE PRECISION: " + shown(p));
                }
                return v;
            }
            case DECIMAL -> {
                BigDecimal v;
                try {
                    v = t == JsonToken.VALUE_STRING ? new BigDecimal(text(p)) : null;
                } catch (NumberFormatException e) {
                    v = null;
                }
                if (v == null || v.scale() > scale || v.precision() - v.scale() > length - scale) {
                    throw new BackupException("not a decimal of type " + this + ": " + shown(p));
                }
                return v;
            }
            case VARCHAR -> {
                String s = text(p);
                if (s.codePointCount(0, s.length()) > length) {
                    throw new BackupException("longer than " + this + " (" + s.length() + " characters)");
                }
                return s;
            }
            case DATE -> {
                try {
                    return LocalDate.parse(text(p));
                } catch (DateTimeParseException e) {
                    throw new BackupException("not a date YYYY-MM-DD: " + shown(p));
                }
            }
            case TIMESTAMP -> {
                try {
                    return LocalDateTime.parse(text(p));
                } catch (DateTimeParseException e) {
                    throw new BackupException("not a timestamp: " + shown(p));
                }
            }
            default -> throw new IllegalStateException(kind.name());
        }
    }

    private String text(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw new BackupException("not text, as " + this + " is: " + shown(p));
        }
        return p.getText();
    }

    private static String shown(JsonParser p) throws IOException {
        String s = p.currentToken().isScalarValue() ? p.getText() : p.currentToken().toString();
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    /** Binds a value that {@link #read} returned. */
    public void bind(PreparedStatement ps, int i, Object v) throws SQLException {
        if (v == null) {
            ps.setNull(i, switch (kind) {
                case BIGINT -> Types.BIGINT;
                case INTEGER -> Types.INTEGER;
                case SMALLINT -> Types.SMALLINT;
                case BOOLEAN -> Types.BOOLEAN;
                case DOUBLE -> Types.DOUBLE;
                case DECIMAL -> Types.DECIMAL;
                case VARCHAR -> Types.VARCHAR;
                case DATE -> Types.DATE;
                case TIMESTAMP -> Types.TIMESTAMP;
            });
            return;
        }
        switch (kind) {
            case BIGINT, INTEGER, SMALLINT -> ps.setLong(i, (Long) v);
            case BOOLEAN -> ps.setBoolean(i, (Boolean) v);
            case DOUBLE -> ps.setDouble(i, (Double) v);
            case DECIMAL -> ps.setBigDecimal(i, (BigDecimal) v);
            case VARCHAR -> ps.setString(i, (String) v);
            case DATE -> ps.setDate(i, Date.valueOf((LocalDate) v));
            case TIMESTAMP -> ps.setTimestamp(i, Timestamp.valueOf((LocalDateTime) v));
            default -> throw new IllegalStateException(kind.name());
        }
    }
}
