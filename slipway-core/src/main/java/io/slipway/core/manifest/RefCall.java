package io.slipway.core.manifest;

import java.util.Objects;

/**
 * One {@code ref()} call as written: {@code ref('m')}, {@code ref('pkg', 'm')}, {@code ref('m', v=2)}.
 *
 * @param packageName the package named, or null
 * @param version     the version asked for, or null
 */
public record RefCall(String name, String packageName, String version) {
    public RefCall {
        Objects.requireNonNull(name, "name is null");
    }
}
