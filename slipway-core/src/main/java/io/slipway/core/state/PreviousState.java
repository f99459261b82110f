package io.slipway.core.state;

import io.slipway.core.artifacts.ManifestReader;
import io.slipway.core.artifacts.RunResultsReader;
import io.slipway.core.error.ErrorCode;
import io.slipway.core.error.SlipwayException;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The artifacts of a previous run in a state directory ({@code --state}, {@code --defer-state}): its manifest and
 * run results, each read when first needed or preloaded (a missing file is an error only for what needs it). Thread-safe.
 */
public final class PreviousState {
    private final Path dir;
    private final String flag;
    private volatile StateManifest manifest;
    private volatile PreviousRunResults results;
    private volatile RuntimeException manifestError;
    private volatile RuntimeException resultsError;

    /**
     * @param dir  the state directory
     * @param flag the flag that named it, for messages ({@code --state})
     */
    public PreviousState(Path dir, String flag) {
        this.dir = dir.toAbsolutePath().normalize();
        this.flag = flag;
        if (!Files.isDirectory(this.dir)) {
            throw new SlipwayException(ErrorCode.STATE_INVALID, flag + " " + dir + " is not a directory: point it at the target "
                    + "directory of the run to compare with (the one holding its manifest.json)");
        }
    }

    public Path dir() {
        return dir;
    }

    /** The flag that named the directory. */
    public String flag() {
        return flag;
    }

    /**
     * Reads what the directory holds now, before this invocation writes its own artifacts (the state may be the
     * target directory itself, as with {@code --state target}). Errors are kept for when the file is used.
     */
    public synchronized void preload() {
        if (manifest == null && manifestError == null && Files.exists(dir.resolve("manifest.json"))) {
            try {
                manifest = ManifestReader.readDir(dir);
            } catch (RuntimeException e) {
                manifestError = e;
            }
        }
        if (results == null && resultsError == null && Files.exists(dir.resolve("run_results.json"))) {
            try {
                results = RunResultsReader.readDir(dir);
            } catch (RuntimeException e) {
                resultsError = e;
            }
        }
    }

    /** Whether the directory had a manifest.json (when preloaded, or now). */
    public boolean hasManifest() {
        return manifest != null || manifestError != null || Files.exists(dir.resolve("manifest.json"));
    }

    /** The previous {@code manifest.json}, or a {@code STATE_INVALID} error naming the file. */
    public synchronized StateManifest manifest() {
        if (manifestError != null) {
            throw manifestError;
        }
        if (manifest == null) {
            manifest = ManifestReader.readDir(dir);
        }
        return manifest;
    }

    /** The previous {@code run_results.json}, or a {@code STATE_INVALID} error naming the file. */
    public synchronized PreviousRunResults runResults() {
        if (resultsError != null) {
            throw resultsError;
        }
        if (results == null) {
            results = RunResultsReader.readDir(dir);
        }
        return results;
    }
}
