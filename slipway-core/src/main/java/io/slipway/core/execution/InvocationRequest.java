package io.slipway.core.execution;

import io.slipway.core.project.Frozen;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to run: a command and dbt's flags, as parsed from the command line or an API call.
 *
 * @param profilesDir  {@code --profiles-dir}, or null to search as dbt does
 * @param target       {@code --target}, or null for the profile's default
 * @param threads      {@code --threads}, or null for the target's
 * @param vars         {@code --vars}, parsed
 * @param targetPath   {@code --target-path}, or null for the project's
 * @param inlineSql    {@code --inline} for compile and show, or null
 * @param limit        {@code --limit} for show (negative: no limit)
 * @param output       {@code --output} for ls and show/compile ({@code text}, {@code json}, {@code name}, {@code path}, {@code selector})
 * @param outputKeys   {@code --output-keys} for {@code ls --output json}
 * @param resourceTypes {@code --resource-type} filters, empty for the command's default
 * @param selector      {@code --selector}: a YAML selector's name, or null
 * @param indirectSelection {@code --indirect-selection}: eager (default), cautious, buildable or empty
 * @param state         {@code --state}: the target directory of a previous run to compare with, or null
 * @param defer         {@code --defer}: refs to unselected nodes missing here resolve to the state's relations
 * @param deferState    {@code --defer-state}: the state to defer to, or null for {@code --state}
 * @param favorState    {@code --favor-state}: defer unselected nodes even when they exist here
 * @param partialParse  {@code --partial-parse} (the default): reuse the previous parse when no input changed
 * @param operation     for {@code run-operation}: the macro and its {@code --args}; null otherwise
 * @param storeFailures {@code --store-failures}: tests keep their failing rows in a table (when their config does not say)
 * @param empty         {@code --empty}: refs and sources read no rows (the SQL still runs, cheaply)
 * @param profile       {@code --profile}: the profile to use instead of dbt_project.yml's, or null
 * @param warnError     {@code --warn-error}: warnings are errors (a test that would warn fails)
 * @param eventTimeStart {@code --event-time-start}: the first event time microbatch models build (ISO date or time), or null
 * @param eventTimeEnd   {@code --event-time-end}: where they stop (exclusive), or null
 * @param writeJson      {@code --write-json} (the default): write manifest.json and run_results.json; {@code --no-write-json} does not
 */
public record InvocationRequest(
        Command command,
        Path projectDir,
        Path profilesDir,
        String target,
        List<String> select,
        List<String> exclude,
        Integer threads,
        Map<String, Object> vars,
        boolean fullRefresh,
        boolean failFast,
        String targetPath,
        String inlineSql,
        int limit,
        String output,
        List<String> outputKeys,
        List<String> resourceTypes,
        String selector,
        String indirectSelection,
        Path state,
        boolean defer,
        Path deferState,
        boolean favorState,
        boolean partialParse,
        Operation operation,
        boolean storeFailures,
        boolean empty,
        String profile,
        boolean warnError,
        String eventTimeStart,
        String eventTimeEnd,
        boolean writeJson) {

    /** {@code run-operation}'s macro ({@code name} or {@code package.name}) and its keyword arguments. */
    public record Operation(String macro, Map<String, Object> args) {
        public Operation {
            Objects.requireNonNull(macro, "macro is null");
            args = Frozen.map(args);
        }
    }

    public InvocationRequest {
        Objects.requireNonNull(command, "command is null");
        Objects.requireNonNull(projectDir, "projectDir is null");
        select = List.copyOf(select);
        exclude = List.copyOf(exclude);
        vars = Frozen.map(vars);
        outputKeys = List.copyOf(outputKeys);
        resourceTypes = List.copyOf(resourceTypes);
        indirectSelection = indirectSelection == null ? "eager" : indirectSelection;
    }

    /** A request with every flag at its default. */
    public static InvocationRequest of(Command command, Path projectDir) {
        return new InvocationRequest(command, projectDir, null, null, List.of(), List.of(), null, Map.of(), false, false, null,
                null, 10, "text", List.of(), List.of(), null, "eager", null, false, null, false, true, null, false, false, null, false, null, null, true);
    }

    public InvocationRequest withSelect(List<String> value) {
        return new InvocationRequest(command, projectDir, profilesDir, target, value, exclude, threads, vars, fullRefresh, failFast,
                targetPath, inlineSql, limit, output, outputKeys, resourceTypes, selector, indirectSelection, state, defer, deferState,
                favorState, partialParse, operation, storeFailures, empty, profile, warnError,
                eventTimeStart, eventTimeEnd, writeJson);
    }

    public InvocationRequest withProfilesDir(Path value) {
        return new InvocationRequest(command, projectDir, value, target, select, exclude, threads, vars, fullRefresh, failFast,
                targetPath, inlineSql, limit, output, outputKeys, resourceTypes, selector, indirectSelection, state, defer, deferState,
                favorState, partialParse, operation, storeFailures, empty, profile, warnError,
                eventTimeStart, eventTimeEnd, writeJson);
    }

    public InvocationRequest withThreads(Integer value) {
        return new InvocationRequest(command, projectDir, profilesDir, target, select, exclude, value, vars, fullRefresh, failFast,
                targetPath, inlineSql, limit, output, outputKeys, resourceTypes, selector, indirectSelection, state, defer, deferState,
                favorState, partialParse, operation, storeFailures, empty, profile, warnError,
                eventTimeStart, eventTimeEnd, writeJson);
    }

    public InvocationRequest withTarget(String value) {
        return new InvocationRequest(command, projectDir, profilesDir, value, select, exclude, threads, vars, fullRefresh, failFast,
                targetPath, inlineSql, limit, output, outputKeys, resourceTypes, selector, indirectSelection, state, defer, deferState,
                favorState, partialParse, operation, storeFailures, empty, profile, warnError,
                eventTimeStart, eventTimeEnd, writeJson);
    }

    public InvocationRequest withState(Path stateDir, boolean deferValue, Path deferStateDir, boolean favorStateValue) {
        return new InvocationRequest(command, projectDir, profilesDir, target, select, exclude, threads, vars, fullRefresh, failFast,
                targetPath, inlineSql, limit, output, outputKeys, resourceTypes, selector, indirectSelection, stateDir, deferValue,
                deferStateDir, favorStateValue, partialParse, operation, storeFailures, empty, profile, warnError,
                eventTimeStart, eventTimeEnd, writeJson);
    }

    /** A builder with every flag at its default; callers set only what they have. */
    public static Builder builder(Command command, Path projectDir) {
        return new Builder(command, projectDir);
    }

    /** Builds requests without depending on the order of the record's many components. */
    public static final class Builder {
        private final Command command;
        private final Path projectDir;
        private Path profilesDir;
        private String target;
        private List<String> select = List.of();
        private List<String> exclude = List.of();
        private Integer threads;
        private Map<String, Object> vars = Map.of();
        private boolean fullRefresh;
        private boolean failFast;
        private String targetPath;
        private String inlineSql;
        private Operation operation;
        private boolean storeFailures;
        private boolean empty;
        private String profile;
        private boolean warnError;
        private String eventTimeStart;
        private String eventTimeEnd;
        private boolean writeJson = true;
        private int limit = 10;
        private String output = "text";
        private List<String> outputKeys = List.of();
        private List<String> resourceTypes = List.of();
        private String selector;
        private String indirectSelection = "eager";
        private Path state;
        private boolean defer;
        private Path deferState;
        private boolean favorState;
        private boolean partialParse = true;

        private Builder(Command command, Path projectDir) {
            this.command = command;
            this.projectDir = projectDir;
        }

        public Builder profilesDir(Path value) {
            profilesDir = value;
            return this;
        }

        public Builder target(String value) {
            target = value;
            return this;
        }

        public Builder select(List<String> value) {
            select = value;
            return this;
        }

        public Builder exclude(List<String> value) {
            exclude = value;
            return this;
        }

        public Builder threads(Integer value) {
            threads = value;
            return this;
        }

        public Builder vars(Map<String, Object> value) {
            vars = value;
            return this;
        }

        public Builder fullRefresh(boolean value) {
            fullRefresh = value;
            return this;
        }

        public Builder failFast(boolean value) {
            failFast = value;
            return this;
        }

        public Builder targetPath(String value) {
            targetPath = value;
            return this;
        }

        public Builder profile(String value) {
            profile = value;
            return this;
        }

        public Builder warnError(boolean value) {
            warnError = value;
            return this;
        }

        public Builder eventTimeStart(String value) {
            eventTimeStart = value;
            return this;
        }

        public Builder writeJson(boolean value) {
            writeJson = value;
            return this;
        }

        public Builder eventTimeEnd(String value) {
            eventTimeEnd = value;
            return this;
        }

        public Builder empty(boolean value) {
            empty = value;
            return this;
        }

        public Builder storeFailures(boolean value) {
            storeFailures = value;
            return this;
        }

        public Builder operation(Operation value) {
            operation = value;
            return this;
        }

        public Builder inlineSql(String value) {
            inlineSql = value;
            return this;
        }

        public Builder limit(int value) {
            limit = value;
            return this;
        }

        public Builder output(String value) {
            output = value;
            return this;
        }

        public Builder outputKeys(List<String> value) {
            outputKeys = value;
            return this;
        }

        public Builder resourceTypes(List<String> value) {
            resourceTypes = value;
            return this;
        }

        public Builder selector(String value) {
            selector = value;
            return this;
        }

        public Builder indirectSelection(String value) {
            indirectSelection = value;
            return this;
        }

        public Builder state(Path value) {
            state = value;
            return this;
        }

        public Builder defer(boolean value) {
            defer = value;
            return this;
        }

        public Builder deferState(Path value) {
            deferState = value;
            return this;
        }

        public Builder favorState(boolean value) {
            favorState = value;
            return this;
        }

        public Builder partialParse(boolean value) {
            partialParse = value;
            return this;
        }

        public InvocationRequest build() {
            return new InvocationRequest(command, projectDir, profilesDir, target, select, exclude, threads, vars, fullRefresh, failFast,
                    targetPath, inlineSql, limit, output, outputKeys, resourceTypes, selector, indirectSelection, state, defer,
                    deferState, favorState, partialParse, operation, storeFailures, empty, profile, warnError,
                eventTimeStart, eventTimeEnd, writeJson);
        }
    }
}
