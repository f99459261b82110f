package io.slipway.cli;

import io.slipway.adapter.Adapter;
import io.slipway.core.error.SlipwayException;
import io.slipway.core.execution.InvocationEnvironment;
import io.slipway.core.execution.ProjectSession;
import io.slipway.core.project.ProfileLoader;
import io.slipway.core.project.ProfileTarget;
import io.slipway.core.project.ProjectLoader;
import io.slipway.core.template.Vars;
import io.slipway.core.template.YamlValueRenderer;
import io.slipway.diff.Algorithm;
import io.slipway.diff.DataDiff;
import io.slipway.diff.DiffErrorCode;
import io.slipway.diff.DiffException;
import io.slipway.diff.DiffOptions;
import io.slipway.diff.DiffTarget;
import io.slipway.diff.RelationName;
import io.slipway.diff.connect.DatabaseUrl;
import io.slipway.diff.report.DiffReport;
import io.slipway.diff.report.JsonReport;
import io.slipway.diff.report.MarkdownReport;
import io.slipway.diff.report.TableDiff;
import io.slipway.diff.report.TextReport;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code slipway diff <db1> <table1> [<db2>] <table2> --key id}: compares two relations by primary key
 * (a join diff in one warehouse, a hash diff across two) and prints the differences as text, JSON or
 * Markdown. A database is a URL ({@code duckdb:///path.db}, {@code postgresql://user@host:port/db}) or
 * the name of a target of the project's profile. Exits 0 when the diff ran, 1 when it could not
 * (missing relation, bad keys, a warehouse error), 2 on usage errors.
 */
@CommandLine.Command(name = "diff", description = "Compare two relations by primary key: rows added, removed and changed, per-column match rates, schema changes.")
final class DiffCommand implements Callable<Integer> {
    PrintStream out;
    PrintStream err;
    InvocationEnvironment environment;

    @Parameters(arity = "0..4", paramLabel = "ARG", description = "<db1> <table1> [<db2>] <table2>; a db is duckdb:///path.db, postgresql://user@host:port/db or a profile target name.")
    List<String> arguments = new ArrayList<>();
    @Option(names = {"-s", "--select"}, arity = "1..*", description = "dbt-aware mode: the models to diff (default with --state: state:modified).")
    List<String> select = new ArrayList<>();
    @Option(names = "--exclude", arity = "1..*", description = "dbt-aware mode: models to leave out.")
    List<String> exclude = new ArrayList<>();
    @Option(names = "--state", description = "dbt-aware mode: the production run's target directory (its manifest.json names the production relations).")
    Path state;
    @Option(names = {"-t", "--target"}, description = "dbt-aware mode: the profile target holding the changed relations.")
    String target;
    @Option(names = "--prod-target", description = "dbt-aware mode: where the production relations are (a profile target or URL; default: the current target's warehouse).")
    String prodTarget;
    @Option(names = {"-k", "--key"}, split = ",", description = "Primary key column(s); repeat or separate with commas for a composite key.")
    List<String> key = new ArrayList<>();
    @Option(names = {"-c", "--columns"}, split = ",", description = "Only these columns (besides the key).")
    List<String> columns = new ArrayList<>();
    @Option(names = "--exclude-columns", split = ",", description = "Columns not to compare.")
    List<String> excludeColumns = new ArrayList<>();
    @Option(names = {"-w", "--where"}, description = "A SQL condition applied to both relations.")
    String where;
    @Option(names = "--algorithm", defaultValue = "auto", description = "auto (join in one warehouse, hash across two), join or hash.")
    String algorithm;
    @Option(names = "--float-precision", defaultValue = "6", description = "Decimal places floats are rounded to before comparing (default 6).")
    int floatPrecision;
    @Option(names = "--abs-tolerance", defaultValue = "0", description = "Numbers differing by at most this much are equal.")
    double absTolerance;
    @Option(names = "--rel-tolerance", defaultValue = "0", description = "Numbers differing by at most this fraction of the larger are equal.")
    double relTolerance;
    @Option(names = {"-i", "--case-insensitive"}, description = "Match column names regardless of case.")
    boolean caseInsensitive;
    @Option(names = "--rename", description = "A left column's name on the right, as left=right; repeatable.")
    List<String> renames = new ArrayList<>();
    @Option(names = {"-l", "--limit"}, defaultValue = "0", description = "Stop after this many differing rows (0: find all).")
    long limit;
    @Option(names = "--sample-size", defaultValue = "10", description = "Sample rows shown per kind (0 hides values).")
    int sampleSize;
    @Option(names = "--skip-null-keys", description = "Leave out rows with a NULL key instead of failing.")
    boolean skipNullKeys;
    @Option(names = "--assume-unique-key", description = "Skip the hash diff's duplicate-key check.")
    boolean assumeUniqueKey;
    @Option(names = {"-m", "--materialize"}, description = "Write the differing rows to this table (in the right relation's warehouse).")
    String materialize;
    @Option(names = "--threads", defaultValue = "1", description = "Connections per warehouse for hash diff checksums.")
    int threads;
    @Option(names = "--bisection-factor", defaultValue = "32", description = "Most pieces a differing segment is cut into.")
    int bisectionFactor;
    @Option(names = "--bisection-threshold", defaultValue = "16", description = "Segments of at most this many rows are compared row by row.")
    int bisectionThreshold;
    @Option(names = {"-o", "--output"}, defaultValue = "text", description = "text, json or markdown.")
    String output;
    @Option(names = "--project-dir", description = "The dbt project whose profile names targets (default: the current directory).")
    Path projectDir;
    @Option(names = "--profiles-dir", description = "Where profiles.yml is.")
    Path profilesDir;

    @Override
    public Integer call() {
        if (!List.of("text", "json", "markdown").contains(output)) {
            err.println("Error: --output must be text, json or markdown, got '" + output + "'");
            return 2;
        }
        List<Adapter> opened = new ArrayList<>();
        try {
            if (state != null || !select.isEmpty()) {
                return models(opened);
            }
            if (arguments.size() < 3) {
                throw new DiffException(DiffErrorCode.USAGE, "give <db1> <table1> [<db2>] <table2> (relation mode), or --select and --state"
                        + " (dbt-aware mode)");
            }
            DiffOptions options = options(true);
            String db1 = arguments.get(0);
            String db2 = arguments.size() == 4 ? arguments.get(2) : db1;
            Adapter left = open(db1);
            opened.add(left);
            Adapter right = left;
            if (!db2.equals(db1)) {
                right = open(db2);
                opened.add(right);
            }
            DiffTarget l = new DiffTarget(left, RelationName.parse(arguments.get(1)));
            DiffTarget r = new DiffTarget(right, RelationName.parse(arguments.get(arguments.size() - 1)));
            TableDiff diff = new DataDiff(options).compare(l, r);
            print(new DiffReport(List.of(diff)));
            return 0;
        } catch (DiffException e) {
            err.println("Error (" + e.code() + "): " + e.getMessage());
            return e.code() == DiffErrorCode.USAGE ? 2 : 1;
        } catch (SlipwayException e) {
            err.println("Error: " + e.getMessage());
            return 2;
        } finally {
            for (Adapter a : opened) {
                a.close();
            }
        }
    }

    /** The dbt-aware mode: exit 1 when a model could not be diffed. */
    private int models(List<Adapter> opened) {
        if (state == null) {
            throw new DiffException(DiffErrorCode.USAGE, "--select needs --state: the production run's target directory");
        }
        if (!arguments.isEmpty()) {
            throw new DiffException(DiffErrorCode.USAGE, "give either relations (<db1> <table1> [<db2>] <table2>) or --select/--state, not both");
        }
        Path project = (projectDir != null ? projectDir : environment.workingDir()).toAbsolutePath().normalize();
        Path stateDir = environment.workingDir().resolve(state).normalize();
        ModelDiffs diffs = new ModelDiffs(environment, project, profilesDir, target, select, exclude, stateDir, session -> {
            if (prodTarget == null) {
                return session.adapter();
            }
            Adapter prod = open(prodTarget);
            opened.add(prod);
            return prod;
        });
        DiffReport report = diffs.run(options(false));
        print(report);
        return report.diffs().stream().anyMatch(d -> d.error() != null) ? 1 : 0;
    }

    private void print(DiffReport report) {
        out.print(switch (output) {
            case "json" -> JsonReport.render(report);
            case "markdown" -> MarkdownReport.render(report);
            default -> TextReport.render(report);
        });
        out.flush();
    }

    /** @param keyRequired whether --key must be given (relation mode; the dbt-aware mode finds keys) */
    private DiffOptions options(boolean keyRequired) {
        Map<String, String> renameMap = new LinkedHashMap<>();
        for (String r : renames) {
            int eq = r.indexOf('=');
            if (eq <= 0 || eq == r.length() - 1) {
                throw new DiffException(DiffErrorCode.USAGE, "--rename takes left=right, got '" + r + "'");
            }
            renameMap.put(r.substring(0, eq).trim(), r.substring(eq + 1).trim());
        }
        Algorithm a;
        try {
            a = Algorithm.valueOf(algorithm.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DiffException(DiffErrorCode.USAGE, "--algorithm must be auto, join or hash, got '" + algorithm + "'");
        }
        if (key.isEmpty() && keyRequired) {
            throw new DiffException(DiffErrorCode.USAGE, "name the primary key with --key (e.g. --key id, or --key a,b for a composite key)");
        }
        return DiffOptions.builder(key.stream().map(String::trim).toList()).columns(trimmed(columns)).excludeColumns(trimmed(excludeColumns))
                .where(where).floatPrecision(floatPrecision).absoluteTolerance(absTolerance).relativeTolerance(relTolerance)
                .caseInsensitive(caseInsensitive).renames(renameMap).limit(limit).sampleSize(sampleSize).skipNullKeys(skipNullKeys)
                .assumeUniqueKey(assumeUniqueKey).algorithm(a).materializeTable(materialize).threads(threads)
                .bisectionFactor(bisectionFactor).bisectionThreshold(bisectionThreshold).build();
    }

    private static List<String> trimmed(List<String> names) {
        return names.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** A warehouse from a URL or a profile target of the project. */
    private Adapter open(String database) {
        Path workingDir = environment.workingDir();
        if (DatabaseUrl.isUrl(database)) {
            return DatabaseUrl.adapter(DatabaseUrl.settings(database, workingDir, environment.env()));
        }
        Path project = (projectDir != null ? projectDir : workingDir).toAbsolutePath().normalize();
        if (!ProjectLoader.isProject(project)) {
            throw new DiffException(DiffErrorCode.USAGE, "'" + database + "' is not a database URL (duckdb:///path.db, postgresql://user@host:port/db)"
                    + " and there is no dbt project in " + project + " whose profile could have a target of that name");
        }
        Map<String, Object> raw = ProjectLoader.readRaw(project);
        String profileName = raw.get("profile") == null ? String.valueOf(raw.get("name")) : raw.get("profile").toString();
        Path profiles = ProfileLoader.locate(profilesDir, environment.env(), project, workingDir, environment.homeDir());
        if (profiles == null) {
            throw new DiffException(DiffErrorCode.USAGE, "no profiles.yml found for profile '" + profileName + "', so target '" + database
                    + "' cannot be looked up; pass a database URL instead");
        }
        ProfileTarget target = ProfileLoader.load(profiles, profileName, database,
                new YamlValueRenderer(environment.jinja(), environment.env(), Vars.cliOnly(Map.of()), null, profiles.toString()));
        return ProjectSession.createAdapter(target, project);
    }
}
