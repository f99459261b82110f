package io.slipway.core.parser;

import io.slipway.core.error.ErrorCode;
import io.slipway.core.error.SlipwayException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Lists a package's files under its resource folders, in a stable order. */
public final class FileFinder {
    private FileFinder() {
    }

    /**
     * Files under each of {@code folders} (relative to {@code root}) whose names end with one of
     * {@code extensions}, sorted by path; hidden files and folders are skipped.
     */
    public static List<SourceFile> find(String packageName, Path root, List<String> folders, List<String> extensions) {
        List<SourceFile> out = new ArrayList<>();
        for (String folder : folders) {
            Path dir = root.resolve(folder).normalize();
            if (!Files.isDirectory(dir)) {
                continue;
            }
            List<Path> files;
            try (Stream<Path> walk = Files.walk(dir)) {
                files = walk.filter(Files::isRegularFile)
                        .filter(p -> extensions.stream().anyMatch(ext -> p.getFileName().toString().endsWith(ext)))
                        .filter(p -> !isHidden(dir.relativize(p)))
                        .sorted()
                        .toList();
            } catch (IOException e) {
                throw new SlipwayException(ErrorCode.PROJECT_INVALID, "could not list " + dir + ": " + e.getMessage());
            }
            for (Path file : files) {
                String resourcePath = dir.relativize(file).toString().replace('\\', '/');
                String original = root.relativize(file).toString().replace('\\', '/');
                try {
                    out.add(new SourceFile(packageName, original, resourcePath, Files.readString(file, StandardCharsets.UTF_8),
                            file.toAbsolutePath().toString()));
                } catch (IOException e) {
                    throw new SlipwayException(ErrorCode.PROJECT_INVALID, "could not read " + original + ": " + e.getMessage(), original, 0);
                }
            }
        }
        return out;
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
