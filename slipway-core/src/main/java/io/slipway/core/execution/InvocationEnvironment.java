package io.slipway.core.execution;

import io.slipway.core.template.DbtJinja;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What an invocation sees of the world: environment variables, the working and home directories, and the
 * Jinja engine (shared by every invocation of a process so parsed templates are reused).
 */
public record InvocationEnvironment(Map<String, String> env, Path workingDir, Path homeDir, DbtJinja jinja) {
    public InvocationEnvironment {
        env = Map.copyOf(env);
        Objects.requireNonNull(workingDir, "workingDir is null");
        Objects.requireNonNull(jinja, "jinja is null");
    }

    /** The current process's environment. */
    public static InvocationEnvironment ofProcess(DbtJinja jinja) {
        String home = System.getProperty("user.home");
        return new InvocationEnvironment(System.getenv(), Path.of("").toAbsolutePath(), home == null ? null : Path.of(home), jinja);
    }
}
