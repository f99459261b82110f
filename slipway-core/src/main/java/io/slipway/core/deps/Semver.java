package io.slipway.core.deps;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * dbt's semantic versions: {@code major.minor.patch} with an optional prerelease and build, and the version
 * specifiers packages.yml takes ({@code ">=1.0.0"}, {@code "<2.0.0"}, {@code "1.1.1"}), reduced to one range.
 */
final class Semver {
    private static final String NUM = "(0|[1-9]\\d*)";
    private static final String PRE = "(?:0|[1-9A-Za-z-][0-9A-Za-z-]*)";
    private static final Pattern SPECIFIER = Pattern.compile("^\\s*(>=|>|<=|<|=)?\\s*" + NUM + "\\." + NUM + "\\." + NUM
            + "(?:-?(" + PRE + "(?:\\." + PRE + ")*))?(?:\\+([0-9A-Za-z-]*(?:\\.[0-9A-Za-z-]*)*))?\\s*$");

    private Semver() {
    }

    /** A version; ordered as semver orders versions (a prerelease sorts before its release). */
    record Version(long major, long minor, long patch, String prerelease, String build) implements Comparable<Version> {
        boolean isPrerelease() {
            return prerelease != null;
        }

        @Override
        public int compareTo(Version o) {
            int c = Long.compare(major, o.major);
            if (c == 0) {
                c = Long.compare(minor, o.minor);
            }
            if (c == 0) {
                c = Long.compare(patch, o.patch);
            }
            if (c != 0) {
                return c;
            }
            if (prerelease == null || o.prerelease == null) {
                return prerelease == null ? (o.prerelease == null ? 0 : 1) : -1;
            }
            return comparePrerelease(prerelease, o.prerelease);
        }

        @Override
        public String toString() {
            return major + "." + minor + "." + patch + (prerelease == null ? "" : "-" + prerelease) + (build == null ? "" : "+" + build);
        }
    }

    /** One bound of a range; a null version is unbounded. */
    record Bound(Version version, boolean inclusive) {
        static final Bound NONE = new Bound(null, false);
    }

    /** The versions between two bounds. */
    record Range(Bound lower, Bound upper) {
        static final Range ANY = new Range(Bound.NONE, Bound.NONE);

        boolean contains(Version v) {
            if (lower.version() != null) {
                int c = v.compareTo(lower.version());
                if (c < 0 || (c == 0 && !lower.inclusive())) {
                    return false;
                }
            }
            if (upper.version() != null) {
                int c = v.compareTo(upper.version());
                return c < 0 || (c == 0 && upper.inclusive());
            }
            return true;
        }

        /** The intersection, or null when no version can be in both. */
        Range intersect(Range o) {
            Bound lo = tighterLower(lower, o.lower);
            Bound hi = tighterUpper(upper, o.upper);
            if (lo.version() != null && hi.version() != null) {
                int c = lo.version().compareTo(hi.version());
                if (c > 0 || (c == 0 && !(lo.inclusive() && hi.inclusive()))) {
                    return null;
                }
            }
            return new Range(lo, hi);
        }

        private static Bound tighterLower(Bound a, Bound b) {
            if (a.version() == null || b.version() == null) {
                return a.version() == null ? b : a;
            }
            int c = a.version().compareTo(b.version());
            return c > 0 ? a : c < 0 ? b : new Bound(a.version(), a.inclusive() && b.inclusive());
        }

        private static Bound tighterUpper(Bound a, Bound b) {
            if (a.version() == null || b.version() == null) {
                return a.version() == null ? b : a;
            }
            int c = a.version().compareTo(b.version());
            return c < 0 ? a : c > 0 ? b : new Bound(a.version(), a.inclusive() && b.inclusive());
        }

        @Override
        public String toString() {
            if (lower.version() != null && lower.equals(upper)) {
                return "=" + lower.version();
            }
            List<String> parts = new ArrayList<>();
            if (lower.version() != null) {
                parts.add((lower.inclusive() ? ">=" : ">") + lower.version());
            }
            if (upper.version() != null) {
                parts.add((upper.inclusive() ? "<=" : "<") + upper.version());
            }
            return parts.isEmpty() ? "any version" : String.join(", ", parts);
        }
    }

    /** Parses a plain version, or returns null when it is not one. */
    static Version parseVersion(String text) {
        Matcher m = SPECIFIER.matcher(text);
        if (!m.matches() || m.group(1) != null) {
            return null;
        }
        return versionOf(m);
    }

    /** The range one specifier allows ({@code ">=1.0.0"}, {@code "1.2.3"}); throws IllegalArgumentException with dbt's wording. */
    static Range parseSpecifier(String text) {
        Matcher m = SPECIFIER.matcher(Objects.requireNonNull(text));
        if (!m.matches()) {
            throw new IllegalArgumentException("Invalid version string: '" + text + "' (expected major.minor.patch, optionally after >=, >, <=, < or =)");
        }
        Version v = versionOf(m);
        String op = m.group(1) == null ? "=" : m.group(1);
        return switch (op) {
            case ">=" -> new Range(new Bound(v, true), Bound.NONE);
            case ">" -> new Range(new Bound(v, false), Bound.NONE);
            case "<=" -> new Range(Bound.NONE, new Bound(v, true));
            case "<" -> new Range(Bound.NONE, new Bound(v, false));
            default -> new Range(new Bound(v, true), new Bound(v, true));
        };
    }

    /** Whether a specifier names a prerelease ({@code ">=1.0.0-b1"}), which lets prereleases be installed. */
    static boolean namesPrerelease(String text) {
        Matcher m = SPECIFIER.matcher(text);
        return m.matches() && m.group(5) != null;
    }

    private static Version versionOf(Matcher m) {
        return new Version(Long.parseLong(m.group(2)), Long.parseLong(m.group(3)), Long.parseLong(m.group(4)), m.group(5), m.group(6));
    }

    /** Compares dot-separated prerelease identifiers: numbers numerically and before words, words as text. */
    private static int comparePrerelease(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            boolean xn = x[i].matches("\\d+");
            boolean yn = y[i].matches("\\d+");
            int c;
            if (xn && yn) {
                c = new java.math.BigInteger(x[i]).compareTo(new java.math.BigInteger(y[i]));
            } else if (xn || yn) {
                c = xn ? -1 : 1;
            } else {
                c = x[i].compareTo(y[i]);
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }
}
