package io.slipway.diff.hash;

import java.math.BigInteger;
import java.util.List;

/** A bucket's checksum on one side: its row count and the sums of its rows' hashes. */
record Checksum(long count, List<BigInteger> sums) {
    Checksum {
        sums = List.copyOf(sums);
    }
}
