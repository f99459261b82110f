package io.slipway.jinja;

import java.util.List;
import java.util.Map;

/**
 * A callable macro. Calling it renders its body and returns the output string, or, when the body calls
 * the environment's {@code return(x)} function, returns {@code x} (dbt's {@code MacroReturn}).
 */
public interface Macro extends JinjaCallable, PyObject {
    MacroDefinition definition();

    /** Calls from Java, outside any render. */
    Object invoke(List<?> positional, Map<String, ?> keywords);
}
