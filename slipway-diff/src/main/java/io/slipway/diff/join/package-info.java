/** The join diff: two relations of one warehouse compared by FULL OUTER JOINs inside it, rows never leaving it. */
package io.slipway.diff.join;
