package io.slipway.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A relation as a user names it: {@code table}, {@code schema.table} or {@code database.schema.table}.
 * Double quotes keep dots and case inside a part ({@code "My Schema".orders}).
 *
 * @param database null for the connection's default
 * @param schema   null for the connection's default
 */
public record RelationName(String database, String schema, String identifier) {
    public RelationName {
        Objects.requireNonNull(identifier, "identifier is null");
    }

    /** Parses {@code [[database.]schema.]table}. */
    public static RelationName parse(String text) {
        List<String> parts = split(text);
        return switch (parts.size()) {
            case 1 -> new RelationName(null, null, parts.get(0));
            case 2 -> new RelationName(null, parts.get(0), parts.get(1));
            case 3 -> new RelationName(parts.get(0), parts.get(1), parts.get(2));
            default -> throw new DiffException(DiffErrorCode.USAGE,
                    "'" + text + "' is not a relation name; write table, schema.table or database.schema.table");
        };
    }

    private static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    current.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == '.' && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        if (quoted || parts.stream().anyMatch(String::isBlank)) {
            throw new DiffException(DiffErrorCode.USAGE,
                    "'" + text + "' is not a relation name; write table, schema.table or database.schema.table");
        }
        return parts;
    }

    /** The name as written, parts joined by dots. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (database != null) {
            sb.append(database).append('.');
        }
        if (schema != null) {
            sb.append(schema).append('.');
        }
        return sb.append(identifier).toString();
    }
}
