package io.slipway.core.deps;

/**
 * Where a package entry was declared, for error messages.
 *
 * @param file  the file as the user knows it ({@code packages.yml}, {@code dbt_packages/x/packages.yml}, ...)
 * @param line  1-based line of the entry, or 0 when unknown
 * @param owner the package whose file it is, or null for the root project
 */
public record Origin(String file, int line, String owner) {
    /** {@code packages.yml line 3}, or with the owning package named. */
    public String describe() {
        String where = line > 0 ? file + " line " + line : file;
        return owner == null ? where : where + " (package " + owner + ")";
    }
}
