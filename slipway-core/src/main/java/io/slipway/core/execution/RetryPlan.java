package io.slipway.core.execution;

import io.slipway.core.artifacts.RunResultsReader;
import io.slipway.core.error.ErrorCode;
import io.slipway.core.error.SlipwayException;
import io.slipway.core.project.ProjectLoader;
import io.slipway.core.project.Yaml;
import io.slipway.core.state.PreviousRunResults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code retry}, as dbt's {@code RetryTask}: the previous {@code run_results.json} ({@code --state}, else the
 * target path) gives the command and flags to replay ({@code args}) and the nodes to run again, those whose
 * status was error, fail, skipped or runtime error. The replayed command runs exactly those nodes.
 *
 * @param request   the previous invocation's command and flags
 * @param uniqueIds the nodes to run again
 * @param source    the run_results.json read, for the console
 */
record RetryPlan(InvocationRequest request, Set<String> uniqueIds, Path source) {
    private static final Set<String> RETRYABLE = Set.of("error", "fail", "skipped", "runtime error");
    private static final Map<String, Command> COMMANDS = Map.of("build", Command.BUILD, "run", Command.RUN, "test", Command.TEST,
            "seed", Command.SEED, "snapshot", Command.SNAPSHOT, "compile", Command.COMPILE, "clone", Command.CLONE);

    static RetryPlan load(InvocationRequest retry, Path workingDir) {
        Path projectDir = retry.projectDir().toAbsolutePath().normalize();
        Path dir = retry.state() != null ? retry.state() : projectDir.resolve(targetPath(retry, projectDir));
        Path file = dir.resolve("run_results.json");
        if (!Files.isRegularFile(file)) {
            throw new SlipwayException(ErrorCode.STATE_INVALID, "Could not find a previous run to retry: no run_results.json in " + dir
                    + (retry.state() == null ? " (the target path); run a command first, or pass --state with the run's target directory"
                    : " (--state)"), file.toString(), 0);
        }
        PreviousRunResults previous = RunResultsReader.read(file);
        String which = previous.command();
        Command command = which == null ? null : COMMANDS.get(which);
        if (command == null) {
            throw new SlipwayException(ErrorCode.STATE_INVALID, "The previous run in " + file + " was '" + which + "', which retry cannot "
                    + "re-run (it re-runs " + String.join(", ", new java.util.TreeSet<>(COMMANDS.keySet())) + ")", file.toString(), 0);
        }
        Set<String> ids = new LinkedHashSet<>();
        for (PreviousRunResults.Result r : previous.results()) {
            if (RETRYABLE.contains(r.status())) {
                ids.add(r.uniqueId());
            }
        }
        return new RetryPlan(replay(retry, command, previous.args(), workingDir), ids, file);
    }

    /** The previous invocation's flags on this project; where to find profiles and write artifacts may be given again. */
    private static InvocationRequest replay(InvocationRequest retry, Command command, Map<String, Object> args, Path workingDir) {
        Path profilesDir = retry.profilesDir() != null ? retry.profilesDir() : path(args.get("profiles_dir"), workingDir);
        String targetPath = retry.targetPath() != null ? retry.targetPath() : string(args.get("target_path"));
        Object threads = args.get("threads");
        String indirect = string(args.get("indirect_selection"));
        return new InvocationRequest(command, retry.projectDir(), profilesDir, string(args.get("target")), strings(args.get("select")),
                strings(args.get("exclude")), threads instanceof Number n ? n.intValue() : null, vars(args.get("vars")),
                truthy(args.get("full_refresh")), truthy(args.get("fail_fast")), targetPath, null, 10, "text", List.of(),
                strings(args.get("resource_types")), string(args.get("selector")), indirect == null ? "eager" : indirect,
                path(args.get("state"), workingDir), truthy(args.get("defer")), path(args.get("defer_state"), workingDir),
                truthy(args.get("favor_state")), retry.partialParse(), null, truthy(args.get("store_failures")),
                truthy(args.get("empty")), string(args.get("profile")), truthy(args.get("warn_error")), string(args.get("event_time_start")),
                string(args.get("event_time_end")), !Boolean.FALSE.equals(args.get("write_json")));
    }

    private static String targetPath(InvocationRequest retry, Path projectDir) {
        if (retry.targetPath() != null) {
            return retry.targetPath();
        }
        Object configured = ProjectLoader.readRaw(projectDir).get("target-path");
        return configured == null ? "target" : configured.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> vars(Object value) {
        if (value instanceof Map<?, ?> m) {
            return new LinkedHashMap<>((Map<String, Object>) m);
        }
        if (value instanceof String s && !s.isBlank()) {
            Object parsed = Yaml.parse(s, "the previous run's --vars");
            if (parsed instanceof Map<?, ?> m) {
                return new LinkedHashMap<>((Map<String, Object>) m);
            }
        }
        return Map.of();
    }

    private static List<String> strings(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof List<?> l) {
            l.forEach(o -> out.add(String.valueOf(o)));
        } else if (value instanceof String s && !s.isBlank()) {
            out.add(s);
        }
        return out;
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }

    private static boolean truthy(Object value) {
        return value instanceof Boolean b ? b : value != null && List.of("1", "true", "yes", "y", "on").contains(value.toString().toLowerCase());
    }

    private static Path path(Object value, Path workingDir) {
        return value == null || value.toString().isBlank() ? null : workingDir.resolve(value.toString()).normalize();
    }
}
