package io.slipway.jinja.tree;

import io.slipway.jinja.Arguments;
import io.slipway.jinja.JinjaCallable;
import io.slipway.jinja.JinjaException;
import io.slipway.jinja.runtime.Frame;
import io.slipway.jinja.runtime.Py;
import io.slipway.jinja.runtime.TemplateMacro;
import io.slipway.jinja.runtime.UndefinedValue;

import java.util.Map;

/** Calling a value from a template. */
final class Calls {
    private Calls() {
    }

    /** Calls {@code fn} with evaluated arguments; {@code keywords} may be {@code null} and is owned by the callee. */
    static Object call(Object fn, Frame frame, int line, Object[] positional, Map<String, Object> keywords) {
        if (fn instanceof TemplateMacro m) {
            frame.state().at(frame, line);
            return m.call(frame.state(), positional, keywords);
        }
        if (fn instanceof JinjaCallable c) {
            return c.call(frame.state().at(frame, line), Arguments.wrap(positional, keywords));
        }
        if (fn instanceof UndefinedValue u) {
            return u.chain();
        }
        throw JinjaException.python("TypeError", "'" + Py.typeName(fn) + "' object is not callable");
    }
}
