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
            // Files.find hands over the attributes the walk read already: no second stat per file
            try (Stream<Path> walk = Files.find(dir, Integer.MAX_VALUE, (p, attributes) -> attributes.isRegularFile())) {
                files = walk.filter(p -> extensions.stream().anyMatch(ext -> p.getFileName().toString().endsWith(ext)))
                        .filter(p -> !isHidden(dir.relativize(p)))
                        .sorted()
                        .toList();
            } catch (IOException e) {
                throw new SlipwayException(ErrorCode.PROJECT_INVALID, "could not list " + dir + ": " + e.getMessage());
            }
            // reading is mostly waiting on the file system: on every core, in order
            SourceFile[] read = new SourceFile[files.size()];
            java.util.stream.IntStream.range(0, files.size()).parallel().forEach(i -> read[i] = read(packageName, root, dir, files.get(i)));
            out.addAll(java.util.Arrays.asList(read));
        }
        return out;
    }

    private static SourceFile read(String packageName, Path root, Path dir, Path file) {
        String resourcePath = dir.relativize(file).toString().replace('\\', '/');
        String original = root.relativize(file).toString().replace('\\', '/');
        try {
            return new SourceFile(packageName, original, resourcePath, Files.readString(file, StandardCharsets.UTF_8),
                    file.toAbsolutePath().toString());
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.PROJECT_INVALID, "could not read " + original + ": " + e.getMessage(), original, 0);
        }
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
