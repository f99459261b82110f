package io.slipway.core.execution;

import io.slipway.core.error.ErrorCode;
import io.slipway.core.error.SlipwayException;
import io.slipway.core.manifest.Manifest;
import io.slipway.core.manifest.Node;
import io.slipway.core.manifest.RefCall;
import io.slipway.core.manifest.SourceDefinition;
import io.slipway.core.manifest.UnitTestSpec;
import io.slipway.core.template.NodeGlobals;
import io.slipway.core.template.NodeSession;
import io.slipway.core.template.RefFunction;
import io.slipway.core.template.RelationResolver;
import io.slipway.core.template.RelationValue;
import io.slipway.core.template.Renderer;
import io.slipway.jinja.CallContext;
import io.slipway.jinja.JinjaCallable;
import io.slipway.jinja.runtime.Py;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A unit test's SQL, as dbt builds it from its unit test manifest: the tested model rendered with every input
 * ({@code ref}, {@code source}, {@code this}) replaced by a CTE of fixture rows ({@code get_fixture_sql}, or the
 * fixture's own SQL), and with the test's macro, var and env var overrides in force.
 */
final class UnitTestCompiler {

    private final Compiler compiler;

    UnitTestCompiler(Compiler compiler) {
        this.compiler = compiler;
    }

    /** What an input stands for: its relation (for fixture column types) and the CTE that replaces it. */
    private record Input(String uniqueId, String name, RelationValue relation, String cteName, Node stateNode) {
    }

    Compiler.Compiled compile(Node test, NodeSession session) {
        Manifest manifest = compiler.manifest();
        UnitTestSpec spec = test.unitTest();
        Node model = test.dependsOn().nodes().isEmpty() ? null : manifest.node(test.dependsOn().nodes().get(0));
        if (model == null) {
            throw new SlipwayException(ErrorCode.REF_NOT_FOUND, "Unit test '" + test.name() + "' references a model that does not exist: "
                    + spec.model(), test.originalFilePath(), 0);
        }
        Map<String, String> ctes = new LinkedHashMap<>();
        Map<String, Input> inputs = new HashMap<>();
        Input self = null;
        for (UnitTestSpec.Fixture fixture : spec.given()) {
            Input input = input(fixture.input(), model, test, manifest);
            inputs.put(input.uniqueId(), input);
            if ("this".equals(fixture.input().trim())) {
                self = input;
            }
            ctes.put(input.cteName(), fixtureSql(fixture, input, model, test, session));
        }
        RelationResolver resolver = new FixtureResolver(manifest, model, test, inputs);
        NodeGlobals globals = compiler.globals(model, session, resolver, null);
        if (self != null) {
            globals.locals().put("this", RelationValue.cte(self.cteName()));
        }
        override(globals, spec);
        String sql = Renderer.render(compiler.context().jinja().parse(model.rawCode(), model.originalFilePath()), globals,
                model.originalFilePath());
        sql = Compiler.prependCtes(sql, ctes);
        return new Compiler.Compiled(sql, compiler.writeCompiled(test, sql), globals);
    }

    /** The test's overrides: macros (by name), {@code var()} and {@code env_var()}. */
    private static void override(NodeGlobals globals, UnitTestSpec spec) {
        spec.overrides("macros").forEach(globals::override);
        Map<String, Object> vars = spec.overrides("vars");
        if (!vars.isEmpty()) {
            Object original = globals.lookup("var");
            globals.override("var", (JinjaCallable) (ctx, args) -> {
                String name = Py.str(args.get(0, "name", ""));
                return vars.containsKey(name) ? vars.get(name) : ((JinjaCallable) original).call(ctx, args);
            });
        }
        Map<String, Object> envVars = spec.overrides("env_vars");
        if (!envVars.isEmpty()) {
            Object original = globals.lookup("env_var");
            globals.override("env_var", (JinjaCallable) (ctx, args) -> {
                String name = Py.str(args.get(0, "var", ""));
                return envVars.containsKey(name) ? Py.str(envVars.get(name)) : ((JinjaCallable) original).call(ctx, args);
            });
        }
    }

    /** The node or source an input names, with the CTE that stands for it ({@code __dbt__cte__<identifier>}, as dbt names them). */
    private static Input input(String text, Node model, Node test, Manifest manifest) {
        String input = text.trim();
        if (input.equals("this")) {
            return new Input(model.uniqueId(), model.name(), RuntimeResolver.relationOf(model), "__dbt__cte__" + model.alias(), model);
        }
        java.util.Optional<RefCall> ref = io.slipway.core.manifest.RelationCalls.ref(input);
        if (ref.isPresent()) {
            Node target = manifest.resolveRef(ref.get(), model.packageName());
            if (target == null) {
                throw notFound(test, input);
            }
            return new Input(target.uniqueId(), target.name(), RuntimeResolver.relationOf(target), "__dbt__cte__" + target.alias(), target);
        }
        java.util.Optional<java.util.List<String>> source = io.slipway.core.manifest.RelationCalls.source(input);
        if (source.isPresent()) {
            SourceDefinition def = manifest.resolveSource(source.get().get(0), source.get().get(1), model.packageName());
            if (def == null) {
                throw notFound(test, input);
            }
            return new Input(def.uniqueId(), def.name(), RelationValue.of(def.database(), def.schema(), def.identifier(), "table"),
                    "__dbt__cte__" + def.identifier(), null);
        }
        throw new SlipwayException(ErrorCode.PROPERTIES_INVALID, "Unit test given inputs must be either a 'ref', 'source' or 'this' call. Got: '"
                + input + "'", test.originalFilePath(), 0);
    }

    private static SlipwayException notFound(Node test, String input) {
        return new SlipwayException(ErrorCode.REF_NOT_FOUND, "Unit test '" + test.name() + "' had an input (" + input
                + ") which was not found in the manifest.", test.originalFilePath(), 0);
    }

    /** An input's rows as SQL: the fixture's own for format sql, else {@code get_fixture_sql} typed by the input's relation. */
    private String fixtureSql(UnitTestSpec.Fixture fixture, Input input, Node model, Node test, NodeSession session) {
        // rendered as dbt renders the ephemeral model it makes of each input: `this` is the input's relation
        RelationResolver none = new FixtureResolver(compiler.manifest(), model, test, Map.of());
        NodeGlobals globals = compiler.globals(model, session, none, null);
        Map<String, Object> fixtureModel = new LinkedHashMap<>();
        fixtureModel.put("name", input.name());
        fixtureModel.put("resource_type", "model");
        fixtureModel.put("unique_id", input.uniqueId());
        globals.locals().put("model", fixtureModel);
        globals.locals().put("this", input.relation());
        globals.locals().put("defer_relation", input.stateNode() == null ? null : compiler.deferral().stateRelation(input.stateNode()));
        String template = fixture.isSql() ? String.valueOf(fixture.rows()) : "{{ get_fixture_sql(__slipway_rows, none) }}";
        globals.locals().put("__slipway_rows", io.slipway.core.project.Frozen.thaw(fixture.rowMaps()));
        String where = test.originalFilePath();
        return Renderer.render(compiler.context().jinja().parse(template, where), globals, where);
    }

    /** ref() and source() inside the tested model: an input's CTE, or an error naming the missing input. */
    private static final class FixtureResolver implements RelationResolver {
        private final Manifest manifest;
        private final Node model;
        private final Node test;
        private final Map<String, Input> inputs;

        FixtureResolver(Manifest manifest, Node model, Node test, Map<String, Input> inputs) {
            this.manifest = manifest;
            this.model = model;
            this.test = test;
            this.inputs = inputs;
        }

        @Override
        public Object ref(CallContext context, RefCall call) {
            Node target = manifest.resolveRef(call, model.packageName());
            Input input = target == null ? null : inputs.get(target.uniqueId());
            if (input == null) {
                throw missing(RefFunction.describe(call), context);
            }
            return RelationValue.cte(input.cteName());
        }

        @Override
        public Object source(CallContext context, String sourceName, String tableName) {
            SourceDefinition def = manifest.resolveSource(sourceName, tableName, model.packageName());
            Input input = def == null ? null : inputs.get(def.uniqueId());
            if (input == null) {
                throw missing("source('" + sourceName + "', '" + tableName + "')", context);
            }
            return RelationValue.cte(input.cteName());
        }

        private SlipwayException missing(String call, CallContext context) {
            return new SlipwayException(ErrorCode.REF_NOT_FOUND, "Unit test '" + test.name() + "': model '" + model.name() + "' calls " + call
                    + ", which is not an input of the test; add it to 'given:' in " + test.originalFilePath() + " (with rows: [] if its rows do not matter)",
                    model.originalFilePath(), context == null ? 0 : context.line());
        }
    }
}
