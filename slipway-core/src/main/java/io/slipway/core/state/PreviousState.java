package io.slipway.core.state;

import io.slipway.core.artifacts.ManifestReader;
import io.slipway.core.artifacts.RunResultsReader;
import io.slipway.core.error.ErrorCode;
import io.slipway.core.error.SlipwayException;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The artifacts of a previous run in a state directory ({@code --state}, {@code --defer-state}): its manifest and
 * run results, each read when first needed (a missing file is an error only for what needs it). Thread-safe.
 */
public final class PreviousState {
    private final Path dir;
    private final String flag;
    private volatile StateManifest manifest;
    private volatile PreviousRunResults results;

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

    /** The previous {@code manifest.json}, or a {@code STATE_INVALID} error naming the file. */
    public StateManifest manifest() {
        StateManifest m = manifest;
        if (m == null) {
            synchronized (this) {
                if (manifest == null) {
                    manifest = ManifestReader.readDir(dir);
                }
                m = manifest;
            }
        }
        return m;
    }

    /** The previous {@code run_results.json}, or a {@code STATE_INVALID} error naming the file. */
    public PreviousRunResults runResults() {
        PreviousRunResults r = results;
        if (r == null) {
            synchronized (this) {
                if (results == null) {
                    results = RunResultsReader.readDir(dir);
                }
                r = results;
            }
        }
        return r;
    }
}
