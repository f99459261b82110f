package io.slipway.core.selection;

import io.slipway.core.error.ErrorCode;
import io.slipway.core.error.SlipwayException;
import io.slipway.core.parser.Suggestions;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * dbt's command-line selection grammar ({@code selector_spec.py}, {@code cli.py}): each {@code --select} or
 * {@code --exclude} argument is split on whitespace into a union, each token on {@code ,} into an intersection,
 * and each part is one criterion {@code [@][N+][method[.arg...]:]value[+N]}.
 */
public final class SelectorParser {
    /** dbt's {@code RAW_SELECTOR_PATTERN}. */
    static final Pattern RAW_SELECTOR = Pattern.compile(
            "\\A(?<cp>@)?(?<parents>(?<pdepth>\\d*)\\+)?(?:(?<method>[\\w.]+):)?(?<value>.*?)(?<children>\\+(?<cdepth>\\d*))?\\z",
            Pattern.UNICODE_CHARACTER_CLASS);

    /** What selects when there is no {@code --select}: dbt's {@code DEFAULT_INCLUDES}. */
    public static final List<String> DEFAULT_INCLUDES = List.of("fqn:*", "source:*", "exposure:*", "metric:*",
            "semantic_model:*", "saved_query:*", "unit_test:*");

    private SelectorParser() {
    }

    /**
     * {@code --select} minus {@code --exclude}. An empty {@code select} means dbt's default includes (everything);
     * each token the user wrote warns when it selects nothing.
     */
    public static SelectionGroup parseDifference(List<String> select, List<String> exclude, IndirectSelection indirect) {
        SelectionGroup included = select.isEmpty()
                ? parseUnion(DEFAULT_INCLUDES, false, indirect)
                : parseUnion(select, true, indirect);
        SelectionGroup excluded = parseUnion(exclude, true, indirect);
        return new SelectionGroup(SelectionGroup.Kind.DIFFERENCE, List.of(included, excluded), indirect, false,
                describe(select, exclude));
    }

    /** A union of the arguments' whitespace-separated tokens, each an intersection of its comma-separated parts. */
    public static SelectionGroup parseUnion(List<String> arguments, boolean expectExists, IndirectSelection indirect) {
        List<SelectionNode> tokens = new ArrayList<>();
        for (String argument : arguments) {
            for (String token : argument.strip().split("\\s+")) {
                List<SelectionNode> parts = new ArrayList<>();
                for (String part : token.split(",", -1)) {
                    parts.add(parseCriterion(part, indirect));
                }
                tokens.add(new SelectionGroup(SelectionGroup.Kind.INTERSECTION, parts, indirect, expectExists, token));
            }
        }
        return new SelectionGroup(SelectionGroup.Kind.UNION, tokens, indirect, false, String.join(" ", arguments));
    }

    /**
     * One criterion as written ({@code +stg_orders}, {@code tag:nightly+1}, {@code @path:models/marts}).
     *
     * @param indirect the criterion's indirect selection, or null for the invocation's
     */
    public static SelectionCriteria parseCriterion(String raw, IndirectSelection indirect) {
        Matcher m = RAW_SELECTOR.matcher(raw);
        if (!m.matches()) {
            throw new SlipwayException(ErrorCode.SELECTOR_INVALID, "Invalid selector spec \"" + raw
                    + "\": a selector is [@][N+][method:]value[+N] on one line, e.g. +tag:nightly or path:models/staging+1");
        }
        String value = m.group("value");
        String rawMethod = m.group("method");
        MethodName method;
        List<String> arguments;
        if (rawMethod == null) {
            method = defaultMethod(value);
            arguments = List.of();
        } else {
            String[] parts = rawMethod.split("\\.", -1);
            method = method(parts[0], raw);
            arguments = List.of(parts).subList(1, parts.length);
        }
        boolean childrensParents = m.group("cp") != null;
        boolean children = m.group("children") != null;
        if (childrensParents && children) {
            throw new SlipwayException(ErrorCode.SELECTOR_INVALID, "Invalid selector '" + raw
                    + "': the \"@\" prefix and a \"+\" suffix cannot be combined (\"@\" already takes every descendant and "
                    + "their ancestors); write '@" + stripOperators(value, rawMethod) + "' or '"
                    + stripOperators(value, rawMethod) + "+'");
        }
        return new SelectionCriteria(raw, method, arguments, value, childrensParents,
                m.group("parents") != null, depth(m.group("pdepth"), raw),
                children, depth(m.group("cdepth"), raw), indirect);
    }

    /** dbt's default method: a value with a path separator is a path, one ending in .sql/.py/.csv a file, else an fqn. */
    public static MethodName defaultMethod(String value) {
        if (value.indexOf('/') >= 0 || (File.separatorChar == '\\' && value.indexOf('\\') >= 0)) {
            return MethodName.PATH;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".sql") || lower.endsWith(".py") || lower.endsWith(".csv")) {
            return MethodName.FILE;
        }
        return MethodName.FQN;
    }

    /** The method named {@code name}, or a SELECTOR_INVALID error naming the valid ones. */
    static MethodName method(String name, String raw) {
        MethodName method = MethodName.fromDbtName(name);
        if (method == null) {
            throw new SlipwayException(ErrorCode.SELECTOR_INVALID, "'" + name + "' is not a valid method name in selector '"
                    + raw + "'." + Suggestions.didYouMean(name, MethodName.dbtNames()) + " Valid methods: "
                    + String.join(", ", MethodName.dbtNames()) + ".");
        }
        return method;
    }

    /** dbt's {@code _match_to_int}: empty or absent is unlimited (null). */
    static Integer depth(Object raw, String spec) {
        if (raw == null || !PyValues.truthy(raw)) {
            return null;
        }
        if (raw instanceof Boolean) {
            return 1;
        }
        if (raw instanceof Number n) {
            // Python's int() truncates a float
            return (int) Math.min(Integer.MAX_VALUE, n.longValue());
        }
        try {
            return Integer.parseInt(PyValues.str(raw).strip());
        } catch (NumberFormatException e) {
            throw new SlipwayException(ErrorCode.SELECTOR_INVALID, "Invalid selector '" + spec + "': could not handle the depth "
                    + PyValues.str(raw) + "; a depth is a whole number of steps, e.g. 2+stg_orders or parents_depth: 2");
        }
    }

    private static String stripOperators(String value, String method) {
        return method == null ? value : method + ":" + value;
    }

    private static String describe(List<String> select, List<String> exclude) {
        String s = select.isEmpty() ? "(default)" : String.join(" ", select);
        return exclude.isEmpty() ? s : s + " --exclude " + String.join(" ", exclude);
    }
}
