/** Timed runs of the data diff against the cost of a plain join or one hashing scan (the floors). */
package io.slipway.bench.diff;
