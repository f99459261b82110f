package io.slipway.core.execution;

import java.nio.file.Path;

/**
 * Flags only some commands take.
 *
 * @param outputPath   {@code source freshness --output}: where sources.json goes (absolute), or null for the target directory
 * @param compile      {@code docs generate}: compile the project first ({@code --no-compile} turns it off)
 * @param emptyCatalog {@code docs generate --empty-catalog}: write a catalog without asking the warehouse
 */
public record CommandFlags(Path outputPath, boolean compile, boolean emptyCatalog) {
    public static CommandFlags defaults() {
        return new CommandFlags(null, true, false);
    }
}
