package io.slipway.jinja.testing;

import io.slipway.jinja.BlockTag;
import io.slipway.jinja.Environment;
import io.slipway.jinja.JinjaException;
import io.slipway.jinja.TagParser;

import java.util.ArrayList;
import java.util.List;

/**
 * dbt's block tags as dbt-common defines them ({@code materialization}, {@code test}, {@code docs}) plus
 * {@code snapshot}, registered through the engine's public {@link BlockTag} extension point only, so a host
 * (slipway-core) can copy the pattern:
 * <ul>
 *   <li>{@code {% materialization name[, default][, adapter='x'][, supported_languages=[...]] %}} defines
 *       {@code materialization_<name>_<adapter>} ({@code default} adapter unless given) with a parameter
 *       {@code supported_languages} defaulting to {@code ['sql']};</li>
 *   <li>{@code {% test name(signature) %}} defines {@code test_<name>};</li>
 *   <li>{@code {% docs name %}} and {@code {% snapshot name %}} define {@code docs_<name>} and
 *       {@code snapshot_<name>}, without parameters.</li>
 * </ul>
 */
public final class DbtTestTags {
    private DbtTestTags() {
    }

    public static Environment.Builder register(Environment.Builder builder) {
        return builder
                .blockTag(new Materialization())
                .blockTag(new TestTag())
                .blockTag(new NoArgumentTag("docs"))
                .blockTag(new NoArgumentTag("snapshot"));
    }

    /** {@code {% materialization name, adapter='duckdb', supported_languages=['sql'] %}}. */
    static final class Materialization implements BlockTag {
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
                switch (argument) {
                    case "default" -> { }
                    case "adapter" -> {
                        parser.expect("=");
                        Object value = parser.expression().literal();
                        if (!(value instanceof String s)) {
                            throw parser.error("the adapter of a materialization must be a string");
                        }
                        adapter = s;
                    }
                    case LANGUAGES -> {
                        parser.expect("=");
                        parameters.add(new TagParser.Parameter(LANGUAGES, parser.expression()));
                    }
                    default -> throw JinjaException.python("MaterializationArgError",
                            "materialization '" + materialization + "' received unknown argument '" + argument + "'.");
                }
            }
            if (parameters.stream().noneMatch(p -> p.name().equals(LANGUAGES))) {
                parameters.add(new TagParser.Parameter(LANGUAGES, parser.literal(List.of("sql"))));
            }
            return new MacroSignature("materialization_" + materialization + "_" + adapter, parameters);
        }
    }

    /** {@code {% test name(signature) %}}. */
    static final class TestTag implements BlockTag {
        @Override
        public String name() {
            return "test";
        }

        @Override
        public MacroSignature parse(TagParser parser) {
            String name = parser.name();
            return new MacroSignature("test_" + name, parser.signature());
        }
    }

    /** {@code {% docs name %}} or {@code {% snapshot name %}}: a macro {@code <tag>_<name>} without parameters. */
    static final class NoArgumentTag implements BlockTag {
        private final String tag;

        NoArgumentTag(String tag) {
            this.tag = tag;
        }

        @Override
        public String name() {
            return tag;
        }

        @Override
        public MacroSignature parse(TagParser parser) {
            return new MacroSignature(tag + "_" + parser.name(), List.of());
        }
    }
}
