package io.slipway.jinja;

import io.slipway.jinja.builtins.Builtins;
import io.slipway.jinja.parser.Parser;
import io.slipway.jinja.runtime.CompiledTemplate;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Configuration shared by templates: syntax options, undefined behaviour, globals, filters, tests and
 * extension tags. Immutable once built and safe to share between threads. Defaults are dbt's: Jinja2's
 * sandboxed environment with the {@code do} and {@code loopcontrols} extensions, no {@code trim_blocks},
 * no {@code lstrip_blocks}, the final newline of a template dropped.
 */
public final class Environment {
    private final Builder settings;
    private final Map<String, Filter> filters;
    private final Map<String, Test> tests;
    private final Map<String, Object> globals;

    private Environment(Builder builder) {
        this.settings = builder.copy();
        Map<String, Filter> f = new HashMap<>(Builtins.filters());
        f.putAll(settings.filters);
        this.filters = Collections.unmodifiableMap(f);
        Map<String, Test> t = new HashMap<>(Builtins.tests());
        t.putAll(settings.tests);
        this.tests = Collections.unmodifiableMap(t);
        Map<String, Object> g = new HashMap<>(Builtins.globals());
        g.putAll(settings.globals);
        this.globals = Collections.unmodifiableMap(g);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Parses a template; throws {@link JinjaException} of type {@code TemplateSyntaxError} with the line. */
    public Template parse(String source, String templateName) {
        Objects.requireNonNull(source, "source is null");
        Parser.Result parsed = new Parser(this, source, templateName == null ? "<template>" : templateName).parse();
        return new CompiledTemplate(this, parsed.source(), parsed.body(), parsed.scope(), parsed.macros(),
                parsed.blocks(), parsed.usesSelf());
    }

    public Template parse(String source) {
        return parse(source, "<template>");
    }

    /** The filter registered under {@code name} (built-in or added), or {@code null}. */
    public Filter filter(String name) {
        return filters.get(name);
    }

    /** The test registered under {@code name} (built-in or added), or {@code null}. */
    public Test test(String name) {
        return tests.get(name);
    }

    /** Every global name templates see below their render's own globals: Jinja2's and the added ones. */
    public Map<String, Object> globals() {
        return globals;
    }

    /** The block tag named {@code name}, or {@code null}. */
    public BlockTag blockTag(String name) {
        return settings.blockTags.get(name);
    }

    public boolean trimBlocks() {
        return settings.trimBlocks;
    }

    public boolean lstripBlocks() {
        return settings.lstripBlocks;
    }

    public boolean keepTrailingNewline() {
        return settings.keepTrailingNewline;
    }

    public UndefinedMode undefinedMode() {
        return settings.undefinedMode;
    }

    /** Builds an {@link Environment}. */
    public static final class Builder {
        private boolean trimBlocks;
        private boolean lstripBlocks;
        private boolean keepTrailingNewline;
        private UndefinedMode undefinedMode = UndefinedMode.DEFAULT;
        private final Map<String, Object> globals = new LinkedHashMap<>();
        private final Map<String, Filter> filters = new LinkedHashMap<>();
        private final Map<String, Test> tests = new LinkedHashMap<>();
        private final Map<String, BlockTag> blockTags = new LinkedHashMap<>();

        private Builder() {
        }

        private Builder copy() {
            Builder b = new Builder();
            b.trimBlocks = trimBlocks;
            b.lstripBlocks = lstripBlocks;
            b.keepTrailingNewline = keepTrailingNewline;
            b.undefinedMode = undefinedMode;
            b.globals.putAll(globals);
            b.filters.putAll(filters);
            b.tests.putAll(tests);
            b.blockTags.putAll(blockTags);
            return b;
        }

        public Builder trimBlocks(boolean value) {
            this.trimBlocks = value;
            return this;
        }

        public Builder lstripBlocks(boolean value) {
            this.lstripBlocks = value;
            return this;
        }

        public Builder keepTrailingNewline(boolean value) {
            this.keepTrailingNewline = value;
            return this;
        }

        public Builder undefined(UndefinedMode mode) {
            this.undefinedMode = Objects.requireNonNull(mode, "mode is null");
            return this;
        }

        /** A global name every template sees (lowest priority). The value must be safe to share across threads. */
        public Builder global(String name, Object value) {
            globals.put(Objects.requireNonNull(name, "name is null"), value);
            return this;
        }

        /** Adds or replaces a filter. */
        public Builder filter(String name, Filter filter) {
            filters.put(Objects.requireNonNull(name, "name is null"), Objects.requireNonNull(filter, "filter is null"));
            return this;
        }

        /** Adds or replaces a test. */
        public Builder test(String name, Test test) {
            tests.put(Objects.requireNonNull(name, "name is null"), Objects.requireNonNull(test, "test is null"));
            return this;
        }

        /** Adds a block tag such as dbt's {@code materialization}, {@code test}, {@code docs} or {@code snapshot}. */
        public Builder blockTag(BlockTag tag) {
            blockTags.put(tag.name(), tag);
            return this;
        }

        public Environment build() {
            return new Environment(this);
        }
    }
}
