package io.slipway.core.parser;

import java.util.regex.Pattern;

/** dbt's rule for generic test arguments: which strings are expressions ({@code ref('x')}, {@code source(...)}, {@code var(...)}). */
public final class TestArguments {
    private static final Pattern LOOKS_LIKE_FUNCTION = Pattern.compile("^\\s*(env_var|ref|var|source|doc)\\s*\\(.+\\)\\s*$", Pattern.DOTALL);

    private TestArguments() {
    }

    /** Whether dbt renders the argument as an expression rather than keeping it as text. */
    public static boolean looksLikeFunction(String value) {
        return LOOKS_LIKE_FUNCTION.matcher(value).matches();
    }
}
