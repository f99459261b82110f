package io.slipway.jinja.runtime;

import io.slipway.jinja.Environment;
import io.slipway.jinja.Globals;
import io.slipway.jinja.JinjaException;
import io.slipway.jinja.MacroDefinition;
import io.slipway.jinja.Template;
import io.slipway.jinja.TemplateModule;
import io.slipway.jinja.tree.BlockStmt;
import io.slipway.jinja.tree.ScopeInfo;
import io.slipway.jinja.tree.Stmt;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A parsed template: its immutable tree and top-level macros. Each render gets its own frames. */
public final class CompiledTemplate implements Template {
    private final Environment environment;
    private final Source source;
    private final Stmt[] body;
    private final ScopeInfo scope;
    private final List<MacroDefinition> macros;
    private final Map<String, BlockStmt> blocks;
    private final boolean usesSelf;

    /**
     * @param scope    what the top level binds on entry
     * @param blocks   the {@code {% block %}}s by name, for {@code self}
     * @param usesSelf the template reads {@code self}
     */
    public CompiledTemplate(Environment environment, Source source, Stmt[] body, ScopeInfo scope,
            List<? extends MacroDefinition> macros, Map<String, BlockStmt> blocks, boolean usesSelf) {
        this.environment = environment;
        this.source = source;
        this.body = body;
        this.scope = scope;
        this.macros = List.copyOf(macros);
        this.blocks = Map.copyOf(blocks);
        this.usesSelf = usesSelf;
    }

    private Frame newRoot(Globals globals) {
        return newRoot(globals, environment.undefinedMode());
    }

    private Frame newRoot(Globals globals, io.slipway.jinja.UndefinedMode mode) {
        Frame root = Frame.root(environment, globals, source, new RenderState(environment, mode));
        scope.enter(root);
        if (usesSelf) {
            root.set("self", new TemplateReference(blocks, root));
        }
        return root;
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
        return run(newRoot(globals));
    }

    @Override
    public String render(Globals globals, io.slipway.jinja.UndefinedMode mode) {
        return run(newRoot(globals, mode));
    }

    private String run(Frame root) {
        StringBuilder out = new StringBuilder(Math.max(64, source.text().length()));
        try {
            Stmt.rethrowReturn(Stmt.renderAll(body, root, out), root);
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
        Frame root = newRoot(globals);
        String output = run(root);
        Map<String, Object> exports = new LinkedHashMap<>();
        root.variables().forEach((name, value) -> {
            if (!name.startsWith("_") && !(usesSelf && name.equals("self"))) {
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
