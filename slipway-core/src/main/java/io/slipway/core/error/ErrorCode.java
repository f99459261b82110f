package io.slipway.core.error;

/**
 * Stable error codes. The name is the code users and tools see; the kind decides the exit status
 * (user errors in project files and flags exit 2 as dbt does for usage errors; node failures exit 1).
 */
public enum ErrorCode {
    /** A command-line flag or argument is invalid. */
    USAGE(Kind.USAGE),
    /** {@code dbt_project.yml} is missing or invalid. */
    PROJECT_INVALID(Kind.USAGE),
    /** No profile or target could be found or it is invalid. */
    PROFILE_INVALID(Kind.USAGE),
    /** A YAML file does not parse. */
    YAML_INVALID(Kind.USAGE),
    /** A properties file has an entry of the wrong shape. */
    PROPERTIES_INVALID(Kind.USAGE),
    /** A snapshot lacks the configs its strategy needs (checked when it is parsed, as dbt does). */
    SNAPSHOT_CONFIG_INVALID(Kind.USAGE),
    /** Jinja failed to parse or render during parsing or compilation. */
    COMPILATION_ERROR(Kind.USAGE),
    /** A ref() names a node that does not exist. */
    REF_NOT_FOUND(Kind.USAGE),
    /** A source() names a source that does not exist. */
    SOURCE_NOT_FOUND(Kind.USAGE),
    /** A ref() reaches a model its access does not allow (a private model of another group). */
    REF_NOT_ALLOWED(Kind.USAGE),
    /** The graph has a cycle. */
    DEPENDENCY_CYCLE(Kind.USAGE),
    /** Two nodes share a name or relation. */
    DUPLICATE_RESOURCE(Kind.USAGE),
    /** A selector is malformed. */
    SELECTOR_INVALID(Kind.USAGE),
    /** A var() has no value and no default. */
    VAR_MISSING(Kind.USAGE),
    /** An env_var() has no value and no default. */
    ENV_VAR_MISSING(Kind.USAGE),
    /** A {@code --state} artifact (manifest.json, run_results.json) is missing, unreadable or too old. */
    STATE_INVALID(Kind.USAGE),
    /** The warehouse failed or could not be reached. */
    DATABASE_ERROR(Kind.RUNTIME),
    /** The run was cancelled. */
    CANCELLED(Kind.RUNTIME),
    /** A package could not be declared, resolved or installed ({@code deps}). */
    PACKAGE_ERROR(Kind.USAGE),
    /** A bug in Slipway. */
    INTERNAL(Kind.INTERNAL);

    /** What kind of failure a code is. */
    public enum Kind { USAGE, RUNTIME, INTERNAL }

    private final Kind kind;

    ErrorCode(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
