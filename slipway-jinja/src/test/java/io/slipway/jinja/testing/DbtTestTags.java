package io.slipway.jinja.testing;

import io.slipway.jinja.Environment;

/**
 * dbt's block tags as dbt-common defines them ({@code materialization}, {@code test}, {@code docs}) plus
 * {@code snapshot}, registered through the engine's {@link io.slipway.jinja.BlockTag} extension point.
 * Placeholder: the engine fills it in.
 */
public final class DbtTestTags {
    private DbtTestTags() {
    }

    public static Environment.Builder register(Environment.Builder builder) {
        return builder;
    }
}
