package io.slipway.core.artifacts;

/** A node's compiled SQL and where it was written, for the manifest written after compiling. */
public record CompiledInfo(String compiledCode, String compiledPath) {
}
