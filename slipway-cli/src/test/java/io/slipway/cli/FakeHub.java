package io.slipway.cli;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The dbt package hub's JSON API played on loopback: {@code /api/v1/<namespace>/<name>.json} answers what
 * {@link #publish} was given, anything else 404. Versions point at local Git repositories the way the real hub
 * points at GitHub ({@code _source.url} = {@code <repository>/tree/<tag>/}).
 */
final class FakeHub implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, String> listings = new ConcurrentHashMap<>();
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());

    private FakeHub(HttpServer server) {
        this.server = server;
    }

    static FakeHub start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        FakeHub hub = new FakeHub(server);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            hub.requests.add(path);
            String prefix = "/api/v1/";
            String body = path.startsWith(prefix) && path.endsWith(".json")
                    ? hub.listings.get(path.substring(prefix.length(), path.length() - ".json".length())) : null;
            byte[] bytes = (body == null ? "{\"error\": \"not found\"}" : body).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        return hub;
    }

    /** The base URL, for {@code DBT_PACKAGE_HUB_URL}. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    List<String> requests() {
        return List.copyOf(requests);
    }

    /** Publishes a package: each version is a tag of {@code repository}; {@code requireDbt} may be null. */
    void publish(String packageName, String projectName, String repository, List<String> versions, Map<String, String> requireDbt) {
        StringBuilder json = new StringBuilder("{\"name\": \"" + projectName + "\", \"namespace\": \"" + packageName.split("/")[0]
                + "\", \"latest\": \"" + versions.get(versions.size() - 1) + "\", \"versions\": {");
        for (int i = 0; i < versions.size(); i++) {
            String v = versions.get(i);
            String require = requireDbt.getOrDefault(v, "\">=1.3.0\", \"<2.0.0\"");
            json.append(i == 0 ? "" : ", ").append('"').append(v).append("\": {")
                    .append("\"id\": \"").append(packageName).append('/').append(v).append("\", ")
                    .append("\"name\": \"").append(projectName).append("\", \"version\": \"").append(v).append("\", ")
                    .append("\"packages\": [], \"works_with\": [], \"require_dbt_version\": [").append(require).append("], ")
                    .append("\"_source\": {\"type\": \"github\", \"url\": \"").append(repository).append("/tree/").append(v).append("/\"}, ")
                    .append("\"downloads\": {\"tarball\": \"").append(url()).append("tarballs/").append(v).append(".tar.gz\"}}");
        }
        json.append("}}");
        listings.put(packageName, json.toString());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
