package io.slipway.core.execution;

import java.util.Locale;

/** The commands an invocation can run, named as dbt names them. */
public enum Command {
    PARSE, COMPILE, RUN, TEST, SEED, SNAPSHOT, BUILD, LIST, SHOW, DEBUG, CLEAN, DEPS;

    /** The name on the command line ({@code ls} for LIST). */
    public String cliName() {
        return this == LIST ? "ls" : name().toLowerCase(Locale.ROOT);
    }

    /** Whether the command needs a parsed manifest. */
    public boolean needsManifest() {
        return this != DEBUG && this != CLEAN && this != DEPS;
    }

    /** Whether the command reaches the warehouse for nodes. */
    public boolean executesNodes() {
        return this == RUN || this == TEST || this == SEED || this == SNAPSHOT || this == BUILD;
    }
}
