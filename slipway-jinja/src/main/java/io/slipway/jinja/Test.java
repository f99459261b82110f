package io.slipway.jinja;

/** A test ({@code value is name(args)}), registered with {@link Environment.Builder#test}. */
@FunctionalInterface
public interface Test {
    boolean test(CallContext context, Object value, Arguments args);
}
