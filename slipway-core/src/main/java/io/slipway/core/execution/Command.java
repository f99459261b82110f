package io.slipway.core.execution;

import java.util.Locale;

/** The commands an invocation can run, named as dbt names them. */
public enum Command {
    PARSE, COMPILE, RUN, TEST, SEED, SNAPSHOT, BUILD, LIST, SHOW, DEBUG, CLEAN, DEPS, CLONE, RETRY, SOURCE_FRESHNESS, DOCS_GENERATE, RUN_OPERATION;

    /** The name on the command line ({@code ls} for LIST); for subcommands, dbt's {@code which} ({@code freshness}, {@code generate}). */
    public String cliName() {
        return switch (this) {
            case LIST -> "ls";
            case SOURCE_FRESHNESS -> "freshness";
            case DOCS_GENERATE -> "generate";
            case RUN_OPERATION -> "run-operation";
            default -> name().toLowerCase(Locale.ROOT);
        };
    }

    /** Whether the command needs a parsed manifest. */
    public boolean needsManifest() {
        return this != DEBUG && this != CLEAN && this != DEPS;
    }

    /** Whether the command reaches the warehouse for nodes. */
    public boolean executesNodes() {
        return this == RUN || this == TEST || this == SEED || this == SNAPSHOT || this == BUILD || this == CLONE;
    }
}
