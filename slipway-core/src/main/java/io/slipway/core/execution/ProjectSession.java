package io.slipway.core.execution;

import io.slipway.adapter.Adapter;
import io.slipway.adapter.AdapterException;
import io.slipway.adapter.AdapterFactory;
import io.slipway.adapter.AdapterSettings;
import io.slipway.core.error.ErrorCode;
import io.slipway.core.error.SlipwayException;
import io.slipway.core.event.Event;
import io.slipway.core.event.EventCode;
import io.slipway.core.event.EventSink;
import io.slipway.core.event.Level;
import io.slipway.core.parser.ParseEnvironment;
import io.slipway.core.parser.ParseResult;
import io.slipway.core.parser.ParseSnapshot;
import io.slipway.core.parser.ProjectParser;
import io.slipway.core.parser.SourceFile;
import io.slipway.core.project.ProfileLoader;
import io.slipway.core.project.ProfileTarget;
import io.slipway.core.project.ProjectConfig;
import io.slipway.core.project.ProjectLoader;
import io.slipway.core.template.DbtContext;
import io.slipway.core.template.DbtJinja;
import io.slipway.core.template.Vars;
import io.slipway.core.template.YamlValueRenderer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A project opened for one invocation: its config, the profile target, the adapter and the dbt context.
 * Closing it closes the adapter.
 */
public final class ProjectSession implements AutoCloseable {
    /** Slipway's global macros (package {@code dbt}), in the order they are parsed. */
    static final List<String> GLOBAL_MACROS = List.of("naming.sql", "statements.sql", "relations.sql", "ddl.sql",
            "materializations.sql", "generic_tests.sql", "columns.sql", "incremental.sql", "snapshot.sql", "contracts.sql",
            "clone.sql", "freshness.sql", "catalog.sql", "unit_test.sql", "utils.sql", "grants.sql", "persist_docs.sql");

    private final ProjectConfig project;
    private final ProfileTarget profile;
    private final Adapter adapter;
    private final DbtContext context;
    private final List<ProjectConfig> packages;

    private ProjectSession(ProjectConfig project, ProfileTarget profile, Adapter adapter, DbtContext context, List<ProjectConfig> packages) {
        this.project = project;
        this.profile = profile;
        this.adapter = adapter;
        this.context = context;
        this.packages = packages;
    }

    /**
     * Loads the project and profile and creates the adapter.
     *
     * @param env the environment variables the invocation sees
     */
    public static ProjectSession open(InvocationRequest request, DbtJinja jinja, Map<String, String> env, Path workingDir, Path homeDir,
                                      EventSink events, String invocationId) {
        Path projectDir = request.projectDir().toAbsolutePath().normalize();
        Map<String, Object> raw = ProjectLoader.readRaw(projectDir);
        Vars cliVars = Vars.cliOnly(request.vars());
        String profileName = request.profile() != null ? request.profile()
                : raw.get("profile") == null ? String.valueOf(raw.get("name")) : raw.get("profile").toString();
        Path profilesFile = ProfileLoader.locate(request.profilesDir(), env, projectDir, workingDir, homeDir);
        ProfileTarget profile;
        String targetPathRaw = request.targetPath() != null ? request.targetPath()
                : raw.get("target-path") == null ? "target" : raw.get("target-path").toString();
        if (profilesFile == null) {
            profile = ProfileLoader.fallback(profileName, request.target(), targetPathRaw, String.valueOf(raw.get("name")));
            events.emit(Event.of(EventCode.Z004_WARNING, Level.WARN,
                    "No profiles.yml found (looked in --profiles-dir, DBT_PROFILES_DIR, the project directory and ~/.dbt); "
                            + "using an embedded DuckDB database at " + profile.values().get("path"), Map.of()));
        } else {
            profile = ProfileLoader.load(profilesFile, profileName, request.target(),
                    new YamlValueRenderer(jinja, env, cliVars, null, profilesFile.toString()));
        }
        Adapter adapter = createAdapter(profile, projectDir);
        try {
            Map<String, Object> target = new LinkedHashMap<>(adapter.targetContext());
            target.put("name", profile.targetName());
            target.put("profile_name", profile.profileName());
            int threads = request.threads() != null ? request.threads() : profile.threads();
            target.put("threads", (long) threads);
            YamlValueRenderer projectRenderer = new YamlValueRenderer(jinja, env, cliVars, target, ProjectLoader.PROJECT_FILE);
            ProjectConfig project = ProjectLoader.load(projectDir, raw, projectRenderer);
            if (request.targetPath() != null) {
                project = withTargetPath(project, request.targetPath());
            }
            List<ProjectConfig> packages = installedPackages(project, jinja, env, cliVars, target);
            Set<String> packageNames = new java.util.HashSet<>();
            packageNames.add(project.name());
            packages.forEach(p -> packageNames.add(p.name()));
            Map<String, Object> flags = new LinkedHashMap<>();
            flags.put("FULL_REFRESH", request.fullRefresh());
            flags.put("STORE_FAILURES", request.storeFailures());
            flags.put("EMPTY", request.empty());
            flags.put("EVENT_TIME_START", request.eventTimeStart());
            flags.put("EVENT_TIME_END", request.eventTimeEnd());
            flags.put("WARN_ERROR", request.warnError());
            flags.put("WHICH", request.command().cliName());
            flags.put("FAIL_FAST", request.failFast());
            List<String> adapterTypes = new ArrayList<>();
            adapterTypes.add(adapter.type());
            adapterTypes.addAll(adapter.parentTypes());
            DbtContext context = new DbtContext(jinja, target, new Vars(request.vars(), project.vars(), packageNames), env, events,
                    invocationId, ZonedDateTime.now(java.time.ZoneOffset.UTC), flags, adapterTypes, project.dispatch());
            return new ProjectSession(project, profile, adapter, context, packages);
        } catch (RuntimeException e) {
            adapter.close();
            throw e;
        }
    }

    private static ProjectConfig withTargetPath(ProjectConfig p, String targetPath) {
        return new ProjectConfig(p.projectDir(), p.name(), p.version(), p.profile(), p.modelPaths(), p.seedPaths(), p.testPaths(),
                p.macroPaths(), p.snapshotPaths(), p.analysisPaths(), p.docsPaths(), targetPath, p.packagesInstallPath(),
                p.cleanTargets(), p.vars(), p.configs(), p.unrenderedConfigs(), p.onRunStart(), p.onRunEnd(), p.requireDbtVersion(),
                p.dispatch(), p.quoting());
    }

    /** The adapter for a profile target's type, found among the adapters on the class path. */
    public static Adapter createAdapter(ProfileTarget profile, Path projectDir) {
        List<String> available = new ArrayList<>();
        for (AdapterFactory factory : ServiceLoader.load(AdapterFactory.class)) {
            available.add(factory.type());
            if (factory.type().equals(profile.type())) {
                try {
                    return factory.create(new AdapterSettings(profile.targetName(), profile.values(), projectDir));
                } catch (AdapterException e) {
                    throw new SlipwayException(ErrorCode.PROFILE_INVALID,
                            "target '" + profile.targetName() + "' of profile '" + profile.profileName() + "': " + e.getMessage(),
                            profile.profilesFile() == null ? null : profile.profilesFile().toString(), 0, e);
                }
            }
        }
        throw new SlipwayException(ErrorCode.PROFILE_INVALID,
                "target '" + profile.targetName() + "' has type '" + profile.type() + "', which this Slipway cannot connect to; available: "
                        + String.join(", ", available),
                profile.profilesFile() == null ? null : profile.profilesFile().toString(), 0);
    }

    private static List<ProjectConfig> installedPackages(ProjectConfig project, DbtJinja jinja, Map<String, String> env, Vars cliVars,
                                                         Map<String, Object> target) {
        Path dir = project.projectDir().resolve(project.packagesInstallPath());
        List<ProjectConfig> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> children = Files.list(dir)) {
            for (Path child : children.sorted().toList()) {
                if (ProjectLoader.isProject(child)) {
                    Map<String, Object> raw = ProjectLoader.readRaw(child);
                    out.add(ProjectLoader.load(child, raw, new YamlValueRenderer(jinja, env, cliVars, target,
                            child.resolve(ProjectLoader.PROJECT_FILE).toString())));
                }
            }
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.PROJECT_INVALID, "could not list installed packages in " + dir + ": " + e.getMessage());
        }
        return out;
    }

    /** Parses the project into a manifest. */
    public ParseResult parse() {
        return new ProjectParser(new ParseEnvironment(project, adapter, context)).parse(packages, internalMacros());
    }

    /** The project as an earlier parse of the same inputs left it; only macros are parsed again. */
    public ParseResult restore(ParseSnapshot snapshot) {
        return new ProjectParser(new ParseEnvironment(project, adapter, context)).restore(packages, internalMacros(), snapshot);
    }

    /**
     * The project as an earlier parse left it, with only these edited files ({@code <project folder>:<path>},
     * as {@link PartialParse} names them) parsed again; null when one of them is not a model or singular
     * test, or the edit needs a full parse.
     */
    public ParseResult restore(ParseSnapshot snapshot, List<String> editedFiles) {
        List<ProjectParser.EditedFile> edited = new ArrayList<>();
        for (String key : editedFiles) {
            ProjectParser.EditedFile file = editedFile(key);
            if (file == null) {
                return null;
            }
            edited.add(file);
        }
        return new ProjectParser(new ParseEnvironment(project, adapter, context)).restore(packages, internalMacros(), snapshot, edited);
    }

    private ProjectParser.EditedFile editedFile(String key) {
        int colon = key.indexOf(':');
        String folder = key.substring(0, colon);
        String path = key.substring(colon + 1);
        List<ProjectConfig> all = new ArrayList<>(packages);
        all.add(project);
        List<ProjectConfig> owners = all.stream().filter(p -> String.valueOf(p.projectDir().getFileName()).equals(folder)).toList();
        if (owners.size() != 1) {
            return null;
        }
        ProjectConfig pkg = owners.get(0);
        // under exactly one kind of folder: models, or tests outside tests/generic (macros and snapshots need a full parse)
        List<String> otherFolders = new ArrayList<>(pkg.macroPaths());
        otherFolders.addAll(pkg.snapshotPaths());
        otherFolders.addAll(pkg.analysisPaths());
        otherFolders.addAll(pkg.seedPaths());
        if (under(path, otherFolders) != null) {
            return null;
        }
        io.slipway.core.manifest.ResourceType type;
        String folderPath = under(path, pkg.modelPaths());
        if (folderPath != null) {
            type = io.slipway.core.manifest.ResourceType.MODEL;
        } else {
            folderPath = under(path, pkg.testPaths());
            if (folderPath == null || path.substring(folderPath.length() + 1).startsWith("generic/")) {
                return null;
            }
            type = io.slipway.core.manifest.ResourceType.TEST;
        }
        if (under(path, pkg.testPaths()) != null && type == io.slipway.core.manifest.ResourceType.MODEL) {
            return null;
        }
        java.nio.file.Path file = pkg.projectDir().resolve(path);
        try {
            String contents = java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.UTF_8);
            return new ProjectParser.EditedFile(type, new SourceFile(pkg.name(), path, path.substring(folderPath.length() + 1), contents,
                    file.toAbsolutePath().toString()), pkg);
        } catch (IOException e) {
            return null;
        }
    }

    /** The folder (as configured, normalised) that holds this project-relative path, or null. */
    private static String under(String path, List<String> folders) {
        for (String folder : folders) {
            String f = java.nio.file.Path.of(folder).normalize().toString().replace('\\', '/');
            if (!f.isEmpty() && !f.equals(".") && path.startsWith(f + "/")) {
                return f;
            }
        }
        return null;
    }

    private List<SourceFile> internalMacros() {
        List<SourceFile> internal = new ArrayList<>();
        for (String file : GLOBAL_MACROS) {
            internal.add(resource("dbt", "io/slipway/core/macros/" + file, "macros/" + file));
        }
        for (String resource : adapter.macroResources()) {
            String name = resource.substring(resource.lastIndexOf('/') + 1);
            internal.add(resource("dbt_" + adapter.type(), resource, "macros/" + name));
        }
        return internal;
    }

    private SourceFile resource(String packageName, String resource, String originalPath) {
        try (InputStream in = adapter.getClass().getClassLoader().getResourceAsStream(resource)) {
            InputStream stream = in != null ? in : ProjectSession.class.getClassLoader().getResourceAsStream(resource);
            if (stream == null) {
                throw new SlipwayException(ErrorCode.INTERNAL, "missing built-in macro file " + resource);
            }
            String text = new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            if (stream != in) {
                stream.close();
            }
            String name = originalPath.substring(originalPath.indexOf('/') + 1);
            return new SourceFile(packageName, originalPath, name, text, "classpath:" + resource);
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.INTERNAL, "could not read built-in macro file " + resource + ": " + e.getMessage());
        }
    }

    /** The installed packages' projects. */
    public List<ProjectConfig> packages() {
        return packages;
    }

    public ProjectConfig project() {
        return project;
    }

    public ProfileTarget profile() {
        return profile;
    }

    public Adapter adapter() {
        return adapter;
    }

    public DbtContext context() {
        return context;
    }

    /** The target directory (absolute). */
    public Path targetDir() {
        return project.projectDir().resolve(project.targetPath());
    }

    /** Threads to run with. */
    public int threads() {
        Object t = context.target().get("threads");
        return t instanceof Number n ? Math.max(1, n.intValue()) : 1;
    }

    @Override
    public void close() {
        adapter.close();
    }
}
