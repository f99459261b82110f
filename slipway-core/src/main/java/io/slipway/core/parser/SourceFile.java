package io.slipway.core.parser;

import java.util.Objects;

/**
 * One file of a package, read.
 *
 * @param packageName      the package it belongs to
 * @param originalFilePath path relative to the package root ({@code models/staging/stg_orders.sql})
 * @param resourcePath     path relative to its resource folder ({@code staging/stg_orders.sql})
 * @param contents         the text
 * @param absolutePath     where it is on disk, or a classpath location for Slipway's own macros
 */
public record SourceFile(String packageName, String originalFilePath, String resourcePath, String contents, String absolutePath) {
    public SourceFile {
        Objects.requireNonNull(packageName, "packageName is null");
        Objects.requireNonNull(originalFilePath, "originalFilePath is null");
        Objects.requireNonNull(resourcePath, "resourcePath is null");
        Objects.requireNonNull(contents, "contents is null");
    }

    /** The file name without its extension ({@code stg_orders}). */
    public String stem() {
        String name = resourcePath.substring(resourcePath.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    /** The folders between the resource folder and the file ({@code [staging]}). */
    public java.util.List<String> folders() {
        String[] parts = resourcePath.split("/");
        return java.util.List.of(parts).subList(0, parts.length - 1);
    }
}
