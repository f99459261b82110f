package io.slipway.core.deps;

import io.slipway.core.project.ValueRenderer;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code package-lock.yml} as dbt 1.7+ writes it: every package, transitive ones included, pinned (a hub
 * version, a Git commit sha, a local path) with its project name, and {@code sha1_hash}, a hash of the
 * declared packages that tells whether packages.yml changed since the lock was written.
 *
 * @param packages  the locked entries, in install order
 * @param sha1Hash  the hash of the packages the lock was made from, or null
 */
record LockFile(List<PackageSpec> packages, String sha1Hash) {
    static final String FILE = "package-lock.yml";

    LockFile {
        packages = List.copyOf(packages);
    }

    /** Reads a lock file; its entries are checked like packages.yml entries, with their lines. */
    static LockFile read(Path file, ValueRenderer renderer) {
        Map<String, Object> content = PackagesFile.readMapping(file, FILE, null);
        Object hash = content.get("sha1_hash");
        return new LockFile(PackagesFile.entries(file, FILE, null, content, renderer), hash == null ? null : hash.toString());
    }

    /** Writes the lock for the resolved packages. */
    static void write(Path file, List<PinnedPackage> pinned, String sha1Hash) throws IOException {
        List<Object> entries = new ArrayList<>();
        pinned.forEach(p -> entries.add(p.lockEntry()));
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("packages", entries);
        document.put("sha1_hash", sha1Hash);
        Files.writeString(file, YamlWriter.write(document), StandardCharsets.UTF_8);
    }

    /**
     * The hash of declared packages, computed as dbt computes it: each rendered entry as sorted-key JSON,
     * the lines sorted and joined with newlines, then SHA-1.
     */
    static String hash(List<PackageSpec> declared) {
        List<String> lines = new ArrayList<>();
        declared.forEach(p -> lines.add(pythonJson(p.rendered())));
        lines.sort(null);
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            return HexFormat.of().formatHex(sha1.digest(String.join("\n", lines).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** JSON as Python's {@code json.dumps(value, sort_keys=True)} writes it. */
    static String pythonJson(Object value) {
        StringBuilder out = new StringBuilder();
        json(out, value);
        return out.toString();
    }

    private static void json(StringBuilder out, Object value) {
        if (value instanceof Map<?, ?> m) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : new TreeMap<String, Object>(stringKeys(m)).entrySet()) {
                out.append(first ? "" : ", ");
                first = false;
                json(out, e.getKey());
                out.append(": ");
                json(out, e.getValue());
            }
            out.append('}');
        } else if (value instanceof List<?> l) {
            out.append('[');
            for (int i = 0; i < l.size(); i++) {
                out.append(i == 0 ? "" : ", ");
                json(out, l.get(i));
            }
            out.append(']');
        } else if (value == null) {
            out.append("null");
        } else if (value instanceof Boolean || value instanceof Long || value instanceof Integer || value instanceof BigInteger) {
            out.append(value);
        } else if (value instanceof Double d) {
            out.append(d.isNaN() ? "NaN" : d.isInfinite() ? (d > 0 ? "Infinity" : "-Infinity") : pythonFloat(d));
        } else {
            String s = value.toString();
            out.append('"');
            for (char c : s.toCharArray()) {
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    case '\b' -> out.append("\\b");
                    case '\f' -> out.append("\\f");
                    default -> {
                        if (c < 0x20 || c > 0x7e) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            out.append('"');
        }
    }

    private static Map<String, Object> stringKeys(Map<?, ?> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    /** Python's repr of a float: shortest round-trip digits, {@code 1.0} not {@code 1}, exponent past 1e16. */
    private static String pythonFloat(double d) {
        String s = Double.toString(d);
        if (s.contains("E")) {
            String[] parts = s.split("E");
            int exp = Integer.parseInt(parts[1]);
            if (exp >= 16 || exp < -4) {
                String mantissa = parts[0].endsWith(".0") ? parts[0].substring(0, parts[0].length() - 2) : parts[0];
                return mantissa + "e" + (exp < 0 ? "-" : "+") + String.format("%02d", Math.abs(exp));
            }
            String plain = new java.math.BigDecimal(s).stripTrailingZeros().toPlainString();
            return plain.contains(".") ? plain : plain + ".0";
        }
        return s;
    }
}
