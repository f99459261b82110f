package io.slipway.core.template;

import io.slipway.core.manifest.RefCall;
import io.slipway.jinja.CallContext;

/**
 * What {@code ref()} and {@code source()} return. At parse time the resolver records the calls; at
 * run time it resolves them against the manifest (and, with deferral, the production manifest).
 */
public interface RelationResolver {
    Object ref(CallContext context, RefCall call);

    Object source(CallContext context, String sourceName, String tableName);
}
