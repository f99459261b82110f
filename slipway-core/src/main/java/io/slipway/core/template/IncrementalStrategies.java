package io.slipway.core.template;

import io.slipway.core.error.ErrorCode;
import io.slipway.core.error.SlipwayException;
import io.slipway.jinja.CallContext;
import io.slipway.jinja.Globals;
import io.slipway.jinja.runtime.Py;

import java.util.List;

/**
 * {@code adapter.get_incremental_strategy_macro(context, strategy)}: the macro
 * {@code get_incremental_<strategy>_sql} as the calling template resolves it, so a project can define its
 * own strategies and override the built-in ones, as in dbt.
 */
final class IncrementalStrategies {
    /** dbt's built-in strategies; one the adapter does not support is refused before any SQL runs. */
    static final List<String> BUILT_IN = List.of("append", "delete+insert", "merge", "insert_overwrite", "microbatch");

    private IncrementalStrategies() {
    }

    static Object macro(CallContext ctx, Object requested, List<String> valid) {
        String strategy = requested == null ? "default" : Py.str(requested);
        if (BUILT_IN.contains(strategy) && !valid.contains(strategy)) {
            throw new SlipwayException(ErrorCode.COMPILATION_ERROR, "The incremental strategy '" + strategy
                    + "' is not valid for this adapter (it supports " + String.join(", ", valid) + ")");
        }
        String name = "get_incremental_" + strategy.replace('+', '_') + "_sql";
        Object macro = ctx.globals().lookup(name);
        if (macro == Globals.MISSING || macro == null) {
            String project = ctx.globals() instanceof NodeGlobals g ? g.context().macros().rootProject() : "the project";
            throw new SlipwayException(ErrorCode.COMPILATION_ERROR, "dbt could not find an incremental strategy macro with the name \""
                    + name + "\" in " + project + "; set incremental_strategy to one of " + String.join(", ", valid)
                    + " or define a macro named " + name);
        }
        return macro;
    }
}
