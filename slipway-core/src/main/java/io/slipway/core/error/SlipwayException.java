package io.slipway.core.error;

import java.nio.file.Path;
import java.util.Objects;

/**
 * An error a user can act on: what went wrong ({@link #getMessage()}), where (file and line, when known),
 * and a stable {@link ErrorCode}.
 */
public class SlipwayException extends RuntimeException {
    private final ErrorCode code;
    private final String file;
    private final int line;

    public SlipwayException(ErrorCode code, String message) {
        this(code, message, null, 0, null);
    }

    public SlipwayException(ErrorCode code, String message, String file, int line) {
        this(code, message, file, line, null);
    }

    public SlipwayException(ErrorCode code, String message, String file, int line, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code is null");
        this.file = file;
        this.line = line;
    }

    public static SlipwayException at(ErrorCode code, Path file, int line, String message) {
        return new SlipwayException(code, message, file == null ? null : file.toString(), line);
    }

    public ErrorCode code() {
        return code;
    }

    /** The file the error is in, relative to the project where possible, or null. */
    public String file() {
        return file;
    }

    /** 1-based line in {@link #file()}, or 0. */
    public int line() {
        return line;
    }

    /** The message with its location, as the console prints it. */
    public String describe() {
        if (file == null) {
            return getMessage();
        }
        return getMessage() + "\n  in " + file + (line > 0 ? ", line " + line : "");
    }
}
