package io.slipway.bench.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What creating small files costs on this disk right now: {@code compile} writes one file per model and test,
 * and on some virtual disks creating them takes longer than everything else compile does, and varies by
 * several times from one minute to the next. Printed beside compile's time so a reader can tell the two apart.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar io.slipway.bench.engine.FileCreation DIR FILES [FOLDERS]}:
 * creates FILES files of 600 bytes spread over FOLDERS folders under DIR (which it leaves in place: deleting
 * them would slow the disk for what runs next) and prints the seconds it took.
 */
public final class FileCreation {
    private FileCreation() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int files = Integer.parseInt(args[1]);
        int folders = args.length > 2 ? Integer.parseInt(args[2]) : 24;
        byte[] content = "select id, name from some_table where id is not null -- 600 bytes of compiled SQL\n"
                .repeat(8).substring(0, 600).getBytes(StandardCharsets.UTF_8);
        long start = System.nanoTime();
        for (int f = 0; f < folders; f++) {
            Files.createDirectories(dir.resolve("folder_" + f));
        }
        for (int i = 0; i < files; i++) {
            Files.write(dir.resolve("folder_" + (i % folders)).resolve("file_" + i + ".sql"), content);
        }
        System.out.println(String.format(Locale.ROOT, "%.3f", (System.nanoTime() - start) / 1e9));
    }
}
