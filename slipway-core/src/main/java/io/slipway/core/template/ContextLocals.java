package io.slipway.core.template;

import io.slipway.jinja.JinjaCallable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The node-specific names of dbt's provider context, for parse time (refs recorded, nothing executed)
 * and run time (refs resolved, statements executed).
 */
public final class ContextLocals {
    private ContextLocals() {
    }

    /**
     * Names shared by both phases.
     *
     * @param model the node as a dict ({@link NodeValue#of}), or a partial one while parsing
     */
    private static Map<String, Object> common(DbtContext context, NodeSession session, RelationResolver resolver,
                                              Object model, RelationValue self) {
        Map<String, Object> locals = new HashMap<>();
        AdapterValue adapter = new AdapterValue(session);
        JinjaCallable ref = RefFunction.ref(resolver);
        JinjaCallable source = RefFunction.source(resolver);
        locals.put("adapter", adapter);
        locals.put("ref", ref);
        locals.put("source", source);
        locals.put("this", self);
        locals.put("model", model);
        locals.put("execute", session.execute());
        locals.put("api", ApiValue.INSTANCE);
        locals.put("database", context.target().get("database"));
        locals.put("schema", context.target().get("schema"));
        locals.put("selected_resources", new ArrayList<>());
        locals.put("load_result", (JinjaCallable) (ctx, args) -> session.results().get(Args.string(args, 0, "name", "")));
        locals.put("store_result", (JinjaCallable) (ctx, args) -> {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("response", args.get(1, "response", null));
            Object table = args.get(2, "agate_table", null);
            result.put("table", table);
            result.put("data", table instanceof AgateTable t ? t.rows() : List.of());
            session.results().put(Args.string(args, 0, "name", ""), result);
            return "";
        });
        locals.put("store_raw_result", (JinjaCallable) (ctx, args) -> {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("response", args.get(-1, "message", null));
            Object table = args.get(-1, "agate_table", null);
            result.put("table", table);
            result.put("data", table instanceof AgateTable t ? t.rows() : List.of());
            session.results().put(Args.string(args, 0, "name", ""), result);
            return "";
        });
        Map<String, Object> builtins = new HashMap<>();
        builtins.put("ref", ref);
        builtins.put("source", source);
        locals.put("builtins", builtins);
        return locals;
    }

    /** Parse time: {@code execute} is false, refs and sources are recorded by {@code capture}. */
    public static Map<String, Object> parse(DbtContext context, NodeSession session, ParseCapture capture,
                                            Map<String, Object> model, RelationValue self) {
        Map<String, Object> locals = common(context, session, capture, model, self);
        ConfigValue config = ConfigValue.parsing(capture);
        locals.put("config", config);
        @SuppressWarnings("unchecked")
        Map<String, Object> builtins = (Map<String, Object>) locals.get("builtins");
        builtins.put("config", config);
        locals.put("pre_hooks", new ArrayList<>());
        locals.put("post_hooks", new ArrayList<>());
        locals.put("graph", Map.of("nodes", Map.of(), "sources", Map.of(), "macros", Map.of(), "exposures", Map.of()));
        return locals;
    }

    /** Run time: refs resolved by {@code resolver}, {@code config.get} reads the node's config. */
    public static Map<String, Object> runtime(DbtContext context, NodeSession session, RelationResolver resolver,
                                              Object model, RelationValue self, ConfigValue config,
                                              Map<String, Object> graph) {
        Map<String, Object> locals = common(context, session, resolver, model, self);
        locals.put("config", config);
        @SuppressWarnings("unchecked")
        Map<String, Object> builtins = (Map<String, Object>) locals.get("builtins");
        builtins.put("config", config);
        locals.put("graph", graph);
        return locals;
    }
}
