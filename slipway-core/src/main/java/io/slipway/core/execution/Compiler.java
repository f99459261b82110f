package io.slipway.core.execution;

import io.slipway.core.error.ErrorCode;
import io.slipway.core.error.SlipwayException;
import io.slipway.core.manifest.Manifest;
import io.slipway.core.manifest.Node;
import io.slipway.core.manifest.ResourceType;
import io.slipway.core.project.Frozen;
import io.slipway.core.template.ConfigValue;
import io.slipway.core.template.ContextLocals;
import io.slipway.core.template.ContextView;
import io.slipway.core.template.DbtContext;
import io.slipway.core.template.NodeGlobals;
import io.slipway.core.template.NodeSession;
import io.slipway.core.template.NodeValue;
import io.slipway.core.template.RelationValue;
import io.slipway.core.template.Renderer;
import io.slipway.jinja.JinjaCallable;
import io.slipway.jinja.Template;
import io.slipway.jinja.runtime.Py;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles nodes: renders their raw code with the run-time context, injects the CTEs of the ephemeral
 * models they ref, and writes {@code target/compiled/}. Thread-safe: each compile builds its own context.
 */
public final class Compiler {
    private static final Pattern WHERE_SUBQUERY = Pattern.compile("\\s*get_where_subquery\\(\\s*(ref|source)\\(((?:\\s*'[^'\\\\]*'\\s*,?)+)\\)\\s*\\)\\s*");
    private static final Pattern QUOTED = Pattern.compile("'([^'\\\\]*)'");
    private static final Pattern ONE_EXPRESSION = Pattern.compile("^\\s*\\{\\{(.*)}}\\s*$", Pattern.DOTALL);
    private static final Pattern LEADING_WITH = Pattern.compile("^(\\s*(?:--[^\\n]*\\n\\s*|/\\*.*?\\*/\\s*)*)(with)\\b(\\s+recursive\\b)?",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private final Manifest manifest;
    private final DbtContext context;
    private final Path targetDir;
    private final Path projectDir;
    private final Supplier<Map<String, Object>> graph;
    private final CompiledFiles files = new CompiledFiles();
    private final Deferral deferral;

    public Compiler(Manifest manifest, DbtContext context, Path projectDir, Path targetDir, Supplier<Map<String, Object>> graph) {
        this(manifest, context, projectDir, targetDir, graph, Deferral.NONE);
    }

    Compiler(Manifest manifest, DbtContext context, Path projectDir, Path targetDir, Supplier<Map<String, Object>> graph,
             Deferral deferral) {
        this.manifest = manifest;
        this.context = context;
        this.projectDir = projectDir;
        this.targetDir = targetDir;
        this.graph = graph;
        this.deferral = deferral;
    }

    Deferral deferral() {
        return deferral;
    }

    Manifest manifest() {
        return manifest;
    }

    DbtContext context() {
        return context;
    }

    /** The run-time {@code ref()}/{@code source()} resolver for a node rendered in {@code session}. */
    RuntimeResolver resolver(Node node, NodeSession session) {
        return resolver(node, session, null);
    }

    /** The resolver for one batch of a microbatch model (null: not in a batch). */
    RuntimeResolver resolver(Node node, NodeSession session, MicrobatchPlan.Batch batch) {
        // --empty: refs and sources read no rows (dbt's resolve_limit of 0)
        Integer limit = Boolean.TRUE.equals(context.flags().get("EMPTY")) ? Integer.valueOf(0) : null;
        return new RuntimeResolver(manifest, node, deferral, session, limit, batch);
    }

    /** A compiled node. */
    public record Compiled(String sql, String path, NodeGlobals globals) {
    }

    /** Compiles a node for the given session (whose connection, if any, introspective macros may use). */
    public Compiled compile(Node node, NodeSession session) {
        return compile(node, session, null);
    }

    /** Compiles one batch of a microbatch model: upstream event times filtered to it, {@code model.batch} set. */
    Compiled compile(Node node, NodeSession session, MicrobatchPlan.Batch batch) {
        RuntimeResolver resolver = resolver(node, session, batch);
        NodeGlobals globals = globals(node, session, resolver, null, batch);
        Template template = context.jinja().parse(node.rawCode(), node.originalFilePath());
        String sql = Renderer.render(template, globals, node.originalFilePath());
        sql = injectCtes(sql, resolver, session, new ArrayList<>());
        String path = writeCompiled(node, sql);
        return new Compiled(sql, path, globals);
    }

    /** The render context of a node at run time; {@code compiledSql} is null while compiling it. */
    NodeGlobals globals(Node node, NodeSession session, io.slipway.core.template.RelationResolver resolver, String compiledSql) {
        return globals(node, session, resolver, compiledSql, null);
    }

    NodeGlobals globals(Node node, NodeSession session, io.slipway.core.template.RelationResolver resolver, String compiledSql,
                        MicrobatchPlan.Batch batch) {
        io.slipway.core.template.LazyValue model = new io.slipway.core.template.LazyValue(() -> {
            Map<String, Object> m = NodeValue.of(node);
            if (compiledSql != null) {
                m.put("compiled_code", compiledSql);
                m.put("compiled_sql", compiledSql);
            }
            if (batch != null) {
                // dbt's model.batch: the batch's id and bounds (aware UTC datetimes)
                Map<String, Object> b = new LinkedHashMap<>();
                b.put("id", batch.id());
                b.put("event_time_start", io.slipway.core.template.DateTimeValue.of(batch.start().atZone(java.time.ZoneOffset.UTC)));
                b.put("event_time_end", io.slipway.core.template.DateTimeValue.of(batch.end().atZone(java.time.ZoneOffset.UTC)));
                m.put("batch", b);
            }
            return m;
        });
        Map<String, Object> locals = ContextLocals.runtime(context, session, resolver, model, RuntimeResolver.relationOf(node),
                ConfigValue.runtime(node.config()), graph.get());
        // a node's context names its own database and schema (dbt's ModelContext), not the target's
        if (node.database() != null) {
            locals.put("database", node.database());
        }
        if (node.schema() != null) {
            locals.put("schema", node.schema());
        }
        NodeGlobals globals = new NodeGlobals(context, node.packageName(), node.uniqueId(), locals);
        locals.put("context", new ContextView(globals));
        if (compiledSql != null) {
            locals.put("sql", compiledSql);
            locals.put("compiled_code", compiledSql);
        }
        locals.put("defer_relation", deferral.stateRelation(node));
        locals.put("pre_hooks", hooks(node, "pre-hook"));
        locals.put("post_hooks", hooks(node, "post-hook"));
        locals.put("render", (JinjaCallable) (ctx, args) -> {
            String text = Py.str(args.get(0, "string", ""));
            return Renderer.render(context.jinja().parse(text, node.originalFilePath()), (NodeGlobals) ctx.globals(), node.originalFilePath());
        });
        if (node.testMetadata() != null) {
            locals.put("_dbt_generic_test_kwargs", testKwargs(node, globals));
        }
        return globals;
    }

    private static List<Object> hooks(Node node, String key) {
        Object value = node.config().get(key);
        List<Object> out = new ArrayList<>();
        if (value instanceof List<?> l) {
            for (Object o : l) {
                out.add(Frozen.thaw(o));
            }
        }
        return out;
    }

    /** dbt's rendering of a generic test's arguments: {@code ref(...)}-like strings and Jinja become values; column names stay text. */
    private Map<String, Object> testKwargs(Node node, NodeGlobals globals) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : node.testMetadata().kwargs().entrySet()) {
            out.put(e.getKey(), e.getKey().equals("column_name") ? e.getValue() : nativeValue(Frozen.thaw(e.getValue()), globals, node));
        }
        return out;
    }

    private Object nativeValue(Object value, NodeGlobals globals, Node node) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), nativeValue(v, globals, node)));
            return out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object o : l) {
                out.add(nativeValue(o, globals, node));
            }
            return out;
        }
        if (!(value instanceof String s)) {
            return value;
        }
        String expression = null;
        Matcher m = ONE_EXPRESSION.matcher(s);
        if (m.matches()) {
            expression = m.group(1);
        } else if (io.slipway.core.parser.TestArguments.looksLikeFunction(s)) {
            expression = s;
        }
        if (expression == null) {
            if (!s.contains("{{") && !s.contains("{%")) {
                return s;
            }
            return Renderer.render(context.jinja().parse(s, node.originalFilePath()), globals, node.originalFilePath());
        }
        Object direct = whereSubquery(expression, globals, node);
        if (direct != null) {
            return direct;
        }
        // evaluate the expression to its value (a relation, say), not its text
        Object[] holder = new Object[1];
        globals.locals().put("__slipway_capture", (JinjaCallable) (ctx, args) -> {
            holder[0] = args.get(0, "value", null);
            return "";
        });
        Renderer.render(context.jinja().parse("{{ __slipway_capture(" + expression + ") }}", node.originalFilePath()), globals,
                node.originalFilePath());
        globals.locals().remove("__slipway_capture");
        return holder[0];
    }

    /**
     * Every generic test's {@code model} argument is {@code get_where_subquery(ref('x'))} (or a source): call it
     * directly rather than parsing a template per test, which for large projects is most of compile's Jinja work.
     */
    private static Object whereSubquery(String expression, NodeGlobals globals, Node node) {
        Matcher m = WHERE_SUBQUERY.matcher(expression);
        if (!m.matches()) {
            return null;
        }
        Object function = globals.lookup(m.group(1));
        Object macro = globals.lookup("get_where_subquery");
        if (!(function instanceof JinjaCallable call) || !(macro instanceof io.slipway.jinja.Macro where)) {
            return null;
        }
        List<Object> args = new ArrayList<>();
        Matcher arg = QUOTED.matcher(m.group(2));
        while (arg.find()) {
            args.add(arg.group(1));
        }
        Object relation;
        try {
            relation = call.call(null, io.slipway.jinja.Arguments.of(args, Map.of()));
        } catch (RuntimeException e) {
            throw Renderer.translate(e, node.originalFilePath());
        }
        return Renderer.call(where, List.of(relation), Map.of(), node.originalFilePath());
    }

    /** Prepends the ephemeral models' CTEs, recursively and without duplicates, as dbt injects them. */
    private String injectCtes(String sql, RuntimeResolver resolver, NodeSession session, List<String> stack) {
        if (resolver.ephemerals().isEmpty()) {
            return sql;
        }
        Map<String, String> ctes = new LinkedHashMap<>();
        collectCtes(resolver.ephemerals(), session, ctes, stack);
        return prependCtes(sql, ctes);
    }

    /** The SQL with these CTEs (name to body) in front, in a {@code with} of its own or the SQL's. */
    static String prependCtes(String sql, Map<String, String> ctes) {
        if (ctes.isEmpty()) {
            return sql;
        }
        // dbt's spacing exactly: each CTE starts with a space, and no space follows the last one's ")"
        List<String> parts = new ArrayList<>();
        ctes.forEach((name, body) -> parts.add(" " + name + " as (\n" + body + "\n)"));
        String joined = String.join(", ", parts);
        Matcher m = LEADING_WITH.matcher(sql);
        if (m.find()) {
            int insertAt = m.end();
            return sql.substring(0, insertAt) + joined + "," + sql.substring(insertAt);
        }
        int first = 0;
        while (first < sql.length() && Character.isWhitespace(sql.charAt(first))) {
            first++;
        }
        return sql.substring(0, first) + "with" + joined + sql.substring(first);
    }

    private void collectCtes(Iterable<String> ephemeralIds, NodeSession session, Map<String, String> ctes, List<String> stack) {
        for (String id : ephemeralIds) {
            Node ephemeral = manifest.node(id);
            String name = RuntimeResolver.cteName(ephemeral);
            if (ctes.containsKey(name)) {
                continue;
            }
            if (stack.contains(id)) {
                throw new SlipwayException(ErrorCode.DEPENDENCY_CYCLE, "ephemeral models ref each other in a cycle: " + stack + " -> " + id);
            }
            stack.add(id);
            RuntimeResolver inner = resolver(ephemeral, session);
            NodeGlobals globals = globals(ephemeral, session, inner, null);
            String body = Renderer.render(context.jinja().parse(ephemeral.rawCode(), ephemeral.originalFilePath()), globals,
                    ephemeral.originalFilePath());
            collectCtes(inner.ephemerals(), session, ctes, stack);
            stack.remove(stack.size() - 1);
            ctes.put(name, body);
        }
    }

    /** Where dbt writes a node's compiled SQL: {@code compiled/<package>/<original_file_path>}, plus the test's name for generic tests. */
    public String writeCompiled(Node node, String sql) {
        return write("compiled", node, sql);
    }

    /** Writes the SQL that ran for a node under {@code target/run/}. */
    public String writeRun(Node node, String sql) {
        return write("run", node, sql);
    }

    private String write(String kind, Node node, String sql) {
        String relative = node.resourceType() == ResourceType.TEST && node.testMetadata() != null
                ? node.originalFilePath() + "/" + node.path()
                : node.resourceType() == ResourceType.UNIT_TEST ? node.originalFilePath() + "/" + node.name() + ".sql"
                : node.originalFilePath();
        Path file = targetDir.resolve(kind).resolve(node.packageName()).resolve(relative);
        files.write(file, sql.getBytes(StandardCharsets.UTF_8));
        Path shown = projectDir.relativize(file);
        return shown.toString().replace('\\', '/');
    }

    /** Compiled and run files are written in the background from now on, until {@link #awaitWrites()}. */
    void writeInBackground() {
        files.startBackground();
    }

    /** Waits for the files written in the background; a file that could not be written is an error. */
    void awaitWrites() {
        files.finish();
    }

    /** Renders arbitrary SQL with Jinja in the context of the root project (for {@code --inline}). */
    public String compileInline(String sql, Node pseudoNode, NodeSession session) {
        RuntimeResolver resolver = resolver(pseudoNode, session);
        NodeGlobals globals = globals(pseudoNode, session, resolver, null);
        String rendered = Renderer.render(context.jinja().parse(sql, "inline"), globals, "inline query");
        return injectCtes(rendered, resolver, session, new ArrayList<>());
    }

    static RelationValue relation(Node node) {
        return RuntimeResolver.relationOf(node);
    }
}
