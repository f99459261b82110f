package io.slipway.core.template;

import io.slipway.core.event.EventSink;
import io.slipway.jinja.Globals;

import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What every render of one invocation shares: the Jinja environment, the macro index, {@code target},
 * vars, the environment variables, and dbt's base context functions. Thread-safe: renders on many
 * threads read it at once.
 */
public final class DbtContext {
    private final DbtJinja jinja;
    private final Map<String, Object> target;
    private final Vars vars;
    private final Map<String, String> env;
    private final EventSink events;
    private final String invocationId;
    private final ZonedDateTime runStartedAt;
    private final Map<String, Object> flags;
    private final Map<String, Object> base;
    private final java.util.List<String> adapterTypes;
    private final Map<String, java.util.List<String>> dispatch;
    private volatile MacroIndex macros;
    private final java.util.Set<String> envVarsRead = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * @param adapterTypes the adapter's type then the types it inherits from ({@code duckdb}), for dispatch
     * @param dispatch     the project's {@code dispatch:} search orders by macro namespace
     */
    public DbtContext(DbtJinja jinja, Map<String, Object> target, Vars vars, Map<String, String> env, EventSink events,
                      String invocationId, ZonedDateTime runStartedAt, Map<String, Object> flags,
                      java.util.List<String> adapterTypes, Map<String, java.util.List<String>> dispatch) {
        this.adapterTypes = java.util.List.copyOf(adapterTypes);
        this.dispatch = Map.copyOf(dispatch);
        this.jinja = Objects.requireNonNull(jinja, "jinja is null");
        this.target = Collections.unmodifiableMap(new HashMap<>(target));
        this.vars = Objects.requireNonNull(vars, "vars is null");
        this.env = Map.copyOf(env);
        this.events = Objects.requireNonNull(events, "events is null");
        this.invocationId = Objects.requireNonNull(invocationId, "invocationId is null");
        this.runStartedAt = Objects.requireNonNull(runStartedAt, "runStartedAt is null");
        this.flags = Collections.unmodifiableMap(new HashMap<>(flags));
        this.base = BaseContext.build(this);
    }

    public java.util.List<String> adapterTypes() {
        return adapterTypes;
    }

    public Map<String, java.util.List<String>> dispatch() {
        return dispatch;
    }

    public DbtJinja jinja() {
        return jinja;
    }

    public Map<String, Object> target() {
        return target;
    }

    public Vars vars() {
        return vars;
    }

    public Map<String, String> env() {
        return env;
    }

    /** Names of the environment variables templates read with env_var(), so a cached parse knows what it depends on. */
    public java.util.Set<String> envVarsRead() {
        return envVarsRead;
    }

    public EventSink events() {
        return events;
    }

    public String invocationId() {
        return invocationId;
    }

    public ZonedDateTime runStartedAt() {
        return runStartedAt;
    }

    public Map<String, Object> flags() {
        return flags;
    }

    /** The macro index, once macros are parsed (null before). */
    public MacroIndex macros() {
        return macros;
    }

    public void setMacros(MacroIndex index) {
        this.macros = index;
    }

    /** A base-context name, or {@link Globals#MISSING}. */
    public Object lookup(String name) {
        Object v = base.get(name);
        return v != null || base.containsKey(name) ? v : Globals.MISSING;
    }
}
