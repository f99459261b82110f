package io.slipway.jinja;

/** A filter ({@code value | name(args)}), registered with {@link Environment.Builder#filter}. */
@FunctionalInterface
public interface Filter {
    Object apply(CallContext context, Object value, Arguments args);
}
