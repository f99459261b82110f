package io.slipway.core.parser;

import io.slipway.core.manifest.ColumnSpec;
import io.slipway.core.manifest.DependsOn;
import io.slipway.core.manifest.DocBlock;
import io.slipway.core.manifest.FileChecksum;
import io.slipway.core.manifest.GroupDefinition;
import io.slipway.core.manifest.Node;
import io.slipway.core.manifest.NodeConfig;
import io.slipway.core.manifest.RefCall;
import io.slipway.core.manifest.ResourceType;
import io.slipway.core.manifest.SourceDefinition;
import io.slipway.core.manifest.TestMetadata;
import io.slipway.core.manifest.VersionInfo;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes and reads a {@link ParseSnapshot} in a compact binary form: each distinct string once (config keys,
 * package names and schemas repeat on every node), records field by field. Java serialization of the same
 * snapshot was measured 3-4 times slower and 5 times larger, which a cache on every parse cannot afford.
 * Values of YAML shape only; anything else is refused with an {@link IOException}, and the caller parses
 * in full next time.
 */
public final class SnapshotCodec {
    /** Bumped whenever the layout changes, so that an old cache is never misread. */
    private static final int FORMAT = 3;

    private static final int NULL = 0;
    private static final int STRING = 1;
    private static final int LONG = 2;
    private static final int INT = 3;
    private static final int DOUBLE = 4;
    private static final int TRUE = 5;
    private static final int FALSE = 6;
    private static final int MAP = 7;
    private static final int LIST = 8;
    private static final int DECIMAL = 9;
    private static final int BIG_INTEGER = 10;

    private SnapshotCodec() {
    }

    /** The snapshot as bytes. */
    public static byte[] encode(ParseSnapshot snapshot) throws IOException {
        Writer w = new Writer();
        w.count(FORMAT);
        w.count(snapshot.nodes().size());
        for (Node node : snapshot.nodes().values()) {
            w.node(node);
        }
        w.count(snapshot.disabled().size());
        for (Node node : snapshot.disabled()) {
            w.node(node);
        }
        w.count(snapshot.sources().size());
        for (SourceDefinition source : snapshot.sources().values()) {
            w.source(source);
        }
        w.count(snapshot.docs().size());
        for (DocBlock doc : snapshot.docs().values()) {
            w.strings(doc.uniqueId(), doc.name(), doc.packageName(), doc.path(), doc.originalFilePath(), doc.blockContents());
        }
        w.count(snapshot.groups().size());
        for (Map.Entry<String, GroupDefinition> e : snapshot.groups().entrySet()) {
            GroupDefinition g = e.getValue();
            w.strings(e.getKey(), g.name(), g.packageName(), g.path(), g.originalFilePath());
            w.value(g.owner());
            w.string(g.description());
        }
        w.count(snapshot.macroDescriptions().size());
        for (Map.Entry<String, String> e : snapshot.macroDescriptions().entrySet()) {
            w.strings(e.getKey(), e.getValue());
        }
        return w.bytes();
    }

    /** The snapshot {@link #encode} gave these bytes for, from {@code offset} on. */
    public static ParseSnapshot decode(byte[] bytes, int offset) throws IOException {
        Reader r = new Reader(bytes, offset);
        if (r.count() != FORMAT) {
            throw new IOException("a cache of another format");
        }
        Map<String, Node> nodes = new LinkedHashMap<>();
        for (int i = r.count(); i > 0; i--) {
            Node node = r.node();
            nodes.put(node.uniqueId(), node);
        }
        List<Node> disabled = new ArrayList<>();
        for (int i = r.count(); i > 0; i--) {
            disabled.add(r.node());
        }
        Map<String, SourceDefinition> sources = new LinkedHashMap<>();
        for (int i = r.count(); i > 0; i--) {
            SourceDefinition source = r.source();
            sources.put(source.uniqueId(), source);
        }
        Map<String, DocBlock> docs = new LinkedHashMap<>();
        for (int i = r.count(); i > 0; i--) {
            DocBlock doc = new DocBlock(r.string(), r.string(), r.string(), r.string(), r.string(), r.string());
            docs.put(doc.uniqueId(), doc);
        }
        Map<String, GroupDefinition> groups = new LinkedHashMap<>();
        for (int i = r.count(); i > 0; i--) {
            String key = r.string();
            groups.put(key, new GroupDefinition(r.string(), r.string(), r.string(), r.string(), r.map(), r.string()));
        }
        Map<String, String> descriptions = new LinkedHashMap<>();
        for (int i = r.count(); i > 0; i--) {
            descriptions.put(r.string(), r.string());
        }
        return new ParseSnapshot(nodes, sources, docs, groups, disabled, descriptions);
    }

    private static final class Writer {
        private final Map<String, Integer> seen = new HashMap<>();
        private byte[] buf = new byte[1 << 16];
        private int pos;

        byte[] bytes() {
            return java.util.Arrays.copyOf(buf, pos);
        }

        private void ensure(int n) {
            if (pos + n > buf.length) {
                buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
            }
        }

        private void writeByte(int b) {
            ensure(1);
            buf[pos++] = (byte) b;
        }

        private void writeBoolean(boolean b) {
            writeByte(b ? 1 : 0);
        }

        private void writeLong(long v) {
            ensure(8);
            for (int shift = 56; shift >= 0; shift -= 8) {
                buf[pos++] = (byte) (v >>> shift);
            }
        }

        private void write(byte[] bytes) {
            ensure(bytes.length);
            System.arraycopy(bytes, 0, buf, pos, bytes.length);
            pos += bytes.length;
        }

        void node(Node n) throws IOException {
            strings(n.uniqueId(), n.resourceType().name(), n.packageName(), n.name(), n.path(), n.originalFilePath(), n.patchPath());
            stringList(n.fqn());
            if (n.checksum() == null) {
                writeBoolean(false);
            } else {
                writeBoolean(true);
                strings(n.checksum().name(), n.checksum().checksum());
            }
            value(n.config().values());
            value(n.unrenderedConfig());
            value(n.configCallDict());
            strings(n.database(), n.schema(), n.alias(), n.relationName(), n.description());
            columns(n.columns());
            strings(n.rawCode(), n.language());
            count(n.refs().size());
            for (RefCall ref : n.refs()) {
                strings(ref.name(), ref.packageName(), ref.version());
            }
            count(n.sources().size());
            for (List<String> source : n.sources()) {
                stringList(source);
            }
            stringList(n.dependsOn().macros());
            stringList(n.dependsOn().nodes());
            if (n.testMetadata() == null) {
                writeBoolean(false);
            } else {
                writeBoolean(true);
                string(n.testMetadata().name());
                value(n.testMetadata().kwargs());
                string(n.testMetadata().namespace());
            }
            strings(n.columnName(), n.attachedNode());
            value(n.versionInfo().version());
            value(n.versionInfo().latestVersion());
            string(n.versionInfo().deprecationDate());
            value(n.unitTest() == null ? null : n.unitTest().toJson());
            value(n.exposure() == null ? null : n.exposure().toJson());
        }

        void source(SourceDefinition s) throws IOException {
            strings(s.uniqueId(), s.packageName(), s.sourceName(), s.name(), s.identifier(), s.database(), s.schema(), s.relationName(),
                    s.path(), s.originalFilePath());
            stringList(s.fqn());
            strings(s.description(), s.sourceDescription(), s.loader());
            columns(s.columns());
            value(s.meta());
            value(s.sourceMeta());
            stringList(s.tags());
            value(s.config());
            value(s.unrenderedConfig());
            string(s.loadedAtField());
            value(s.freshness());
            value(s.quoting());
        }

        void columns(Map<String, ColumnSpec> columns) throws IOException {
            count(columns.size());
            for (Map.Entry<String, ColumnSpec> e : columns.entrySet()) {
                ColumnSpec c = e.getValue();
                strings(e.getKey(), c.name(), c.description());
                value(c.meta());
                string(c.dataType());
                value(c.constraints());
                value(c.quote());
                stringList(c.tags());
            }
        }

        void stringList(List<String> values) throws IOException {
            count(values.size());
            for (String v : values) {
                string(v);
            }
        }

        void strings(String... values) throws IOException {
            for (String v : values) {
                string(v);
            }
        }

        /** -1 for null; else an index already written, or the next index followed by the text. */
        void string(String s) throws IOException {
            if (s == null) {
                count(0);
                return;
            }
            Integer index = seen.get(s);
            if (index != null) {
                count(index + 2);
                return;
            }
            seen.put(s, seen.size());
            count(1);
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            count(bytes.length);
            write(bytes);
        }

        void value(Object v) throws IOException {
            if (v == null) {
                writeByte(NULL);
            } else if (v instanceof String s) {
                writeByte(STRING);
                string(s);
            } else if (v instanceof Long l) {
                writeByte(LONG);
                writeLong(l);
            } else if (v instanceof Integer i) {
                writeByte(INT);
                writeLong(i);
            } else if (v instanceof Double d) {
                writeByte(DOUBLE);
                writeLong(Double.doubleToRawLongBits(d));
            } else if (v instanceof Boolean b) {
                writeByte(b ? TRUE : FALSE);
            } else if (v instanceof Map<?, ?> m) {
                writeByte(MAP);
                count(m.size());
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    if (!(e.getKey() instanceof String key)) {
                        throw new IOException("a map key of type " + (e.getKey() == null ? "null" : e.getKey().getClass().getName()));
                    }
                    string(key);
                    value(e.getValue());
                }
            } else if (v instanceof List<?> l) {
                writeByte(LIST);
                count(l.size());
                for (Object o : l) {
                    value(o);
                }
            } else if (v instanceof BigDecimal d) {
                writeByte(DECIMAL);
                string(d.toString());
            } else if (v instanceof BigInteger b) {
                writeByte(BIG_INTEGER);
                string(b.toString());
            } else {
                throw new IOException("a value of type " + v.getClass().getName());
            }
        }

        /** An unsigned variable-length int: most counts and string indexes take one or two bytes. */
        void count(int n) throws IOException {
            int v = n;
            while ((v & ~0x7F) != 0) {
                writeByte((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            writeByte(v);
        }
    }

    private static final class Reader {
        private final List<String> strings = new ArrayList<>();
        private final byte[] buf;
        private int pos;

        Reader(byte[] buf, int offset) {
            this.buf = buf;
            this.pos = offset;
        }

        private int readUnsignedByte() throws IOException {
            if (pos >= buf.length) {
                throw new java.io.EOFException("the cache ends early");
            }
            return buf[pos++] & 0xFF;
        }

        private boolean readBoolean() throws IOException {
            return readUnsignedByte() != 0;
        }

        private long readLong() throws IOException {
            if (pos + 8 > buf.length) {
                throw new java.io.EOFException("the cache ends early");
            }
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | (buf[pos++] & 0xFF);
            }
            return v;
        }

        Node node() throws IOException {
            String uniqueId = string();
            ResourceType type = ResourceType.valueOf(string());
            String packageName = string();
            String name = string();
            String path = string();
            String originalFilePath = string();
            String patchPath = string();
            List<String> fqn = stringList();
            FileChecksum checksum = readBoolean() ? new FileChecksum(string(), string()) : null;
            NodeConfig config = new NodeConfig(map());
            Map<String, Object> unrendered = map();
            Map<String, Object> configCall = map();
            String database = string();
            String schema = string();
            String alias = string();
            String relationName = string();
            String description = string();
            Map<String, ColumnSpec> columns = columns();
            String rawCode = string();
            String language = string();
            List<RefCall> refs = new ArrayList<>();
            for (int i = count(); i > 0; i--) {
                refs.add(new RefCall(string(), string(), string()));
            }
            List<List<String>> sources = new ArrayList<>();
            for (int i = count(); i > 0; i--) {
                sources.add(stringList());
            }
            DependsOn dependsOn = new DependsOn(stringList(), stringList());
            TestMetadata test = readBoolean() ? new TestMetadata(string(), map(), string()) : null;
            String columnName = string();
            String attachedNode = string();
            VersionInfo versionInfo = new VersionInfo(value(), value(), string());
            Object unitTest = value();
            @SuppressWarnings("unchecked")
            io.slipway.core.manifest.UnitTestSpec spec = unitTest instanceof Map<?, ?> m
                    ? io.slipway.core.manifest.UnitTestSpec.fromJson((Map<String, Object>) m) : null;
            Object exposure = value();
            @SuppressWarnings("unchecked")
            io.slipway.core.manifest.ExposureSpec exposureSpec = exposure instanceof Map<?, ?> e
                    ? io.slipway.core.manifest.ExposureSpec.fromJson((Map<String, Object>) e) : null;
            return new Node(uniqueId, type, packageName, name, path, originalFilePath, patchPath, fqn, checksum, config, unrendered,
                    configCall, database, schema, alias, relationName, description, columns, rawCode, language, refs, sources, dependsOn,
                    test, columnName, attachedNode, versionInfo, spec, exposureSpec);
        }

        SourceDefinition source() throws IOException {
            String uniqueId = string();
            String packageName = string();
            String sourceName = string();
            String name = string();
            String identifier = string();
            String database = string();
            String schema = string();
            String relationName = string();
            String path = string();
            String originalFilePath = string();
            List<String> fqn = stringList();
            String description = string();
            String sourceDescription = string();
            String loader = string();
            Map<String, ColumnSpec> columns = columns();
            Map<String, Object> meta = map();
            Map<String, Object> sourceMeta = map();
            List<String> tags = stringList();
            Map<String, Object> config = map();
            Map<String, Object> unrendered = map();
            String loadedAtField = string();
            Map<String, Object> freshness = map();
            Map<String, Object> quoting = map();
            return new SourceDefinition(uniqueId, packageName, sourceName, name, identifier, database, schema, relationName, path,
                    originalFilePath, fqn, description, sourceDescription, loader, columns, meta, sourceMeta, tags, config, unrendered,
                    loadedAtField, freshness, quoting);
        }

        Map<String, ColumnSpec> columns() throws IOException {
            Map<String, ColumnSpec> out = new LinkedHashMap<>();
            for (int i = count(); i > 0; i--) {
                String key = string();
                String name = string();
                String description = string();
                Map<String, Object> meta = map();
                String dataType = string();
                @SuppressWarnings("unchecked")
                List<Object> constraints = (List<Object>) value();
                Boolean quote = (Boolean) value();
                out.put(key, new ColumnSpec(name, description, meta, dataType, constraints, quote, stringList()));
            }
            return out;
        }

        List<String> stringList() throws IOException {
            int n = count();
            List<String> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(string());
            }
            return out;
        }

        String string() throws IOException {
            int tag = count();
            if (tag == 0) {
                return null;
            }
            if (tag >= 2) {
                return strings.get(tag - 2);
            }
            int length = count();
            if (length < 0 || pos + length > buf.length) {
                throw new java.io.EOFException("the cache ends early");
            }
            String s = new String(buf, pos, length, StandardCharsets.UTF_8);
            pos += length;
            strings.add(s);
            return s;
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> map() throws IOException {
            Object v = value();
            if (v != null && !(v instanceof Map)) {
                throw new IOException("a map was expected");
            }
            return (Map<String, Object>) v;
        }

        Object value() throws IOException {
            int tag = readUnsignedByte();
            switch (tag) {
                case NULL:
                    return null;
                case STRING:
                    return string();
                case LONG:
                    return readLong();
                case INT:
                    return (int) readLong();
                case DOUBLE:
                    return Double.longBitsToDouble(readLong());
                case TRUE:
                    return Boolean.TRUE;
                case FALSE:
                    return Boolean.FALSE;
                case MAP: {
                    int n = count();
                    Map<String, Object> out = new LinkedHashMap<>(Math.max(4, n * 4 / 3 + 1));
                    for (int i = 0; i < n; i++) {
                        String key = string();
                        out.put(key, value());
                    }
                    return out;
                }
                case LIST: {
                    int n = count();
                    List<Object> out = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        out.add(value());
                    }
                    return out;
                }
                case DECIMAL:
                    return new BigDecimal(string());
                case BIG_INTEGER:
                    return new BigInteger(string());
                default:
                    throw new IOException("an unknown value tag " + tag);
            }
        }

        int count() throws IOException {
            int result = 0;
            for (int shift = 0; shift < 35; shift += 7) {
                int b = readUnsignedByte();
                result |= (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return result;
                }
            }
            throw new IOException("a malformed count");
        }
    }
}
