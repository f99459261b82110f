package io.slipway.jinja;

import java.util.List;

/**
 * An extension block tag, {@code {% name ... %} body {% endname %}}, that defines a macro, as dbt's
 * {@code materialization}, {@code test}, {@code docs} and {@code snapshot} tags do.
 *
 * <p>The engine reads the tag name, hands the rest of the opening tag to {@link #parse}, then parses the
 * body up to {@code end<name>}. The result behaves as {@code {% macro %}} with the returned name and
 * parameters: rendering the block binds the macro, and {@link Template#macros()} lists it.
 * Implementations must be stateless (one instance serves every parse, from any thread).
 */
public interface BlockTag {
    /** The tag name; the block ends at {@code end<name>}. */
    String name();

    /** Reads the header (the tokens between the tag name and {@code %}}) and names the macro it defines. */
    MacroSignature parse(TagParser parser);

    /** The macro a block tag defines: its name and parameters in order. */
    record MacroSignature(String name, List<TagParser.Parameter> parameters) {
        public MacroSignature {
            java.util.Objects.requireNonNull(name, "name is null");
            parameters = List.copyOf(parameters);
        }
    }
}
