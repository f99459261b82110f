package io.slipway.diff.hash;

import java.util.List;

/**
 * A row fetched from a bucket whose checksums differ.
 *
 * @param key       the key's canonical values (what rows are matched by)
 * @param keyRaw    the key as stored
 * @param canonical each compared value's canonical form (Long, Double or String)
 * @param raw       each compared value as stored
 * @param doubles   each compared value as a double, for tolerances (null entries when not numeric)
 */
record FetchedRow(List<Object> key, List<Object> keyRaw, List<Object> canonical, List<Object> raw, List<Object> doubles) {
}
