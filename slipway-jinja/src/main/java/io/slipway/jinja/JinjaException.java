package io.slipway.jinja;

/**
 * An error raised while parsing or rendering a template. It carries the Python exception type Jinja2
 * would raise ({@link #pythonType()}, e.g. {@code UndefinedError}, {@code TemplateSyntaxError},
 * {@code TypeError}), the message Jinja2 would give ({@link #pythonMessage()}), and where it happened.
 */
public class JinjaException extends RuntimeException {
    private final String pythonType;
    private final String pythonMessage;
    private final String templateName;
    private final int line;
    private final int column;
    private final String excerpt;

    public JinjaException(String pythonType, String pythonMessage, String templateName, int line, int column, String excerpt, Throwable cause) {
        super(format(pythonMessage, templateName, line, column, excerpt), cause);
        this.pythonType = pythonType;
        this.pythonMessage = pythonMessage;
        this.templateName = templateName;
        this.line = line;
        this.column = column;
        this.excerpt = excerpt;
    }

    /**
     * An error of a Python type with no location yet, as built-in filters, tests and operators raise it;
     * the renderer adds the template, line and excerpt where it happened.
     */
    public static JinjaException python(String pythonType, String pythonMessage) {
        return new JinjaException(pythonType, pythonMessage, null, 0, 0, null, null);
    }

    /** This error with a location, unless it already has one. */
    public JinjaException withLocation(String templateName, int line, int column, String excerpt) {
        if (this.templateName != null) {
            return this;
        }
        JinjaException located = new JinjaException(pythonType, pythonMessage, templateName, line, column, excerpt, getCause());
        located.setStackTrace(getStackTrace());
        return located;
    }

    private static String format(String message, String templateName, int line, int column, String excerpt) {
        StringBuilder sb = new StringBuilder(message);
        if (templateName != null) {
            sb.append("\n  in ").append(templateName);
            if (line > 0) {
                sb.append(", line ").append(line);
                if (column > 0) {
                    sb.append(", column ").append(column);
                }
            }
        }
        if (excerpt != null && !excerpt.isEmpty()) {
            sb.append("\n    ").append(excerpt);
        }
        return sb.toString();
    }

    /** The Python exception class name Jinja2 raises for this error, e.g. {@code UndefinedError}. */
    public String pythonType() {
        return pythonType;
    }

    /** The message as Python's {@code str(exception)} gives it, without location. */
    public String pythonMessage() {
        return pythonMessage;
    }

    public String templateName() {
        return templateName;
    }

    /** 1-based line, or 0 when unknown. */
    public int line() {
        return line;
    }

    /** 1-based column, or 0 when unknown. */
    public int column() {
        return column;
    }

    /** The source line where the error happened, or {@code null}. */
    public String excerpt() {
        return excerpt;
    }
}
