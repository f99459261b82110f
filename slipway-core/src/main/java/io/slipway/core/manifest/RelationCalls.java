package io.slipway.core.manifest;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code ref(...)} or {@code source(...)} call written as text in YAML (a unit test's input, an
 * exposure's depends_on, a YAML snapshot's relation), as dbt's static extractor does: quoted names only.
 */
public final class RelationCalls {
    private static final Pattern REF = Pattern.compile(
            "\\s*ref\\s*\\(\\s*(['\"])([^'\"]+)\\1\\s*(?:,\\s*(['\"])([^'\"]+)\\3\\s*)?(?:,\\s*(?:v|version)\\s*=\\s*['\"]?([^'\")\\s]+)['\"]?\\s*)?\\)\\s*",
            Pattern.DOTALL);
    private static final Pattern SOURCE = Pattern.compile("\\s*source\\s*\\(\\s*(['\"])([^'\"]+)\\1\\s*,\\s*(['\"])([^'\"]+)\\3\\s*\\)\\s*",
            Pattern.DOTALL);

    private RelationCalls() {
    }

    /** {@code ref('name')}, {@code ref('package', 'name')}, with {@code v=} or {@code version=}; else empty. */
    public static Optional<RefCall> ref(String text) {
        Matcher m = REF.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(m.group(4) != null ? new RefCall(m.group(4), m.group(2), m.group(5)) : new RefCall(m.group(2), null, m.group(5)));
    }

    /** {@code source('source_name', 'table_name')} as [source, table]; else empty. */
    public static Optional<List<String>> source(String text) {
        Matcher m = SOURCE.matcher(text);
        return m.matches() ? Optional.of(List.of(m.group(2), m.group(4))) : Optional.empty();
    }
}
