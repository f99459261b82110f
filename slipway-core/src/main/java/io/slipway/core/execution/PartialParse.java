package io.slipway.core.execution;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.slipway.core.project.ProjectConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32C;

/**
 * Knows when a parse would give what {@code target/manifest.json} already holds: a fingerprint of
 * everything parsing reads (Slipway's version, the rendered project and target, vars, every file of the
 * project and its packages, and the environment variables templates read) is kept beside the manifest in
 * {@code target/partial_parse.json}. {@code parse} with an unchanged fingerprint has nothing to do. Files
 * are compared by size and modification time, as build tools do.
 */
final class PartialParse {
    static final String FILE = "partial_parse.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PartialParse() {
    }

    /** What the parse of this session would read, as a fingerprint, plus the files' checksums. */
    record Inputs(String fingerprint, Map<String, String> files) {
    }

    static Inputs inputs(ProjectSession session, InvocationRequest request) {
        try {
            return read(session, request);
        } catch (IOException e) {
            throw new io.slipway.core.error.SlipwayException(io.slipway.core.error.ErrorCode.PROJECT_INVALID,
                    "could not read the project's files: " + e.getMessage());
        }
    }

    private static Inputs read(ProjectSession session, InvocationRequest request) throws IOException {
        Map<String, String> files = new TreeMap<>();
        List<ProjectConfig> projects = new ArrayList<>(session.packages());
        projects.add(session.project());
        for (ProjectConfig project : projects) {
            for (Path dir : project.inputDirs()) {
                hashTree(project.projectDir(), dir, files);
            }
            hashFile(project.projectDir(), project.projectDir().resolve("dbt_project.yml"), files);
            hashFile(project.projectDir(), project.projectDir().resolve("selectors.yml"), files);
        }
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("slipway", Versions.SLIPWAY);
        key.put("project", String.valueOf(session.project()));
        key.put("target", String.valueOf(session.profile().values()));
        key.put("target_name", session.profile().targetName());
        key.put("vars", String.valueOf(request.vars()));
        key.put("adapter", session.adapter().type());
        return new Inputs(Integer.toHexString(key.hashCode()) + "-" + crc(MAPPER.writeValueAsString(key)), files);
    }

    /** Whether the manifest on disk was written from exactly these inputs (and the env vars it read are unchanged). */
    static boolean unchanged(Path targetDir, Inputs inputs, Map<String, String> env) {
        Path sidecar = targetDir.resolve(FILE);
        if (!Files.isRegularFile(sidecar) || !Files.isRegularFile(targetDir.resolve("manifest.json"))) {
            return false;
        }
        try {
            Map<?, ?> saved = MAPPER.readValue(sidecar.toFile(), Map.class);
            if (!inputs.fingerprint().equals(saved.get("fingerprint")) || !inputs.files().equals(saved.get("files"))) {
                return false;
            }
            Object envRead = saved.get("env");
            if (envRead instanceof Map<?, ?> vars) {
                for (Map.Entry<?, ?> e : vars.entrySet()) {
                    if (!java.util.Objects.equals(env.get(String.valueOf(e.getKey())), e.getValue())) {
                        return false;
                    }
                }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Records the inputs of the manifest just written. */
    static void save(Path targetDir, Inputs inputs, java.util.Set<String> envVarsRead, Map<String, String> env) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("fingerprint", inputs.fingerprint());
        Map<String, String> envValues = new TreeMap<>();
        for (String name : envVarsRead) {
            envValues.put(name, env.get(name));
        }
        out.put("env", envValues);
        out.put("files", inputs.files());
        try {
            MAPPER.writeValue(targetDir.resolve(FILE).toFile(), out);
        } catch (IOException e) {
            // a missing cache only costs the next parse its shortcut
        }
    }

    /** Forgets the inputs: the manifest about to be written may not match them. */
    static void forget(Path targetDir) {
        try {
            Files.deleteIfExists(targetDir.resolve(FILE));
        } catch (IOException e) {
            // the next parse checks the manifest's fingerprint anyway
        }
    }

    private static void hashTree(Path root, Path dir, Map<String, String> files) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        Files.walkFileTree(dir, new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes attrs) {
                record(root, file, attrs, files);
                return java.nio.file.FileVisitResult.CONTINUE;
            }
        });
    }

    private static void hashFile(Path root, Path file, Map<String, String> files) throws IOException {
        if (Files.isRegularFile(file)) {
            record(root, file, Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class), files);
        }
    }

    /** A file's size and modification time: cheap to read for ten thousand files, and any edit changes them. */
    private static void record(Path root, Path file, java.nio.file.attribute.BasicFileAttributes attrs, Map<String, String> files) {
        if (attrs.isRegularFile()) {
            files.put(root.getFileName() + ":" + root.relativize(file).toString().replace('\\', '/'),
                    attrs.size() + "@" + attrs.lastModifiedTime().toMillis());
        }
    }

    private static String crc(String text) {
        CRC32C crc = new CRC32C();
        crc.update(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return Long.toHexString(crc.getValue());
    }
}
