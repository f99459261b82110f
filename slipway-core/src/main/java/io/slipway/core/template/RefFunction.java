package io.slipway.core.template;

import io.slipway.core.error.ErrorCode;
import io.slipway.core.error.SlipwayException;
import io.slipway.core.manifest.RefCall;
import io.slipway.jinja.Arguments;
import io.slipway.jinja.CallContext;
import io.slipway.jinja.JinjaCallable;
import io.slipway.jinja.runtime.Py;

import java.util.List;

/** {@code ref('model')}, {@code ref('package', 'model')}, {@code ref('model', v=2)}; and {@code source('src', 'table')}. */
public final class RefFunction {
    private RefFunction() {
    }

    public static JinjaCallable ref(RelationResolver resolver) {
        return (context, args) -> resolver.ref(context, refCall(args));
    }

    public static JinjaCallable source(RelationResolver resolver) {
        return (context, args) -> {
            List<Object> p = args.positional();
            if (p.size() != 2 && !(p.size() == 0 && args.keywords().containsKey("source_name"))) {
                throw new SlipwayException(ErrorCode.COMPILATION_ERROR,
                        "source() takes exactly two arguments (source name, table name), got " + p.size());
            }
            String source = Py.str(args.get(0, "source_name", ""));
            String table = Py.str(args.get(1, "table_name", ""));
            return resolver.source(context, source, table);
        };
    }

    static RefCall refCall(Arguments args) {
        List<Object> p = args.positional();
        Object version = args.keywords().containsKey("version") ? args.keywords().get("version") : args.keywords().get("v");
        String v = version == null ? null : Py.str(version);
        if (p.size() == 1) {
            return new RefCall(Py.str(p.get(0)), null, v);
        }
        if (p.size() == 2) {
            return new RefCall(Py.str(p.get(1)), Py.str(p.get(0)), v);
        }
        throw new SlipwayException(ErrorCode.COMPILATION_ERROR,
                "ref() takes at most two arguments (package name, model name), got " + p.size());
    }

    /** For messages: how a ref was written. */
    public static String describe(RefCall call) {
        return "ref(" + (call.packageName() == null ? "" : "'" + call.packageName() + "', ") + "'" + call.name() + "'"
                + (call.version() == null ? "" : ", v=" + call.version()) + ")";
    }

}
