package io.slipway.core.manifest;

import java.math.BigDecimal;

/**
 * A model's place among its versions ({@code versions:} in properties) and its deprecation date.
 *
 * @param version         the version as written ({@code 2}, {@code 1.5}, {@code "beta"}), or null for an unversioned model
 * @param latestVersion   {@code latest_version}, or the greatest version when not written; null when unversioned
 * @param deprecationDate {@code deprecation_date} as an ISO date-time with offset, or null
 */
public record VersionInfo(Object version, Object latestVersion, String deprecationDate) {
    public static final VersionInfo NONE = new VersionInfo(null, null, null);

    /** The version as dbt prints it ({@code str(v)}), or null. */
    public String versionText() {
        return text(version);
    }

    public String latestText() {
        return text(latestVersion);
    }

    public boolean isVersioned() {
        return version != null;
    }

    /** dbt's {@code is_latest_version}: the version equals latest_version (numbers compare as numbers). */
    public boolean isLatest() {
        return version != null && latestVersion != null && same(version, latestVersion);
    }

    /** Python's {@code str()} of a version: whole numbers without a fraction, floats as Python prints them. */
    public static String text(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Double d) {
            return d == Math.rint(d) && !Double.isInfinite(d) ? String.valueOf(d.longValue()) + ".0" : String.valueOf(d);
        }
        if (v instanceof BigDecimal b) {
            return b.toPlainString();
        }
        return v.toString();
    }

    /** Python's {@code ==} between two versions: numbers by value, anything else as equal objects. */
    public static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
        }
        return a.equals(b);
    }

    /** dbt's {@code UnparsedVersion} order: as numbers when both parse as numbers, else as text. */
    public static int compare(Object a, Object b) {
        try {
            return Double.compare(Double.parseDouble(text(a).trim()), Double.parseDouble(text(b).trim()));
        } catch (NumberFormatException e) {
            return text(a).compareTo(text(b));
        }
    }
}
