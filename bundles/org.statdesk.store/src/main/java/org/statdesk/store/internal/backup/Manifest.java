package org.statdesk.store.internal.backup;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The backup's table of contents ({@code manifest.json}): format and version, when, the schema version of each
 * bundle, and per table its columns, row count, size and SHA-256 of its data entry; the sequences' next values; the
 * journal's trust entry when the audit bundle gave one. Read strictly: a field this format does not have, a
 * duplicate key or a name that is not a plain SQL name is refused.
 */
public record Manifest(String createdAt, String database, Map<String, Integer> schema, List<Table> tables,
        List<Sequence> sequences, Entry trust) {
    public static final String FORMAT = "statdesk-backup";
    public static final int VERSION = 1;
    public static final String ENTRY = "manifest.json";
    public static final String TRUST_ENTRY = "trust.json";
    /** Names that are interpolated into SQL: lower-case letters, digits and underscores only. */
    static final Pattern SQL_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final Pattern OWNER = Pattern.compile("[A-Za-z0-9_.-]{1,200}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    static final ObjectMapper JSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    public record Column(String name, ColumnType type, boolean nullable) {
    }

    /** {@code identity}: the identity column and the value it hands out next, or null for a table without one. */
    public record Table(String name, List<Column> columns, long rows, Entry data, String identity, long identityNext) {
        public String entryName() {
            return "tables/" + name + ".jsonl";
        }
    }

    public record Sequence(String name, long next) {
    }

    /** An entry of the zip as the manifest declares it: its uncompressed size and SHA-256. */
    public record Entry(long bytes, String sha256) {
    }

    byte[] toJson() throws IOException {
        ObjectNode m = JSON.createObjectNode();
        m.put("format", FORMAT);
        m.put("version", VERSION);
        m.put("created_at", createdAt);
        m.put("database", database);
        ObjectNode s = m.putObject("schema");
        schema.forEach(s::put);
        ArrayNode ts = m.putArray("tables");
        for (Table t : tables) {
            ObjectNode o = ts.addObject();
            o.put("name", t.name());
            ArrayNode cs = o.putArray("columns");
            for (Column c : t.columns()) {
                cs.addObject().put("name", c.name()).put("type", c.type().toString()).put("nullable", c.nullable());
            }
            o.put("rows", t.rows());
            entry(o, t.data());
            if (t.identity() != null) {
                o.putObject("identity").put("column", t.identity()).put("next", t.identityNext());
            }
        }
        ArrayNode qs = m.putArray("sequences");
        for (Sequence q : sequences) {
            qs.addObject().put("name", q.name()).put("next", q.next());
        }
        if (trust == null) {
            m.putNull("trust"); // the audit bundle's anchors were not there: the backup carries none
        } else {
            entry(m.putObject("trust"), trust);
        }
        return JSON.writeValueAsBytes(m);
    }

    private static void entry(ObjectNode o, Entry e) {
        o.put("bytes", e.bytes()).put("sha256", e.sha256());
    }

    /** Parses and checks a manifest; every deviation from what {@link #toJson} writes is a {@link BackupException}. */
    static Manifest parse(byte[] json) throws BackupException {
        JsonNode m;
        try (JsonParser p = JSON.createParser(json)) {
            m = JSON.readTree(p);
        } catch (IOException e) {
            throw new BackupException("the manifest is not valid JSON: " + firstLine(e));
        }
        fields(m, "manifest", "format", "version", "created_at", "database", "schema", "tables", "sequences", "trust");
        if (!FORMAT.equals(text(m, "format", "manifest"))) {
            throw new BackupException("not a StatDesk backup (format " + m.get("format") + ")");
        }
        if (!m.get("version").canConvertToInt() || m.get("version").asInt() != VERSION) {
            throw new BackupException("backup format version " + m.get("version") + " is not known here (this"
                    + " installation reads version " + VERSION + ")");
        }
        Map<String, Integer> schema = new LinkedHashMap<>();
        JsonNode s = object(m, "schema", "manifest");
        for (Iterator<Map.Entry<String, JsonNode>> it = s.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!OWNER.matcher(e.getKey()).matches() || !e.getValue().isInt() || e.getValue().asInt() < 1) {
                throw new BackupException("schema version of " + shorten(e.getKey()) + " is not a bundle and a version");
            }
            schema.put(e.getKey(), e.getValue().asInt());
        }
        List<Table> tables = new ArrayList<>();
        Set<String> names = new TreeSet<>();
        for (JsonNode t : array(m, "tables", "manifest")) {
            tables.add(table(t));
            if (!names.add(tables.get(tables.size() - 1).name())) {
                throw new BackupException("table " + tables.get(tables.size() - 1).name() + " is listed twice");
            }
        }
        List<Sequence> sequences = new ArrayList<>();
        for (JsonNode q : array(m, "sequences", "manifest")) {
            fields(q, "sequence", "name", "next");
            sequences.add(new Sequence(name(q, "sequence"), number(q, "next", "sequence")));
        }
        JsonNode tr = m.get("trust");
        Entry trust = tr.isNull() ? null : entry(tr, "trust");
        return new Manifest(text(m, "created_at", "manifest"), text(m, "database", "manifest"), schema, tables,
                sequences, trust);
    }

    private static Table table(JsonNode t) throws BackupException {
        if (!t.isObject()) {
            throw new BackupException("a table of the manifest is not an object");
        }
        String name = name(t, "table");
        String at = "table " + name;
        Set<String> allowed = new TreeSet<>(List.of("name", "columns", "rows", "bytes", "sha256", "identity"));
        fields(t, at, allowed.toArray(String[]::new));
        for (String f : List.of("name", "columns", "rows", "bytes", "sha256")) {
            if (!t.has(f)) {
                throw new BackupException(at + " has no " + f);
            }
        }
        List<Column> columns = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (JsonNode c : array(t, "columns", at)) {
            fields(c, at + " column", "name", "type", "nullable");
            String cn = name(c, at + " column");
            ColumnType type = ColumnType.parse(text(c, "type", at + " column " + cn));
            if (type == null) {
                throw new BackupException(at + " column " + cn + " has a type this format does not know: "
                        + shorten(c.get("type").asText()));
            }
            if (!c.get("nullable").isBoolean()) {
                throw new BackupException(at + " column " + cn + ": nullable is not true or false");
            }
            if (!seen.add(cn)) {
                throw new BackupException(at + " lists column " + cn + " twice");
            }
            columns.add(new Column(cn, type, c.get("nullable").asBoolean()));
        }
        if (columns.isEmpty()) {
            throw new BackupException(at + " has no columns");
        }
        String identity = null;
        long next = 0;
        if (t.has("identity")) {
            JsonNode i = t.get("identity");
            fields(i, at + " identity", "column", "next");
            identity = name(i, at + " identity", "column");
            next = number(i, "next", at + " identity");
            if (!seen.contains(identity)) {
                throw new BackupException(at + ": its identity column " + identity + " is not one of its columns");
            }
        }
        return new Table(name, columns, number(t, "rows", at), entry(t, at), identity, next);
    }

    private static Entry entry(JsonNode o, String at) throws BackupException {
        String sha = text(o, "sha256", at);
        if (!SHA256.matcher(sha).matches()) {
            throw new BackupException(at + ": sha256 is not a SHA-256 in hex");
        }
        return new Entry(number(o, "bytes", at), sha);
    }

    private static void fields(JsonNode o, String at, String... allowed) throws BackupException {
        if (!o.isObject()) {
            throw new BackupException(at + " is not a JSON object");
        }
        Set<String> ok = Set.of(allowed);
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!ok.contains(f)) {
                throw new BackupException(at + " has a field this format does not have: " + shorten(f));
            }
        }
        if (at.equals("manifest") || at.equals("sequence") || at.endsWith("column") || at.endsWith("identity")) {
            for (String f : allowed) {
                if (!o.has(f)) {
                    throw new BackupException(at + " has no " + f);
                }
            }
        }
    }

    private static String name(JsonNode o, String at) throws BackupException {
        return name(o, at, "name");
    }

    private static String name(JsonNode o, String at, String field) throws BackupException {
        String n = text(o, field, at);
        if (!SQL_NAME.matcher(n).matches()) {
            throw new BackupException(at + ": " + shorten(n) + " is not a plain SQL name");
        }
        return n;
    }

    private static String text(JsonNode o, String f, String at) throws BackupException {
        JsonNode v = o.get(f);
        if (v == null || !v.isTextual()) {
            throw new BackupException(at + ": " + f + " is missing or not text");
        }
        return v.asText();
    }

    private static long number(JsonNode o, String f, String at) throws BackupException {
        JsonNode v = o.get(f);
        if (v == null || !v.canConvertToLong() || !v.isIntegralNumber() || v.asLong() < 0) {
            throw new BackupException(at + ": " + f + " is missing or not a whole number >= 0");
        }
        return v.asLong();
    }

    private static JsonNode object(JsonNode o, String f, String at) throws BackupException {
        JsonNode v = o.get(f);
        if (v == null || !v.isObject()) {
            throw new BackupException(at + ": " + f + " is not an object");
        }
        return v;
    }

    private static JsonNode array(JsonNode o, String f, String at) throws BackupException {
        JsonNode v = o.get(f);
        if (v == null || !v.isArray()) {
            throw new BackupException(at + ": " + f + " is not a list");
        }
        return v;
    }

    static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }

    private static String firstLine(Exception e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return shorten(nl < 0 ? m : m.substring(0, nl));
    }
}
