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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Writes the files under {@code target/compiled} and {@code target/run}. Synchronous by default; while a
 * whole project is compiled, writes go to a few threads of their own: creating a small file costs
 * 0.2-0.4 ms on this kind of virtual disk (more than rendering it), and creations overlap well.
 */
final class CompiledFiles {
    private static final int WRITERS = 6;

    private final ConcurrentMap<Path, Boolean> createdDirs = new ConcurrentHashMap<>();
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
        // thousands of nodes share a few folders: create each once (other threads wait for it)
        createdDirs.computeIfAbsent(file.getParent(), dir -> {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Boolean.TRUE;
        });
        writeIfChanged(file, content);
    }

    /**
     * Writes a file unless it already holds exactly these bytes: on many disks rewriting tens of thousands
     * of small files costs far more than reading them, and most recompiles change few of them.
     */
    private static void writeIfChanged(Path file, byte[] content) throws IOException {
        try {
            if (Files.size(file) == content.length && Arrays.equals(Files.readAllBytes(file), content)) {
                return;
            }
        } catch (NoSuchFileException absent) {
            // first write
        }
        Files.write(file, content);
    }
}
