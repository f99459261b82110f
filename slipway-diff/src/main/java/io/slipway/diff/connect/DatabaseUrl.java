package io.slipway.diff.connect;

import io.slipway.adapter.Adapter;
import io.slipway.adapter.AdapterException;
import io.slipway.adapter.AdapterFactory;
import io.slipway.adapter.AdapterSettings;
import io.slipway.diff.DiffErrorCode;
import io.slipway.diff.DiffException;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * A warehouse named by URL on the command line: {@code duckdb:///abs/path.db}, {@code duckdb://rel/path.db}
 * (relative to the working directory), or {@code postgresql://user[:password]@host[:port]/db[?schema=s]}
 * (also {@code postgres://}; the password may come from {@code PGPASSWORD}). Turned into the same
 * settings a profile target gives, so the same adapters open them.
 */
public final class DatabaseUrl {
    private DatabaseUrl() {
    }

    /** Whether the text is a URL this class reads (anything else may be a profile target's name). */
    public static boolean isUrl(String text) {
        return text.startsWith("duckdb:") || text.startsWith("postgresql://") || text.startsWith("postgres://");
    }

    /**
     * The adapter settings of a URL.
     *
     * @param workingDir where relative DuckDB paths start
     * @param env        environment variables ({@code PGPASSWORD})
     */
    public static AdapterSettings settings(String url, Path workingDir, Map<String, String> env) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (url.startsWith("duckdb:")) {
            String path = url.substring("duckdb:".length());
            path = path.startsWith("//") ? path.substring(2) : path;
            if (path.isEmpty()) {
                throw new DiffException(DiffErrorCode.USAGE, "'" + url + "' names no DuckDB file; write duckdb:///absolute/path.db or duckdb://relative/path.db");
            }
            values.put("type", "duckdb");
            values.put("path", path);
            values.put("schema", "main");
            return new AdapterSettings(url, values, workingDir);
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new DiffException(DiffErrorCode.USAGE, "'" + url + "' is not a valid PostgreSQL URL (postgresql://user@host:port/db): "
                    + e.getMessage());
        }
        String database = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        if (uri.getHost() == null || database.isEmpty()) {
            throw new DiffException(DiffErrorCode.USAGE, "'" + redacted(url) + "' needs a host and a database: postgresql://user@host:port/db");
        }
        String user = "postgres";
        String password = env.getOrDefault("PGPASSWORD", "");
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            if (parts.length == 2) {
                password = decode(parts[1]);
            }
        }
        values.put("type", "postgres");
        values.put("host", uri.getHost());
        values.put("port", uri.getPort() < 0 ? 5432 : uri.getPort());
        values.put("user", user);
        values.put("password", password);
        values.put("dbname", decode(database));
        values.put("schema", query(uri).getOrDefault("schema", "public"));
        return new AdapterSettings(redacted(url), values, workingDir);
    }

    /** Creates the adapter for settings, among the adapters on the class path. */
    public static Adapter adapter(AdapterSettings settings) {
        String type = settings.string("type", "");
        List<String> available = new ArrayList<>();
        for (AdapterFactory factory : ServiceLoader.load(AdapterFactory.class)) {
            available.add(factory.type());
            if (factory.type().equals(type)) {
                try {
                    return factory.create(settings);
                } catch (AdapterException e) {
                    throw new DiffException(DiffErrorCode.USAGE, settings.targetName() + ": " + e.getMessage(), e);
                }
            }
        }
        throw new DiffException(DiffErrorCode.USAGE, "this Slipway has no " + type + " adapter; available: " + String.join(", ", available));
    }

    /** The URL without its password, for messages. */
    public static String redacted(String url) {
        return url.replaceFirst("(://[^:/@]*):[^@/]*@", "$1:***@");
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> out = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                out.put(decode(kv[0]), kv.length == 2 ? decode(kv[1]) : "");
            }
        }
        return out;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
