package io.slipway.core.event;

/**
 * Stable event codes. The letter follows dbt's prefixes (A pre-project, I parsing, Q node execution,
 * W tests, Z misc); the number is Slipway's own where dbt has no equal.
 */
public enum EventCode {
    /** A line a template printed with {@code print()} or {@code log(info=True)}. */
    Z001_JINJA_LOG,
    /** Debug detail from {@code log()} without info. */
    Z002_JINJA_DEBUG,
    /** A general message (banners, summaries). */
    Z003_MESSAGE,
    /** A warning. */
    Z004_WARNING,
    /** Found N models, N tests... */
    I001_FOUND_STATS,
    /** Parsing or compilation error. */
    I002_PARSE_ERROR,
    /** Concurrency banner. */
    Q001_CONCURRENCY,
    /** A node started. */
    Q011_NODE_START,
    /** A node finished (any status). */
    Q012_NODE_FINISHED,
    /** A node was skipped because an upstream node failed. */
    Q013_NODE_SKIPPED,
    /** on-run-start / on-run-end hook. */
    Q020_HOOK,
    /** Finished running N nodes in T seconds. */
    Q030_RUN_FINISHED,
    /** The closing Done. PASS=... line. */
    Q031_RUN_SUMMARY,
    /** Details of a failure, after the summary. */
    Q032_FAILURE_DETAIL,
    /** Rows shown by {@code show}. */
    Q040_SHOW_RESULT,
    /** Compiled SQL printed by {@code compile}. */
    Q041_COMPILED,
    /** A node listed by {@code ls}. */
    Q042_LIST_ITEM,
    /** A warehouse call and how long it took (debug). */
    E001_SQL,
    /** A debug check result. */
    A001_DEBUG_CHECK,
    /** deps: the project declares no packages. */
    M013_DEPS_NO_PACKAGES,
    /** deps: Installing a package. */
    M014_DEPS_INSTALLING,
    /** deps: Installed from a version or revision. */
    M015_DEPS_INSTALLED,
    /** deps: a newer hub version exists. */
    M016_DEPS_UPDATE_AVAILABLE,
    /** deps: the hub package is the newest installable version. */
    M017_DEPS_UP_TO_DATE,
    /** deps: the package came from a subdirectory of its repository. */
    M018_DEPS_SUBDIRECTORY,
    /** deps: which packages have updates. */
    M019_DEPS_UPDATES_AVAILABLE,
    /** deps: a git package follows a branch instead of a tag or commit. */
    M029_DEPS_UNPINNED,
    /** deps: package-lock.yml was (re)written. */
    M031_DEPS_LOCK_UPDATING,
    /** deps --add-package: the entry was added to packages.yml. */
    M032_DEPS_ADD_PACKAGE,
    /** deps --add-package: an entry for the same package was removed. */
    M033_DEPS_DUPLICATE_REMOVED
}
