package io.slipway.core.project;

/** Renders a YAML string value that holds Jinja ({@code "{{ env_var('X') }}"}); values without Jinja are returned unchanged. */
@FunctionalInterface
public interface ValueRenderer {
    /**
     * @param value   the string as written
     * @param keyPath where it is, for error messages ({@code models.jaffle_shop.+materialized})
     */
    Object render(String value, String keyPath);

    /** Whether a string needs rendering at all. */
    static boolean hasJinja(String value) {
        return value.contains("{{") || value.contains("{%");
    }
}
