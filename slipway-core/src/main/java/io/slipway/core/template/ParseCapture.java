package io.slipway.core.template;

import io.slipway.core.manifest.RefCall;
import io.slipway.jinja.CallContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What rendering a node at parse time found, as dbt's capture does: the refs, sources and config calls
 * (with the line of each, for errors), while returning placeholder relations so the template renders.
 */
public final class ParseCapture implements RelationResolver {
    private final RelationValue placeholder;
    private final List<RefCall> refs = new ArrayList<>();
    private final List<Integer> refLines = new ArrayList<>();
    private final List<List<String>> sources = new ArrayList<>();
    private final List<Integer> sourceLines = new ArrayList<>();
    private final Map<String, Object> config = new LinkedHashMap<>();

    /** @param placeholder the relation every ref/source returns while parsing (the node's own, as dbt does) */
    public ParseCapture(RelationValue placeholder) {
        this.placeholder = placeholder;
    }

    @Override
    public Object ref(CallContext context, RefCall call) {
        if (!refs.contains(call)) {
            refs.add(call);
            refLines.add(context == null ? 0 : context.line());
        }
        return placeholder;
    }

    @Override
    public Object source(CallContext context, String sourceName, String tableName) {
        List<String> s = List.of(sourceName, tableName);
        if (!sources.contains(s)) {
            sources.add(s);
            sourceLines.add(context == null ? 0 : context.line());
        }
        return placeholder;
    }

    /** Records a {@code config(...)} call's keys; later calls override earlier ones, as in dbt. */
    public void config(Map<String, Object> values) {
        config.putAll(values);
    }

    public List<RefCall> refs() {
        return refs;
    }

    /** The template line of each ref, parallel to {@link #refs()}. */
    public List<Integer> refLines() {
        return refLines;
    }

    public List<List<String>> sources() {
        return sources;
    }

    public List<Integer> sourceLines() {
        return sourceLines;
    }

    public Map<String, Object> config() {
        return config;
    }
}
