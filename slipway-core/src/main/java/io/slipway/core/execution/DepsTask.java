package io.slipway.core.execution;

import io.slipway.core.deps.DepsOptions;
import io.slipway.core.deps.DepsRunner;
import io.slipway.core.template.Vars;
import io.slipway.core.template.YamlValueRenderer;

import java.nio.file.Path;
import java.util.List;

/** {@code deps}: installs the project's packages (no profile or warehouse needed, as in dbt). */
final class DepsTask {
    private DepsTask() {
    }

    static InvocationResult run(InvocationRequest request, InvocationEnvironment environment, Reporter reporter, DepsOptions options) {
        Path projectDir = request.projectDir().toAbsolutePath().normalize();
        YamlValueRenderer renderer = new YamlValueRenderer(environment.jinja(), environment.env(), Vars.cliOnly(request.vars()), null,
                "packages.yml");
        new DepsRunner(projectDir, environment.env(), renderer, reporter.sink(), options).run();
        return new InvocationResult(0, List.of(), null, null);
    }
}
