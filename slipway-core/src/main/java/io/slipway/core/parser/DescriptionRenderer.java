package io.slipway.core.parser;

import io.slipway.core.error.ErrorCode;
import io.slipway.core.error.SlipwayException;
import io.slipway.core.manifest.ColumnSpec;
import io.slipway.core.manifest.DocBlock;
import io.slipway.core.template.DbtContext;
import io.slipway.core.template.Renderer;
import io.slipway.jinja.Globals;
import io.slipway.jinja.JinjaCallable;
import io.slipway.jinja.runtime.Py;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders descriptions as dbt does at parse time: {@code {{ doc('name') }}} (or {@code doc('package', 'name')})
 * becomes the doc block's text; {@code var} and {@code env_var} work too.
 */
final class DescriptionRenderer {
    private final DbtContext context;
    private final Map<String, DocBlock> docs;

    DescriptionRenderer(DbtContext context, Map<String, DocBlock> docs) {
        this.context = context;
        this.docs = docs;
    }

    String render(String description, String packageName, String file) {
        if (description == null || !(description.contains("{{") || description.contains("{%"))) {
            return description;
        }
        JinjaCallable doc = (ctx, args) -> {
            String pkg = args.positional().size() >= 2 ? Py.str(args.positional().get(0)) : null;
            String name = Py.str(args.positional().get(args.positional().size() >= 2 ? 1 : 0));
            DocBlock block = find(pkg, name, packageName);
            if (block == null) {
                throw new SlipwayException(ErrorCode.COMPILATION_ERROR,
                        "Documentation for '" + name + "' not found: add a {% docs " + name + " %} block to a .md file", file, 0);
            }
            return block.blockContents();
        };
        Globals globals = name -> switch (name) {
            case "doc" -> doc;
            default -> context.lookup(name);
        };
        try {
            return context.jinja().parse(description, file).render(globals);
        } catch (RuntimeException e) {
            throw Renderer.translate(e, file);
        }
    }

    Map<String, ColumnSpec> columns(Map<String, ColumnSpec> columns, String packageName, String file) {
        Map<String, ColumnSpec> out = new LinkedHashMap<>();
        for (ColumnSpec c : columns.values()) {
            out.put(c.name(), new ColumnSpec(c.name(), render(c.description(), packageName, file), c.meta(), c.dataType(),
                    c.constraints(), c.quote(), c.tags()));
        }
        return out;
    }

    private DocBlock find(String pkg, String name, String callerPackage) {
        if (pkg != null) {
            return docs.get("doc." + pkg + "." + name);
        }
        DocBlock own = docs.get("doc." + callerPackage + "." + name);
        if (own != null) {
            return own;
        }
        for (DocBlock d : docs.values()) {
            if (d.name().equals(name)) {
                return d;
            }
        }
        return null;
    }
}
