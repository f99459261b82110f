package io.slipway.core.template;

import io.slipway.jinja.BlockTag;
import io.slipway.jinja.Environment;
import io.slipway.jinja.JinjaException;
import io.slipway.jinja.TagParser;

import java.util.ArrayList;
import java.util.List;

/**
 * dbt's block tags: {@code {% materialization name, adapter='x' %}} (macro
 * {@code materialization_<name>_<adapter>}, with a {@code supported_languages} parameter defaulting to
 * {@code ['sql']}), {@code {% test name(args) %}} (macro {@code test_<name>}), {@code {% docs name %}}
 * (macro {@code docs_<name>}) and {@code {% snapshot name %}} (macro {@code snapshot_<name>}).
 */
final class DbtTags {
    private DbtTags() {
    }

    static void register(Environment.Builder builder) {
        builder.blockTag(new Materialization())
                .blockTag(new Test())
                .blockTag(new Named("docs"))
                .blockTag(new Named("snapshot"));
    }

    private static final class Materialization implements BlockTag {
        private static final String LANGUAGES = "supported_languages";

        @Override
        public String name() {
            return "materialization";
        }

        @Override
        public MacroSignature parse(TagParser parser) {
            String materialization = parser.name();
            String adapter = "default";
            List<TagParser.Parameter> parameters = new ArrayList<>();
            while (parser.skip(",")) {
                String argument = parser.name();
                if (argument.equals("adapter")) {
                    parser.expect("=");
                    if (!(parser.expression().literal() instanceof String s)) {
                        throw parser.error("the adapter of materialization '" + materialization + "' must be a string");
                    }
                    adapter = s;
                } else if (argument.equals(LANGUAGES)) {
                    parser.expect("=");
                    parameters.add(new TagParser.Parameter(LANGUAGES, parser.expression()));
                } else if (!argument.equals("default")) {
                    throw JinjaException.python("MaterializationArgError",
                            "materialization '" + materialization + "' received unknown argument '" + argument + "'.");
                }
            }
            if (parameters.isEmpty()) {
                parameters.add(new TagParser.Parameter(LANGUAGES, parser.literal(List.of("sql"))));
            }
            return new MacroSignature("materialization_" + materialization + "_" + adapter, parameters);
        }
    }

    private static final class Test implements BlockTag {
        @Override
        public String name() {
            return "test";
        }

        @Override
        public MacroSignature parse(TagParser parser) {
            return new MacroSignature("test_" + parser.name(), parser.signature());
        }
    }

    /** A block with only a name: {@code docs} and {@code snapshot}. */
    private record Named(String name) implements BlockTag {
        @Override
        public MacroSignature parse(TagParser parser) {
            return new MacroSignature(name + "_" + parser.name(), List.of());
        }
    }
}
