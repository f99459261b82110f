package io.slipway.core.execution;

/** Slipway's own version. */
public final class Versions {
    public static final String SLIPWAY = "0.1.0";

    private Versions() {
    }
}
