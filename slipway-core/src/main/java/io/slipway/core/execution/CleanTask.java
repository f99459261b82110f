package io.slipway.core.execution;

import io.slipway.core.error.ErrorCode;
import io.slipway.core.error.SlipwayException;
import io.slipway.core.project.ProjectLoader;
import io.slipway.core.project.Yaml;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;

/** {@code clean}: deletes the project's {@code clean-targets}, refusing anything outside the project. */
final class CleanTask {
    private CleanTask() {
    }

    static InvocationResult run(InvocationRequest request, InvocationEnvironment environment, Reporter reporter) {
        Path projectDir = request.projectDir().toAbsolutePath().normalize();
        Map<String, Object> raw = ProjectLoader.readRaw(projectDir);
        Object targetPath = request.targetPath() != null ? request.targetPath() : raw.getOrDefault("target-path", "target");
        List<Object> targets = raw.containsKey("clean-targets") ? Yaml.asList(raw.get("clean-targets")) : List.of(targetPath);
        for (Object t : targets) {
            Path dir = projectDir.resolve(String.valueOf(t)).normalize();
            if (!dir.startsWith(projectDir) || dir.equals(projectDir)) {
                throw new SlipwayException(ErrorCode.USAGE, "clean-targets entry '" + t + "' is outside the project directory; refusing to delete it");
            }
            if (Files.exists(dir)) {
                delete(dir);
                reporter.info("Cleaned " + projectDir.relativize(dir) + "/");
            } else {
                reporter.info("Checking " + projectDir.relativize(dir) + "/*");
            }
        }
        reporter.info("Finished cleaning all paths.");
        return new InvocationResult(0, List.of(), null, null);
    }

    private static void delete(Path dir) {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.INTERNAL, "could not delete " + dir + ": " + e.getMessage());
        }
    }
}
