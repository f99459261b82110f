package io.slipway.core.manifest;

/** A {@code {% docs name %}} block, referenced from descriptions with {@code doc('name')}. */
public record DocBlock(String uniqueId, String name, String packageName, String path, String originalFilePath, String blockContents) {
}
