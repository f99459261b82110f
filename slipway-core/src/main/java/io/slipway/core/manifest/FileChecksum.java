package io.slipway.core.manifest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/** dbt's {@code FileHash}: the algorithm name and the digest of a file's contents. */
public record FileChecksum(String name, String checksum) {
    public FileChecksum {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(checksum, "checksum is null");
    }

    /** sha256 of the text as dbt hashes a source file (after stripping surrounding whitespace). */
    public static FileChecksum sha256(String contents) {
        return new FileChecksum("sha256", sha256Hex(contents.strip()));
    }

    public static FileChecksum none() {
        return new FileChecksum("none", "");
    }

    public static String sha256Hex(String text) {
        return hex("SHA-256", text.getBytes(StandardCharsets.UTF_8));
    }

    public static String md5Hex(String text) {
        return hex("MD5", text.getBytes(StandardCharsets.UTF_8));
    }

    public static String hex(String algorithm, byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + algorithm, e);
        }
    }
}
