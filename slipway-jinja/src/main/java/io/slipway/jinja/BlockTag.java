package io.slipway.jinja;

/**
 * An extension block tag, {@code {% name ... %} body {% endname %}}, that defines a macro, as dbt's
 * {@code materialization}, {@code test}, {@code docs} and {@code snapshot} tags do.
 * (Shape to be completed by the engine: the tag parses its header and names the macro it defines.)
 */
public interface BlockTag {
    /** The tag name; the block ends at {@code end<name>}. */
    String name();
}
