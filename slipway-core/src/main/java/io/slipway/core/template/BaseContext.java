package io.slipway.core.template;

import io.slipway.core.error.ErrorCode;
import io.slipway.core.error.SlipwayException;
import io.slipway.core.event.Event;
import io.slipway.core.event.EventCode;
import io.slipway.core.event.Level;
import io.slipway.core.manifest.FileChecksum;
import io.slipway.core.project.Yaml;
import io.slipway.jinja.Arguments;
import io.slipway.jinja.CallContext;
import io.slipway.jinja.JinjaCallable;
import io.slipway.jinja.PyTuple;
import io.slipway.jinja.runtime.Py;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * dbt's base context, the names every template sees whatever it renders: {@code target}, {@code var},
 * {@code env_var}, {@code log}, {@code print}, {@code modules}, {@code exceptions}, JSON and YAML helpers,
 * {@code run_started_at}, {@code invocation_id}, {@code flags}, ...
 */
final class BaseContext {
    /** The dbt version Slipway reports to templates and packages ({@code dbt_version}, {@code require-dbt-version}). */
    static final String DBT_VERSION = "1.10.0";

    private BaseContext() {
    }

    static Map<String, Object> build(DbtContext context) {
        Map<String, Object> base = new HashMap<>();
        base.put("target", context.target());
        base.put("dbt_version", DBT_VERSION);
        base.put("invocation_id", context.invocationId());
        base.put("run_started_at", DateTimeValue.of(context.runStartedAt()));
        base.put("flags", new MapObject("flags", context.flags()));
        base.put("modules", new ModulesValue());
        base.put("exceptions", new ExceptionsValue(context));
        base.put("var", (JinjaCallable) (ctx, args) -> var(context, ctx, args));
        base.put("env_var", (JinjaCallable) (ctx, args) -> envVar(context, args));
        base.put("log", (JinjaCallable) (ctx, args) -> {
            String msg = Py.str(args.get(0, "msg", ""));
            boolean info = Args.bool(args, 1, "info", false);
            context.events().emit(Event.of(info ? EventCode.Z001_JINJA_LOG : EventCode.Z002_JINJA_DEBUG,
                    info ? Level.INFO : Level.DEBUG, msg, Map.of()));
            return "";
        });
        base.put("print", (JinjaCallable) (ctx, args) -> {
            String msg = Py.str(args.get(0, "msg", ""));
            context.events().emit(Event.of(EventCode.Z001_JINJA_LOG, Level.INFO, msg, Map.of("print", true)));
            return "";
        });
        base.put("tojson", (JinjaCallable) (ctx, args) -> PyJson.dumps(args.get(0, "value", null), Args.bool(args, 1, "sort_keys", false)));
        base.put("fromjson", (JinjaCallable) (ctx, args) -> {
            try {
                return PyJson.loads(Py.str(args.get(0, "string", "")));
            } catch (Exception e) {
                return args.get(1, "default", null);
            }
        });
        base.put("fromyaml", (JinjaCallable) (ctx, args) -> {
            try {
                return Yaml.parse(Py.str(args.get(0, "value", "")), "fromyaml()");
            } catch (SlipwayException e) {
                return args.get(1, "default", null);
            }
        });
        base.put("toyaml", (JinjaCallable) (ctx, args) -> toYaml(args.get(0, "value", null)));
        base.put("local_md5", (JinjaCallable) (ctx, args) -> FileChecksum.md5Hex(Py.str(args.get(0, "value", ""))));
        base.put("set", (JinjaCallable) (ctx, args) -> toSet(args.get(0, "value", List.of()), args.get(1, "default", null), false));
        base.put("set_strict", (JinjaCallable) (ctx, args) -> toSet(args.get(0, "value", List.of()), null, true));
        base.put("zip", (JinjaCallable) (ctx, args) -> zip(args, false));
        base.put("zip_strict", (JinjaCallable) (ctx, args) -> zip(args, true));
        base.put("diff_of_two_dicts", (JinjaCallable) (ctx, args) -> diff(args.get(0, "dict_a", Map.of()), args.get(1, "dict_b", Map.of())));
        return base;
    }

    private static Object var(DbtContext context, CallContext ctx, Arguments args) {
        String name = Args.required(args, 0, "name", "var");
        boolean hasDefault = args.has(1, "default");
        Object defaultValue = args.get(1, "default", null);
        String packageName = "";
        String nodeName = "<project>";
        if (ctx != null && ctx.globals() instanceof NodeGlobals g) {
            packageName = g.packageName();
            nodeName = g.nodeName();
        }
        return context.vars().get(packageName, name, hasDefault, defaultValue, nodeName);
    }

    static Object envVar(DbtContext context, Arguments args) {
        String name = Args.required(args, 0, "var", "env_var");
        context.envVarsRead().add(name);
        String value = context.env().get(name);
        if (value != null) {
            return value;
        }
        if (args.has(1, "default")) {
            Object d = args.get(1, "default", null);
            return d == null ? null : Py.str(d);
        }
        throw new SlipwayException(ErrorCode.ENV_VAR_MISSING,
                "Env var required but not provided: '" + name + "'. Set it in the environment or give env_var() a default.");
    }

    private static String toYaml(Object value) {
        try {
            com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper(
                    new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()
                            .disable(com.fasterxml.jackson.dataformat.yaml.YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                            .enable(com.fasterxml.jackson.dataformat.yaml.YAMLGenerator.Feature.MINIMIZE_QUOTES));
            return mapper.writeValueAsString(value);
        } catch (Exception e) {
            return Py.str(value);
        }
    }

    private static Object toSet(Object value, Object defaultValue, boolean strict) {
        try {
            LinkedHashSet<Object> set = new LinkedHashSet<>();
            Iterator<Object> it = Py.iterate(value);
            while (it.hasNext()) {
                set.add(it.next());
            }
            return new ArrayList<>(set);
        } catch (RuntimeException e) {
            if (strict) {
                throw e;
            }
            return defaultValue;
        }
    }

    private static Object zip(Arguments args, boolean strict) {
        List<Iterator<Object>> its = new ArrayList<>();
        try {
            for (Object o : args.positional()) {
                its.add(Py.iterate(o));
            }
        } catch (RuntimeException e) {
            if (strict) {
                throw e;
            }
            return args.get(-1, "default", null);
        }
        List<Object> out = new ArrayList<>();
        outer:
        while (!its.isEmpty()) {
            Object[] row = new Object[its.size()];
            for (int i = 0; i < its.size(); i++) {
                if (!its.get(i).hasNext()) {
                    break outer;
                }
                row[i] = its.get(i).next();
            }
            out.add(PyTuple.of(row));
        }
        return out;
    }

    /**
     * dbt's {@code diff_of_two_dicts} (grants): what {@code a} has that {@code b} lacks, keys and values compared
     * case-insensitively, as warehouses report privileges and roles in their own case.
     */
    private static Object diff(Object a, Object b) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
            Map<String, List<String>> lowered = new HashMap<>();
            mb.forEach((k, v) -> {
                List<String> values = new ArrayList<>();
                if (v instanceof List<?> l) {
                    l.forEach(x -> values.add(Py.str(x).toLowerCase(Locale.ROOT)));
                }
                lowered.put(Py.str(k).toLowerCase(Locale.ROOT), values);
            });
            ma.forEach((k, v) -> {
                List<String> theirs = lowered.get(Py.str(k).toLowerCase(Locale.ROOT));
                if (theirs == null) {
                    out.put(String.valueOf(k), v);
                } else if (v instanceof List<?> la) {
                    List<Object> rest = new ArrayList<>();
                    for (Object x : la) {
                        if (!theirs.contains(Py.str(x).toLowerCase(Locale.ROOT))) {
                            rest.add(x);
                        }
                    }
                    if (!rest.isEmpty()) {
                        out.put(String.valueOf(k), rest);
                    }
                }
            });
        }
        return out;
    }
}
