/**
 * The manifest: immutable records of every node, source, macro and doc block a project defines, with the
 * dependency maps between them. It is the one representation between parsing and execution, and what
 * {@code target/manifest.json} serializes.
 */
package io.slipway.core.manifest;
