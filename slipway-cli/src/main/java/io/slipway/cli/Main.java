package io.slipway.cli;

import io.slipway.core.deps.DepsOptions;
import io.slipway.core.error.SlipwayException;
import io.slipway.core.execution.Command;
import io.slipway.core.execution.CommandFlags;
import io.slipway.core.execution.Invocation;
import io.slipway.core.execution.InvocationEnvironment;
import io.slipway.core.execution.InvocationRequest;
import io.slipway.core.execution.InvocationResult;
import io.slipway.core.execution.Versions;
import io.slipway.core.project.Yaml;
import io.slipway.core.template.DbtJinja;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** The {@code slipway} command: the composition root of the engine, its adapters and the console. */
@CommandLine.Command(name = "slipway", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "A dbt-compatible engine: builds dbt projects on DuckDB (embedded) and PostgreSQL.")
public final class Main implements Callable<Integer> {
    /** The subcommands, in the order help lists them. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(
            Parse.class, Compile.class, Run.class, Test.class, Seed.class, Snapshot.class, Build.class,
            Ls.class, Show.class, Debug.class, Clean.class, Deps.class, Clone.class, Retry.class,
            Source.class, Docs.class, RunOperation.class, DiffCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args, System.out, System.err, InvocationEnvironment.ofProcess(new DbtJinja())));
    }

    /** Runs the CLI; returns dbt's exit code. Tests call this with their own streams and environment. */
    public static int execute(String[] args, PrintStream out, PrintStream err, InvocationEnvironment environment) {
        CommandLine cli = new CommandLine(new Main());
        for (Class<?> command : subcommandsFor(args)) {
            cli.addSubcommand(new CommandLine(command));
        }
        cli.setOut(new java.io.PrintWriter(out, true));
        cli.setErr(new java.io.PrintWriter(err, true));
        cli.setExecutionStrategy(parsed -> {
            for (Object o : parsed.asCommandLineList().stream().map(CommandLine::getCommand).toList()) {
                if (o instanceof Common c) {
                    c.out = out;
                    c.err = err;
                    c.environment = environment;
                }
                if (o instanceof DiffCommand d) {
                    d.out = out;
                    d.err = err;
                    d.environment = environment;
                }
            }
            return new CommandLine.RunLast().execute(parsed);
        });
        cli.setParameterExceptionHandler((ParameterException e, String[] a) -> {
            err.println("Error: " + e.getMessage());
            err.println("Run 'slipway " + (e.getCommandLine().getCommandName().equals("slipway") ? "" : e.getCommandLine().getCommandName() + " ")
                    + "--help' for usage.");
            return 2;
        });
        return cli.execute(args);
    }

    /**
     * Only the subcommand the arguments name, when they name one: picocli reads every option of every
     * command it is given, which costs a short command a tenth of a second. Help and unknown names get all.
     */
    static List<Class<?>> subcommandsFor(String[] args) {
        for (String arg : args) {
            if (arg.startsWith("-")) {
                continue;   // the top-level command's options (--help, --version) take no values
            }
            for (Class<?> command : SUBCOMMANDS) {
                CommandLine.Command annotation = command.getAnnotation(CommandLine.Command.class);
                if (annotation.name().equals(arg) || List.of(annotation.aliases()).contains(arg)) {
                    return List.of(command);
                }
            }
            break;
        }
        return SUBCOMMANDS;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 2;
    }

    /** Flags every command takes. */
    abstract static class Common implements Callable<Integer> {
        PrintStream out;
        PrintStream err = System.err;
        InvocationEnvironment environment;

        @Option(names = "--project-dir", description = "The dbt project's directory (default: the current directory).")
        Path projectDir;
        @Option(names = "--profiles-dir", description = "Where profiles.yml is (default: DBT_PROFILES_DIR, the project directory, ~/.dbt).")
        Path profilesDir;
        @Option(names = {"-t", "--target"}, description = "The profile target to use.")
        String target;
        @Option(names = "--vars", description = "Variables as YAML or JSON, e.g. '{key: value}'.")
        String vars;
        @Option(names = "--target-path", description = "Where artifacts go (default: the project's target-path).")
        String targetPath;
        @Option(names = {"-q", "--quiet"}, description = "Print only errors and command output.")
        boolean quiet;
        @Option(names = "--profile", description = "The profile to use instead of the one dbt_project.yml names.")
        String profile;
        @Option(names = "--warn-error", description = "Treat warnings as errors: a test that would warn fails.")
        boolean warnError;
        @Option(names = "--warn-error-options", description = "Which warnings are errors, as dbt's '{\"error\": \"all\", \"warn\": [...]}' "
                + "(or include/exclude); Slipway's warnings that can become errors are tests that warn (LogTestResult).")
        String warnErrorOptions;
        @Option(names = "--no-write-json", description = "Do not write manifest.json and run_results.json.")
        boolean noWriteJson;
        // dbt's flags that only change logging, telemetry or caching: accepted so that existing scripts run unchanged
        @Option(names = {"--no-version-check", "--version-check", "--use-colors", "--no-use-colors", "--use-colors-file",
                "--no-use-colors-file", "--send-anonymous-usage-stats", "--no-send-anonymous-usage-stats", "--static-parser",
                "--no-static-parser", "--populate-cache", "--no-populate-cache", "--cache-selected-only", "--no-cache-selected-only",
                "--introspect", "--no-introspect", "--print", "--no-print", "--write-json", "--use-experimental-parser",
                "--no-use-experimental-parser", "--show-resource-report", "--no-show-resource-report"}, hidden = true)
        boolean[] ignoredSwitch;
        @Option(names = {"--log-path", "--log-level", "--log-level-file", "--log-format-file", "--printer-width",
                "--log-file-max-bytes", "--record-timing-info", "-r"}, hidden = true)
        List<String> ignoredValue;
        @Option(names = {"-d", "--debug"}, description = "Also print debug messages (what partial parsing reused, for example).")
        boolean debug;
        @Option(names = "--log-format", description = "text or json.", defaultValue = "text")
        String logFormat;
        @Option(names = "--partial-parse", negatable = true,
                description = "Reuse the previous parse when no file, var or env var it read changed (default: DBT_PARTIAL_PARSE, else on).")
        Boolean partialParse;
        @Option(names = "--threads", description = "Threads to run nodes on (default: the target's).")
        Integer threads;

        abstract Command command();

        List<String> select() {
            return List.of();
        }

        List<String> exclude() {
            return List.of();
        }

        boolean fullRefresh() {
            return false;
        }

        boolean storeFailures() {
            return false;
        }

        /** {@code --empty}, {@code --event-time-start} and {@code --event-time-end}, where the command has them (run, build); else null. */
        RunFlags runFlags() {
            return null;
        }

        boolean failFast() {
            return false;
        }

        String inline() {
            return null;
        }

        int limit() {
            return 10;
        }

        String output() {
            return "text";
        }

        List<String> outputKeys() {
            return List.of();
        }

        List<String> resourceTypes() {
            return List.of();
        }

        String selector() {
            return null;
        }

        String indirectSelection() {
            return "eager";
        }

        /** {@code --state}, or null when not given (then DBT_STATE). */
        Path state() {
            return null;
        }

        /** {@code --defer}/{@code --no-defer}, or null when neither is given (then DBT_DEFER). */
        Boolean defer() {
            return null;
        }

        Path deferState() {
            return null;
        }

        Boolean favorState() {
            return null;
        }

        /** For run-operation: the macro and its arguments. */
        InvocationRequest.Operation operation() {
            return null;
        }

        @Override
        public Integer call() {
            if (!logFormat.equals("text") && !logFormat.equals("json")) {
                err.println("Error: --log-format must be text or json, got '" + logFormat + "'");
                return 2;
            }
            Map<String, Object> parsedVars;
            try {
                parsedVars = parseVars(vars);
            } catch (SlipwayException e) {
                err.println("Error: " + e.getMessage());
                return 2;
            }
            InvocationRequest.Operation operation;
            boolean warnErrorTests;
            try {
                operation = operation();
                warnErrorTests = warnError || warnErrorOptionsCoverTests(warnErrorOptions);
            } catch (SlipwayException e) {
                err.println("Error: " + e.getMessage());
                return 2;
            }
            Path dir = projectDir != null ? projectDir : environment.workingDir();
            InvocationRequest request = InvocationRequest.builder(command(), dir).operation(operation).storeFailures(storeFailures()).empty(runFlags() != null && runFlags().empty).profile(profile).warnError(warnErrorTests).writeJson(!noWriteJson)
                    .eventTimeStart(runFlags() == null ? null : runFlags().eventTimeStart)
                    .eventTimeEnd(runFlags() == null ? null : runFlags().eventTimeEnd)
                    .profilesDir(profilesDir).target(target).select(split(select())).exclude(split(exclude())).threads(threads)
                    .vars(parsedVars).fullRefresh(fullRefresh()).failFast(failFast()).targetPath(targetPath).inlineSql(inline())
                    .limit(limit()).output(output()).outputKeys(outputKeys()).resourceTypes(resourceTypes())
                    .selector(selector()).indirectSelection(indirectSelection())
                    .state(path(state(), "DBT_STATE")).defer(flag(defer(), "DBT_DEFER"))
                    .deferState(path(deferState(), "DBT_DEFER_STATE")).favorState(flag(favorState(), "DBT_FAVOR_STATE"))
                    .partialParse(partialParse != null ? partialParse
                            : !List.of("0", "false", "no", "n", "off").contains(environment.env().getOrDefault("DBT_PARTIAL_PARSE", "").trim().toLowerCase(java.util.Locale.ROOT)))
                    .build();
            ConsolePrinter printer = new ConsolePrinter(out, logFormat.equals("json"), quiet, debug);
            Invocation invocation = newInvocation(request, printer);
            Thread hook = new Thread(invocation::cancel, "slipway-cancel");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                InvocationResult result = invocation.run();
                return result.exitCode();
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the JVM is exiting because of a signal; the hook is running
                }
            }
        }

        /** The invocation to run; commands with flags of their own pass them here. */
        Invocation newInvocation(InvocationRequest request, ConsolePrinter printer) {
            return new Invocation(request, environment, printer);
        }

        /** A directory flag, else its environment variable; relative paths are from the working directory, as in a shell. */
        private Path path(Path given, String envVar) {
            Path p = given;
            if (p == null) {
                String value = environment.env().get(envVar);
                p = value == null || value.isBlank() ? null : Path.of(value);
            }
            return p == null ? null : environment.workingDir().resolve(p).normalize();
        }

        /** A boolean flag, else its environment variable read as click reads booleans (1, true, yes, y, on). */
        private boolean flag(Boolean given, String envVar) {
            if (given != null) {
                return given;
            }
            String value = environment.env().get(envVar);
            return value != null && List.of("1", "true", "yes", "y", "on").contains(value.trim().toLowerCase(java.util.Locale.ROOT));
        }

        private static List<String> split(List<String> values) {
            return new ArrayList<>(values);
        }

        /**
         * Whether dbt's {@code --warn-error-options} make a warning test fail: {@code error} (or {@code include}) is
         * {@code all}/{@code *} or names {@code LogTestResult}, and {@code warn} (or {@code exclude}) does not name it.
         */
        static boolean warnErrorOptionsCoverTests(String text) {
            if (text == null || text.isBlank()) {
                return false;
            }
            Object parsed = io.slipway.core.project.Yaml.parse(text, "--warn-error-options");
            if (!(parsed instanceof Map<?, ?> options)) {
                throw new SlipwayException(io.slipway.core.error.ErrorCode.USAGE, "--warn-error-options must be a mapping, e.g. '{\"error\": \"all\"}'");
            }
            Object errors = options.containsKey("error") ? options.get("error") : options.get("include");
            Object warns = options.containsKey("warn") ? options.get("warn") : options.get("exclude");
            boolean all = "all".equals(errors) || "*".equals(errors);
            boolean named = errors instanceof List<?> l && l.contains("LogTestResult");
            boolean excluded = warns instanceof List<?> l && l.contains("LogTestResult");
            return (all || named) && !excluded;
        }

        private static Map<String, Object> parseVars(String text) {
            return yamlMapping(text, "--vars", "a YAML or JSON mapping, like '{my_var: 1}'");
        }

        /** A flag's YAML or JSON mapping (empty when not given); anything else is a usage error saying what was expected. */
        @SuppressWarnings("unchecked")
        static Map<String, Object> yamlMapping(String text, String flag, String expected) {
            if (text == null || text.isBlank()) {
                return Map.of();
            }
            Object parsed = Yaml.parse(text, flag);
            if (!(parsed instanceof Map)) {
                throw new SlipwayException(io.slipway.core.error.ErrorCode.USAGE, flag + " must be " + expected + ", got: " + text);
            }
            return (Map<String, Object>) parsed;
        }
    }

    /** Flags of commands that select nodes. */
    abstract static class Selecting extends Common {
        @Option(names = {"-s", "--select", "-m", "--models"}, arity = "1..*", description = "Nodes to include (dbt's selector syntax).")
        List<String> select = new ArrayList<>();
        @Option(names = "--exclude", arity = "1..*", description = "Nodes to leave out.")
        List<String> exclude = new ArrayList<>();
        @Option(names = "--resource-type", arity = "1..*", description = "Only these resource types.")
        List<String> resourceType = new ArrayList<>();
        @Option(names = "--selector", description = "A selector defined in selectors.yml.")
        String selector;
        @Option(names = "--indirect-selection", description = "eager (default), cautious, buildable or empty.",
                defaultValue = "${env:DBT_INDIRECT_SELECTION:-eager}")
        String indirectSelection;
        @Option(names = "--state", description = "The target directory of a previous run, for state: and result: selection "
                + "and deferral (default: DBT_STATE).")
        Path state;
        @Option(names = "--defer", negatable = true, description = "Refs to unselected nodes that are not built here read the "
                + "--state run's relations instead (default: DBT_DEFER).")
        Boolean defer;
        @Option(names = "--defer-state", description = "The state to defer to, if not --state's (default: DBT_DEFER_STATE).")
        Path deferState;
        @Option(names = "--favor-state", negatable = true, description = "With --defer, use the state's relations for unselected "
                + "nodes even when they exist here (default: DBT_FAVOR_STATE).")
        Boolean favorState;

        @Override
        Path state() {
            return state;
        }

        @Override
        Boolean defer() {
            return defer;
        }

        @Override
        Path deferState() {
            return deferState;
        }

        @Override
        Boolean favorState() {
            return favorState;
        }

        @Override
        String selector() {
            return selector;
        }

        @Override
        String indirectSelection() {
            return indirectSelection;
        }

        @Override
        List<String> select() {
            return select;
        }

        @Override
        List<String> exclude() {
            return exclude;
        }

        @Override
        List<String> resourceTypes() {
            return resourceType;
        }
    }

    /** Flags of commands that build. */
    abstract static class Building extends Selecting {
        @Option(names = "--full-refresh", description = "Rebuild incremental models and seeds from scratch.")
        boolean fullRefresh;
        @Option(names = {"-x", "--fail-fast"}, description = "Stop at the first failure.")
        boolean failFast;

        @Override
        boolean fullRefresh() {
            return fullRefresh;
        }

        @Override
        boolean failFast() {
            return failFast;
        }
    }

    @CommandLine.Command(name = "parse", description = "Parse the project and write target/manifest.json.")
    static final class Parse extends Common {
        @Override
        Command command() {
            return Command.PARSE;
        }
    }

    @CommandLine.Command(name = "compile", description = "Render models and tests to SQL in target/compiled/.")
    static final class Compile extends Selecting {
        @Option(names = "--inline", description = "Compile this SQL (with Jinja) instead of project nodes.")
        String inline;
        @Option(names = "--output", description = "text or json.", defaultValue = "text")
        String output;

        @Override
        Command command() {
            return Command.COMPILE;
        }

        @Override
        String inline() {
            return inline;
        }

        @Override
        String output() {
            return output;
        }
    }

    @CommandLine.Command(name = "run", description = "Build the selected models.")
    static final class Run extends Building {
        @CommandLine.Mixin
        RunFlags runFlags;

        @Override
        Command command() {
            return Command.RUN;
        }

        @Override
        RunFlags runFlags() {
            return runFlags;
        }
    }

    @CommandLine.Command(name = "test", description = "Run the selected tests.")
    static final class Test extends Building {
        @CommandLine.Mixin
        StoreFailuresFlag storeFailuresFlag;

        @Override
        Command command() {
            return Command.TEST;
        }

        @Override
        boolean storeFailures() {
            return storeFailuresFlag.storeFailures;
        }
    }

    @CommandLine.Command(name = "seed", description = "Load the selected seeds (CSV files).")
    static final class Seed extends Building {
        @Override
        Command command() {
            return Command.SEED;
        }
    }

    @CommandLine.Command(name = "snapshot", description = "Run the selected snapshots.")
    static final class Snapshot extends Building {
        @Override
        Command command() {
            return Command.SNAPSHOT;
        }
    }

    @CommandLine.Command(name = "build", description = "Seed, run and test the selected nodes in graph order.")
    static final class Build extends Building {
        @CommandLine.Mixin
        RunFlags runFlags;
        @CommandLine.Mixin
        StoreFailuresFlag storeFailuresFlag;

        @Override
        Command command() {
            return Command.BUILD;
        }

        @Override
        RunFlags runFlags() {
            return runFlags;
        }

        @Override
        boolean storeFailures() {
            return storeFailuresFlag.storeFailures;
        }
    }

    /** {@code --empty}, {@code --event-time-start} and {@code --event-time-end} (run, build). */
    static final class RunFlags {
        @Option(names = "--empty", description = "Refs and sources read no rows: the models' SQL runs against empty inputs.")
        boolean empty;
        @Option(names = "--event-time-start", description = "Microbatch models build the batches from this time (2024-01-01 or 2024-01-01T06:00:00).")
        String eventTimeStart;
        @Option(names = "--event-time-end", description = "Microbatch models build the batches until this time (exclusive).")
        String eventTimeEnd;
    }

    /** {@code --store-failures} (test, build). */
    static final class StoreFailuresFlag {
        @Option(names = "--store-failures", description = "Keep each failing test's rows in a table of the target's <schema>_dbt_test__audit schema.")
        boolean storeFailures;
    }

    @CommandLine.Command(name = "ls", aliases = "list", description = "List the selected resources.")
    static final class Ls extends Selecting {
        @Option(names = {"-o", "--output"}, description = "selector, name, path or json.", defaultValue = "selector")
        String output;
        @Option(names = "--output-keys", arity = "1..*", description = "Keys of --output json.")
        List<String> outputKeys = new ArrayList<>();

        @Override
        Command command() {
            return Command.LIST;
        }

        @Override
        String output() {
            return output;
        }

        @Override
        List<String> outputKeys() {
            return outputKeys;
        }
    }

    @CommandLine.Command(name = "show", description = "Run a model's SQL (or --inline SQL) and print the first rows.")
    static final class Show extends Selecting {
        @Option(names = "--inline", description = "Show the result of this SQL (with Jinja).")
        String inline;
        @Option(names = "--limit", description = "How many rows (default 5; -1 for all).", defaultValue = "5")
        int limit;
        @Option(names = "--output", description = "text or json.", defaultValue = "text")
        String output;

        @Override
        Command command() {
            return Command.SHOW;
        }

        @Override
        String inline() {
            return inline;
        }

        @Override
        int limit() {
            return limit;
        }

        @Override
        String output() {
            return output;
        }
    }

    @CommandLine.Command(name = "debug", description = "Check the project, the profile and the connection.")
    static final class Debug extends Common {
        @Override
        Command command() {
            return Command.DEBUG;
        }
    }

    @CommandLine.Command(name = "clean", description = "Delete the project's clean-targets (target/ by default).")
    static final class Clean extends Common {
        @Override
        Command command() {
            return Command.CLEAN;
        }
    }

    @CommandLine.Command(name = "deps", description = "Install the packages in packages.yml (or dependencies.yml) into dbt_packages/.")
    static final class Deps extends Common {
        @Option(names = "--upgrade", description = "Resolve packages again and rewrite package-lock.yml even if packages.yml did not change.")
        boolean upgrade;
        @Option(names = "--lock", description = "Only write package-lock.yml; install nothing.")
        boolean lock;
        @Option(names = "--add-package", description = "Add a package to packages.yml first, as name@version (e.g. dbt-labs/dbt_utils@1.1.1).")
        String addPackage;
        @Option(names = "--source", description = "Where --add-package comes from: hub (default), git or local.", defaultValue = "hub")
        String source;

        @Override
        Command command() {
            return Command.DEPS;
        }

        @Override
        Invocation newInvocation(InvocationRequest request, ConsolePrinter printer) {
            return new Invocation(request, environment, printer, new DepsOptions(upgrade, lock, addPackage, source));
        }
    }

    @CommandLine.Command(name = "clone", description = "Create the selected models, seeds and snapshots in the target as views "
            + "over the --state run's relations.")
    static final class Clone extends Building {
        @Override
        Command command() {
            return Command.CLONE;
        }
    }

    @CommandLine.Command(name = "retry", description = "Re-run the nodes that errored, failed or were skipped in the previous run, "
            + "with that run's command and flags.")
    static final class Retry extends Common {
        @Option(names = "--state", description = "Where the previous run_results.json is (default: DBT_STATE, else the target path).")
        Path state;

        @Override
        Command command() {
            return Command.RETRY;
        }

        @Override
        Path state() {
            return state;
        }
    }

    @CommandLine.Command(name = "run-operation", description = "Call a macro (name or package.name) with --args as its keyword "
            + "arguments, as dbt run-operation does.")
    static final class RunOperation extends Common {
        @CommandLine.Parameters(index = "0", paramLabel = "MACRO", description = "The macro to call: name, or package.name.")
        String macro;
        @Option(names = "--args", description = "The macro's keyword arguments as YAML or JSON, e.g. '{days: 7, dry_run: true}'.")
        String args;

        @Override
        Command command() {
            return Command.RUN_OPERATION;
        }

        @Override
        InvocationRequest.Operation operation() {
            return new InvocationRequest.Operation(macro,
                    yamlMapping(args, "--args", "a YAML or JSON mapping of the macro's keyword arguments, like '{days: 7}'"));
        }
    }

    /** A command that only groups subcommands ({@code source}, {@code docs}): alone it prints its usage. */
    abstract static class CommandGroup implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().usage(spec.commandLine().getOut());
            return 2;
        }
    }

    @CommandLine.Command(name = "source", description = "Commands on sources.", subcommands = SourceFreshness.class)
    static final class Source extends CommandGroup {
    }

    @CommandLine.Command(name = "freshness", description = "Check how recently the selected sources were loaded, against their "
            + "freshness criteria; write target/sources.json.")
    static final class SourceFreshness extends Selecting {
        @Option(names = {"-o", "--output"}, description = "Where to write the JSON report (default: target/sources.json).")
        Path output;

        @Override
        Command command() {
            return Command.SOURCE_FRESHNESS;
        }

        @Override
        Invocation newInvocation(InvocationRequest request, ConsolePrinter printer) {
            Path resolved = output == null ? null : environment.workingDir().resolve(output).toAbsolutePath().normalize();
            return new Invocation(request, environment, printer, new CommandFlags(resolved, true, false));
        }
    }

    @CommandLine.Command(name = "docs", description = "Commands on the project's documentation.", subcommands = DocsGenerate.class)
    static final class Docs extends CommandGroup {
    }

    @CommandLine.Command(name = "generate", description = "Describe the project's relations from the warehouse into target/catalog.json "
            + "(and compile the project into target/manifest.json).")
    static final class DocsGenerate extends Selecting {
        @Option(names = "--compile", negatable = true, defaultValue = "true", fallbackValue = "true",
                description = "Compile the project first (default); --no-compile describes the relations only.")
        boolean compile;
        @Option(names = "--empty-catalog", description = "Write a catalog without asking the warehouse.")
        boolean emptyCatalog;

        @Override
        Command command() {
            return Command.DOCS_GENERATE;
        }

        @Override
        Invocation newInvocation(InvocationRequest request, ConsolePrinter printer) {
            return new Invocation(request, environment, printer, new CommandFlags(null, compile, emptyCatalog));
        }
    }

    /** {@code --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"slipway " + Versions.SLIPWAY + " (dbt " + io.slipway.core.artifacts.ArtifactMetadata.DBT_VERSION + " compatible)"};
        }
    }
}
