package io.slipway.core.deps;

/**
 * The flags of {@code deps}.
 *
 * @param upgrade    {@code --upgrade}: resolve again and rewrite package-lock.yml even if packages.yml did not change
 * @param lockOnly   {@code --lock}: write package-lock.yml without installing
 * @param addPackage {@code --add-package name@version}, or null
 * @param source     {@code --source} of the added package: {@code hub}, {@code git} or {@code local}
 */
public record DepsOptions(boolean upgrade, boolean lockOnly, String addPackage, String source) {
    public DepsOptions {
        source = source == null ? "hub" : source;
    }

    /** {@code deps} with no flags. */
    public static DepsOptions defaults() {
        return new DepsOptions(false, false, null, "hub");
    }
}
