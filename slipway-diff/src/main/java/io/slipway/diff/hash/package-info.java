/**
 * The hash diff: two relations in two warehouses compared by checksums of key buckets computed on each
 * side, buckets that differ cut smaller until their rows' hashes, then the few differing rows, are fetched.
 * Buckets come from arithmetic on whole-number keys ({@link io.slipway.diff.hash.IntegerKeySpace}) or from
 * key quantiles for any other key ({@link io.slipway.diff.hash.RangeKeySpace}).
 */
package io.slipway.diff.hash;
