package io.slipway.jinja.runtime;

import io.slipway.jinja.Environment;
import io.slipway.jinja.Globals;
import io.slipway.jinja.JinjaException;
import io.slipway.jinja.MacroDefinition;
import io.slipway.jinja.Template;
import io.slipway.jinja.TemplateModule;
import io.slipway.jinja.tree.Stmt;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A parsed template: its immutable tree and top-level macros. Each render gets its own frames. */
public final class CompiledTemplate implements Template {
    private final Environment environment;
    private final Source source;
    private final Stmt[] body;
    private final List<MacroDefinition> macros;

    public CompiledTemplate(Environment environment, Source source, Stmt[] body, List<? extends MacroDefinition> macros) {
        this.environment = environment;
        this.source = source;
        this.body = body;
        this.macros = List.copyOf(macros);
    }

    @Override
    public String name() {
        return source.name();
    }

    @Override
    public String render(Map<String, ?> variables) {
        return render(Globals.of(variables));
    }

    @Override
    public String render(Globals globals) {
        Frame root = Frame.root(environment, globals, source, new RenderState(environment));
        return run(root);
    }

    private String run(Frame root) {
        StringBuilder out = new StringBuilder(Math.max(64, source.text().length()));
        try {
            Stmt.renderAll(body, root, out);
        } catch (ReturnSignal r) {
            throw JinjaException.python("MacroReturn", "return() called outside of a macro")
                    .withLocation(source.name(), 0, 0, null);
        } catch (StackOverflowError e) {
            throw JinjaException.python("RecursionError", "maximum recursion depth exceeded")
                    .withLocation(source.name(), 0, 0, null);
        }
        return out.toString();
    }

    @Override
    public List<MacroDefinition> macros() {
        return macros;
    }

    @Override
    public TemplateModule module(Globals globals) {
        Frame root = Frame.root(environment, globals, source, new RenderState(environment));
        String output = run(root);
        Map<String, Object> exports = new LinkedHashMap<>();
        root.variables().forEach((name, value) -> {
            if (!name.startsWith("_")) {
                exports.put(name, value);
            }
        });
        return new TemplateModule(output, exports);
    }

    @Override
    public String toString() {
        return "<Template " + io.slipway.jinja.lexer.PyLiterals.repr(source.name()) + ">";
    }
}
