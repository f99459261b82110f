package io.slipway.core.artifacts;

import io.slipway.core.state.PreviousRunResults;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads a previous {@code run_results.json} (Slipway's or dbt-core's, schema v4 to v6): statuses and invocation args. */
public final class RunResultsReader {
    private RunResultsReader() {
    }

    /** Reads {@code run_results.json} in a state or target directory. */
    public static PreviousRunResults readDir(Path dir) {
        return read(dir.resolve("run_results.json"));
    }

    public static PreviousRunResults read(Path file) {
        Map<String, Object> root = ManifestReader.json(file, "run_results.json");
        List<PreviousRunResults.Result> results = new ArrayList<>();
        for (Object item : ManifestReader.list(root.get("results"))) {
            Map<String, Object> r = ManifestReader.map(item);
            String id = ManifestReader.string(r.get("unique_id"));
            String status = ManifestReader.string(r.get("status"));
            if (id != null && status != null) {
                results.add(new PreviousRunResults.Result(id, status));
            }
        }
        return new PreviousRunResults(file, results, ManifestReader.map(root.get("args")));
    }
}
