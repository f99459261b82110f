package io.slipway.testkit.postgres;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A server named by {@code SLIPWAY_TEST_POSTGRES_URL}, in libpq's URI form
 * ({@code postgresql://user:password@host:5432/postgres}) or as a JDBC URL
 * ({@code jdbc:postgresql://host:5432/postgres?user=u&password=p}). The user must be allowed to create databases.
 */
public record ExternalPostgresServer(String host, int port, String user, String password, String adminDatabase) implements PostgresServer {
    public static final String ENV = "SLIPWAY_TEST_POSTGRES_URL";

    public static ExternalPostgresServer parse(String url) {
        String text = url.strip();
        if (text.startsWith("jdbc:")) {
            text = text.substring("jdbc:".length());
        }
        URI uri;
        try {
            uri = URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(ENV + " is not a URL like postgresql://user:password@host:5432/postgres: " + url, e);
        }
        if (uri.getScheme() == null || !uri.getScheme().startsWith("postgres") || uri.getHost() == null) {
            throw new IllegalArgumentException(ENV + " must look like postgresql://user:password@host:5432/postgres, got " + url);
        }
        Map<String, String> query = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(pair.substring(0, eq), decode(pair.substring(eq + 1)));
                }
            }
        }
        String user = query.get("user");
        String password = query.getOrDefault("password", "");
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : password;
        }
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        return new ExternalPostgresServer(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), user == null ? "postgres" : user,
                password, path.isEmpty() ? "postgres" : path);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        // not ours to stop
    }
}
