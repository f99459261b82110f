package io.slipway.core.execution;

import io.slipway.adapter.AdapterConnection;
import io.slipway.core.error.SlipwayException;
import io.slipway.core.event.EventCode;
import io.slipway.core.event.Level;

import java.util.List;
import java.util.Map;

/** {@code debug}: checks the project file, the profile and the connection, and says which check failed and why. */
final class DebugTask {
    private DebugTask() {
    }

    static InvocationResult run(InvocationRequest request, InvocationEnvironment environment, Reporter reporter, String invocationId) {
        reporter.info("slipway version: " + Versions.SLIPWAY + " (dbt " + io.slipway.core.artifacts.ArtifactMetadata.DBT_VERSION + " compatible)");
        reporter.info("java version: " + System.getProperty("java.version"));
        reporter.info("Using project dir: " + request.projectDir().toAbsolutePath().normalize());
        ProjectSession session;
        try {
            session = ProjectSession.open(request, environment.jinja(), environment.env(), environment.workingDir(), environment.homeDir(),
                    reporter.sink(), invocationId);
        } catch (SlipwayException e) {
            check(reporter, "Configuration", false, e.describe());
            reporter.error("1 check failed:\n" + e.describe());
            return new InvocationResult(1, List.of(), null, e);
        }
        try (session) {
            check(reporter, "profiles.yml file", true, session.profile().isFallback() ? "no profiles.yml: embedded DuckDB"
                    : session.profile().profilesFile().toString());
            check(reporter, "dbt_project.yml file", true, "found and valid");
            reporter.info("Connection:");
            session.context().target().forEach((k, v) -> {
                if (!k.equals("password")) {
                    reporter.info("  " + k + ": " + v);
                }
            });
            try (AdapterConnection c = session.adapter().open("debug")) {
                c.execute("select 1 as id", true, 1);
                check(reporter, "Connection test", true, "connection ok");
            } catch (RuntimeException e) {
                check(reporter, "Connection test", false, e.getMessage());
                reporter.error("1 check failed:\nCould not connect to the warehouse with target '" + session.profile().targetName() + "': "
                        + e.getMessage() + "\nCheck the host, port, user, password and database in your profile.");
                return new InvocationResult(1, List.of(), null, e);
            }
        }
        reporter.info("All checks passed!");
        return new InvocationResult(0, List.of(), null, null);
    }

    private static void check(Reporter reporter, String what, boolean ok, String detail) {
        reporter.emit(EventCode.A001_DEBUG_CHECK, ok ? Level.INFO : Level.ERROR,
                "  " + what + " [" + (ok ? "OK " : "ERROR ") + detail + "]", Map.of("check", what, "ok", ok));
    }
}
