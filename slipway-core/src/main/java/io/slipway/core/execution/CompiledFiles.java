package io.slipway.core.execution;

import io.slipway.core.error.ErrorCode;
import io.slipway.core.error.SlipwayException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes the files under {@code target/compiled} and {@code target/run}. Synchronous by default; while a
 * whole project is compiled, writes go to a few threads of their own: creating a small file costs
 * 0.2-0.4 ms on this kind of virtual disk (more than rendering it), and creations overlap well.
 */
final class CompiledFiles {
    private static final int WRITERS = 6;

    private final ConcurrentMap<Path, Set<String>> folders = new ConcurrentHashMap<>();
    private final ConcurrentMap<Path, CompletableFuture<Void>> pending = new ConcurrentHashMap<>();
    private volatile ExecutorService pool; // null: write on the caller's thread

    /** Writes from now on happen in the background until {@link #finish()}. */
    void startBackground() {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(WRITERS, WRITERS, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "slipway-file-writer");
            t.setDaemon(true);
            return t;
        });
        executor.allowCoreThreadTimeOut(true);
        pool = executor;
    }

    /** Waits for background writes (the first failure is thrown) and writes on the caller's thread again. */
    void finish() {
        ExecutorService executor = pool;
        pool = null;
        try {
            for (Map.Entry<Path, CompletableFuture<Void>> e : pending.entrySet()) {
                try {
                    e.getValue().join();
                } catch (CompletionException failed) {
                    Throwable cause = failed.getCause() instanceof UncheckedIOException u ? u.getCause() : failed.getCause();
                    throw new SlipwayException(ErrorCode.INTERNAL, "could not write " + e.getKey() + ": " + cause.getMessage());
                }
            }
        } finally {
            pending.clear();
            if (executor != null) {
                executor.shutdown();
            }
        }
    }

    void write(Path file, byte[] content) {
        ExecutorService executor = pool;
        if (executor == null) {
            try {
                writeNow(file, content);
            } catch (IOException | UncheckedIOException e) {
                throw new SlipwayException(ErrorCode.INTERNAL, "could not write " + file + ": " + e.getMessage());
            }
            return;
        }
        // two writes of one file keep their order
        pending.compute(file, (path, previous) -> {
            Runnable task = () -> {
                try {
                    writeNow(path, content);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            };
            return previous == null ? CompletableFuture.runAsync(task, executor) : previous.thenRunAsync(task, executor);
        });
    }

    private void writeNow(Path file, byte[] content) throws IOException {
        Set<String> existing = folders.computeIfAbsent(file.getParent(), CompiledFiles::openFolder);
        if (existing.contains(file.getFileName().toString()) && unchanged(file, content)) {
            return;
        }
        try {
            Files.write(file, content);
        } catch (NoSuchFileException folderRemovedMeanwhile) {
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        }
    }

    /**
     * Creates a folder once and lists what it already holds. Thousands of nodes share a few folders, and
     * asking about a file that does not exist costs several times more than creating it on some Linux
     * virtual disks (measured: 30,000 new files in 4-5 s, 11-18 s with a failed stat before each).
     */
    private static Set<String> openFolder(Path dir) {
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                return Set.of();
            }
            try (Stream<Path> entries = Files.list(dir)) {
                return entries.map(p -> p.getFileName().toString()).collect(Collectors.toUnmodifiableSet());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether a file already holds exactly these bytes: on many disks rewriting tens of thousands of small
     * files costs far more than reading them, and most recompiles change few of them.
     */
    private static boolean unchanged(Path file, byte[] content) throws IOException {
        try {
            return Files.size(file) == content.length && Arrays.equals(Files.readAllBytes(file), content);
        } catch (NoSuchFileException deletedSinceListed) {
            return false;
        }
    }
}
