package io.slipway.core.deps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slipway.core.project.Yaml;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dbt package hub's JSON API ({@code <base>/api/v1/<namespace>/<name>.json}), read to learn a package's
 * versions and the Git repository and tag each comes from. The base URL is {@code DBT_PACKAGE_HUB_URL}, as in
 * dbt, defaulting to the public hub. One client per {@code deps} run; answers are cached for the run.
 */
final class HubClient {
    static final String URL_VARIABLE = "DBT_PACKAGE_HUB_URL";
    static final String DEFAULT_URL = "https://hub.getdbt.com/";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** GitHub's archive links, which is what the public hub gives as a version's tarball. */
    private static final Pattern CODELOAD = Pattern.compile("^https?://codeload\\.github\\.com/([^/]+)/([^/]+)/(?:legacy\\.)?(?:tar\\.gz|zip)/(.+)$");
    /** A repository page at a ref, what the hub gives as a version's {@code _source.url}. */
    private static final Pattern TREE = Pattern.compile("^(.+?)/tree/([^/]+)/?$");

    private final String baseUrl;
    private final HttpClient http;
    private final Map<String, Listing> cache = new HashMap<>();

    HubClient(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    static HubClient fromEnvironment(Map<String, String> env) {
        String url = env.get(URL_VARIABLE);
        return new HubClient(url == null || url.isBlank() ? DEFAULT_URL : url);
    }

    String baseUrl() {
        return baseUrl;
    }

    /**
     * One version of a package as the hub lists it.
     *
     * @param projectName the package's project name ({@code dbt_utils})
     * @param packages    its own packages, as packages.yml entries
     * @param gitUrl      the Git repository it comes from, or null when the hub does not say
     * @param gitRef      the tag (or other ref) of this version in that repository, or null
     */
    record Version(String version, String projectName, List<Object> packages, List<String> requireDbtVersion, String gitUrl,
                   String gitRef, String tarball) {
        Version {
            packages = List.copyOf(packages);
            requireDbtVersion = List.copyOf(requireDbtVersion);
        }
    }

    /** A package's versions, keyed by version string, in the hub's order. */
    record Listing(String name, String url, Map<String, Version> versions) {
    }

    /** What went wrong talking to the hub. */
    static final class HubException extends Exception {
        private final boolean notFound;

        HubException(String message, boolean notFound) {
            super(message);
            this.notFound = notFound;
        }

        boolean notFound() {
            return notFound;
        }
    }

    /** The package's versions; throws when the hub cannot be reached or does not know the package. */
    Listing fetch(String packageName) throws HubException {
        Listing cached = cache.get(packageName);
        if (cached != null) {
            return cached;
        }
        String url = baseUrl + "api/v1/" + packageName + ".json";
        HttpResponse<String> response;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build();
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IllegalArgumentException e) {
            throw new HubException("GET " + url + " is not a valid URL (" + e.getMessage() + "); check " + URL_VARIABLE, false);
        } catch (IOException e) {
            throw new HubException("GET " + url + " failed: " + describe(e), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HubException("GET " + url + " was interrupted", false);
        }
        if (response.statusCode() == 404) {
            throw new HubException("GET " + url + " answered 404: the hub has no package named " + packageName, true);
        }
        if (response.statusCode() != 200) {
            throw new HubException("GET " + url + " answered HTTP " + response.statusCode(), false);
        }
        Listing listing = parse(packageName, url, response.body());
        cache.put(packageName, listing);
        return listing;
    }

    private static Listing parse(String packageName, String url, String body) throws HubException {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new HubException("GET " + url + " did not return JSON: " + e.getMessage(), false);
        }
        if (root == null || !root.isObject() || !root.has("versions") || !root.get("versions").isObject()) {
            throw new HubException("GET " + url + " did not return a package listing with 'versions'", false);
        }
        Map<String, Version> versions = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : root.get("versions").properties()) {
            versions.put(e.getKey(), version(e.getKey(), e.getValue()));
        }
        return new Listing(packageName, url, versions);
    }

    private static Version version(String key, JsonNode node) {
        String name = node.path("name").asText(null);
        List<Object> packages = new ArrayList<>();
        if (node.path("packages").isArray()) {
            for (JsonNode p : node.get("packages")) {
                packages.add(Yaml.toJava(p));
            }
        }
        List<String> require = new ArrayList<>();
        JsonNode req = node.path("require_dbt_version");
        if (req.isArray()) {
            req.forEach(r -> require.add(r.asText()));
        } else if (req.isTextual()) {
            require.add(req.asText());
        }
        String tarball = node.path("downloads").path("tarball").asText(null);
        String gitUrl = null;
        String gitRef = null;
        Matcher codeload = tarball == null ? null : CODELOAD.matcher(tarball);
        String source = node.path("_source").path("url").asText(null);
        Matcher tree = source == null ? null : TREE.matcher(source);
        if (codeload != null && codeload.matches()) {
            gitUrl = "https://github.com/" + codeload.group(1) + "/" + codeload.group(2) + ".git";
            gitRef = codeload.group(3);
        } else if (tree != null && tree.matches()) {
            gitUrl = tree.group(1);
            gitRef = tree.group(2);
        }
        return new Version(key, name, packages, require, gitUrl, gitRef, tarball);
    }

    private static String describe(IOException e) {
        String type = e.getClass().getSimpleName();
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            Throwable cause = e.getCause();
            message = cause == null ? null : cause.getMessage();
        }
        return message == null ? type : type + ": " + message;
    }
}
