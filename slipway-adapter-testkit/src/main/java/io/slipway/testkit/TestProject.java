package io.slipway.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;

/**
 * A dbt project written into a folder by a test: {@code dbt_project.yml}, a {@code profiles.yml} with one
 * target, and whatever model, seed and YAML files the test adds.
 */
public final class TestProject {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final String name;

    private TestProject(Path dir, String name) {
        this.dir = dir;
        this.name = name;
    }

    /** A new project named {@code name} in {@code dir}, building on {@code target} (a profiles.yml output). */
    public static TestProject create(Path dir, String name, Map<String, Object> target) {
        TestProject project = new TestProject(dir, name);
        project.file("dbt_project.yml", """
                name: %s
                version: '1.0'
                config-version: 2
                profile: %s
                """.formatted(name, name));
        project.profile(target);
        return project;
    }

    /** An existing project copied into {@code dir} (without its target folder), with its profiles.yml replaced by one on {@code target}. */
    public static TestProject copyOf(Path source, Path dir, String profileName, Map<String, Object> target) {
        copyTree(source, dir);
        TestProject project = new TestProject(dir, profileName);
        project.profile(target);
        return project;
    }

    /** Replaces profiles.yml with one whose {@code dev} target is {@code target}. */
    public TestProject profile(Map<String, Object> target) {
        StringBuilder yaml = new StringBuilder(name).append(":\n  target: dev\n  outputs:\n    dev:\n");
        target.forEach((k, v) -> yaml.append("      ").append(k).append(": ").append(scalar(v)).append('\n'));
        return file("profiles.yml", yaml.toString());
    }

    /** JSON scalars are YAML scalars, and JSON quoting keeps every string a string. */
    private static String scalar(Object value) {
        try {
            return value instanceof Number || value instanceof Boolean || value == null ? String.valueOf(value)
                    : JSON.writeValueAsString(value.toString());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes (or replaces) a file of the project. */
    public TestProject file(String relativePath, String content) {
        Path file = dir.resolve(relativePath);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Deletes a file of the project. */
    public TestProject delete(String relativePath) {
        try {
            Files.delete(dir.resolve(relativePath));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public Path dir() {
        return dir;
    }

    public String name() {
        return name;
    }

    private static void copyTree(Path source, Path into) {
        try {
            Files.walkFileTree(source, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                    if (d.getFileName().toString().equals("target") && !d.equals(source)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    Files.createDirectories(into.resolve(source.relativize(d).toString()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.copy(file, into.resolve(source.relativize(file).toString()));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The jaffle_shop-shaped example of the repository ({@code examples/jaffle_shop}), found above the working directory. */
    public static Path exampleJaffleShop() {
        Path d = Path.of("").toAbsolutePath();
        while (d != null && !Files.isDirectory(d.resolve("examples/jaffle_shop"))) {
            d = d.getParent();
        }
        if (d == null) {
            throw new IllegalStateException("examples/jaffle_shop not found above " + Path.of("").toAbsolutePath());
        }
        return d.resolve("examples/jaffle_shop");
    }
}
