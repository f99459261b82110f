package io.slipway.adapter;

import java.util.Objects;

/** An adapter failure with a stable {@link AdapterErrorCode}. */
public class AdapterException extends RuntimeException {
    private final AdapterErrorCode code;

    public AdapterException(AdapterErrorCode code, String message) {
        this(code, message, null);
    }

    public AdapterException(AdapterErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code is null");
    }

    public AdapterErrorCode code() {
        return code;
    }
}
