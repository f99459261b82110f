package io.slipway.diff;

import java.util.Objects;

/** A diff failure that says what went wrong, on which relation, and what to do. */
public class DiffException extends RuntimeException {
    private final DiffErrorCode code;

    public DiffException(DiffErrorCode code, String message) {
        this(code, message, null);
    }

    public DiffException(DiffErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code is null");
    }

    public DiffErrorCode code() {
        return code;
    }
}
