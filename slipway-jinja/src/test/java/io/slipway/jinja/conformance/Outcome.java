package io.slipway.jinja.conformance;

/**
 * What rendering a case gave: its output, or the error raised. A golden holds one, and so does a render
 * with slipway-jinja.
 */
sealed interface Outcome {
    /**
     * Whether {@code actual} is what the golden {@code expected} says: the same output byte for byte, or an
     * error of the same Python type and message (and line, where the golden records one).
     */
    static boolean matches(Outcome expected, Outcome actual) {
        if (expected instanceof Error e && actual instanceof Error a) {
            return e.type().equals(a.type()) && e.message().equals(a.message())
                    && (e.line() == null || e.line().equals(a.line()));
        }
        return expected.equals(actual);
    }

    /** A readable form for failure messages: escapes make whitespace differences visible. */
    String describe();

    record Output(String text) implements Outcome {
        @Override
        public String describe() {
            return "output " + quote(text);
        }
    }

    /** @param line the line of a syntax error; {@code null} in a golden that records none */
    record Error(String type, String message, Integer line) implements Outcome {
        @Override
        public String describe() {
            return type + ": " + quote(message) + (line == null ? "" : " (line " + line + ")");
        }
    }

    /** A Java failure that is no Python error at all (an engine bug or a missing feature). */
    record Crash(Throwable cause) implements Outcome {
        @Override
        public String describe() {
            return "Java exception " + cause;
        }
    }

    static String quote(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
