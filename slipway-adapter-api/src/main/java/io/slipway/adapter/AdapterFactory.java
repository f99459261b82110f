package io.slipway.adapter;

/** Creates adapters of one warehouse type; registered in {@code META-INF/services/io.slipway.adapter.AdapterFactory}. */
public interface AdapterFactory {
    /** The profile {@code type} this factory serves, e.g. {@code duckdb}. */
    String type();

    /**
     * Validates the target's settings and creates an adapter. Does not connect yet.
     *
     * @throws AdapterException with {@link AdapterErrorCode#INVALID_PROFILE} when a setting is missing or wrong
     */
    Adapter create(AdapterSettings settings);
}
