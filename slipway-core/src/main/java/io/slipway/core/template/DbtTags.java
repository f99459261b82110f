package io.slipway.core.template;

import io.slipway.jinja.Environment;

/**
 * dbt's block tags: {@code {% materialization name, adapter='x' %}} (macro
 * {@code materialization_<name>_<adapter>}), {@code {% test name(args) %}} (macro {@code test_<name>}),
 * {@code {% docs name %}} (macro {@code docs_<name>}) and {@code {% snapshot name %}} (macro
 * {@code snapshot_<name>}).
 */
final class DbtTags {
    private DbtTags() {
    }

    static void register(Environment.Builder builder) {
        // filled in once the engine's BlockTag extension point is final
    }
}
