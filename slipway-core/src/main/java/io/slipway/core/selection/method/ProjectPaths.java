package io.slipway.core.selection.method;

import java.util.ArrayList;
import java.util.List;

/** Path helpers with Python {@code pathlib} semantics, for paths relative to a project ({@code models/a.sql}). */
public final class ProjectPaths {
    private ProjectPaths() {
    }

    /** The path's parts, as {@code PurePath(p).parts}: separators collapsed, {@code .} parts dropped. */
    public static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        for (String part : path.replace('\\', '/').split("/", -1)) {
            if (!part.isEmpty() && !part.equals(".")) {
                out.add(part);
            }
        }
        return out;
    }

    /** The normalized form used as a key: parts joined by {@code /} ({@code ""} for the root itself). */
    public static String normalize(String path) {
        return String.join("/", segments(path));
    }

    /** The last part ({@code stg_orders.sql}). */
    public static String fileName(String path) {
        List<String> parts = segments(path);
        return parts.isEmpty() ? "" : parts.get(parts.size() - 1);
    }

    /** Python's {@code PurePath.stem}: the name without its last suffix ({@code .hidden} stays as is). */
    public static String stem(String name) {
        int i = name.lastIndexOf('.');
        if (i > 0 && i < name.length() - 1) {
            return name.substring(0, i);
        }
        return name;
    }

    /** The file of a patch path ({@code pkg://models/schema.yml} gives {@code models/schema.yml}), or null. */
    public static String patchFile(String patchPath) {
        if (patchPath == null) {
            return null;
        }
        int i = patchPath.indexOf("://");
        if (i < 0) {
            return null;
        }
        String rest = patchPath.substring(i + 3);
        int next = rest.indexOf("://");
        return next < 0 ? rest : rest.substring(0, next);
    }

    /** The normalized parent directories of a path, nearest first, ending with the root ({@code ""}). */
    public static List<String> parents(String path) {
        List<String> parts = segments(path);
        List<String> out = new ArrayList<>();
        for (int n = parts.size() - 1; n >= 0; n--) {
            out.add(String.join("/", parts.subList(0, n)));
        }
        return out;
    }
}
