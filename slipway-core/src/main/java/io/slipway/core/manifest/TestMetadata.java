package io.slipway.core.manifest;

import io.slipway.core.project.Frozen;

import java.util.Map;
import java.util.Objects;

/**
 * What a generic test was declared with: the test's name ({@code unique}), its arguments as written
 * ({@code column_name}, {@code values}, {@code to}, {@code field}, and {@code model}), and the package
 * that defines it when qualified ({@code dbt_utils.expression_is_true}).
 */
public record TestMetadata(String name, Map<String, Object> kwargs, String namespace) {
    public TestMetadata {
        Objects.requireNonNull(name, "name is null");
        kwargs = Frozen.map(kwargs);
    }
}
