package io.slipway.core.state;

import io.slipway.core.project.Frozen;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A previous {@code run_results.json}: each node's status, and the arguments the run was invoked with
 * ({@code args}, which {@code retry} replays).
 */
public record PreviousRunResults(Path file, List<Result> results, Map<String, Object> args) {
    public PreviousRunResults {
        Objects.requireNonNull(file, "file is null");
        results = List.copyOf(results);
        args = Frozen.map(args);
    }

    /** One node's outcome: its unique id and dbt's status word ({@code success}, {@code error}, {@code fail}, ...). */
    public record Result(String uniqueId, String status) {
        public Result {
            Objects.requireNonNull(uniqueId, "uniqueId is null");
            Objects.requireNonNull(status, "status is null");
        }
    }

    /** The command the previous run was ({@code args.which}), or null. */
    public String command() {
        Object which = args.get("which");
        return which == null ? null : which.toString();
    }
}
