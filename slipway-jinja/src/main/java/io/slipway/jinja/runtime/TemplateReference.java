package io.slipway.jinja.runtime;

import io.slipway.jinja.JinjaCallable;
import io.slipway.jinja.PyObject;
import io.slipway.jinja.lexer.PyLiterals;
import io.slipway.jinja.tree.BlockStmt;

import java.util.Map;

/** Jinja2's {@code self}: the template's blocks, each callable to render it again ({@code self.title()}). */
final class TemplateReference implements PyObject, PyTyped {
    private final Map<String, BlockStmt> blocks;
    private final Frame root;

    TemplateReference(Map<String, BlockStmt> blocks, Frame root) {
        this.blocks = blocks;
        this.root = root;
    }

    @Override
    public Object getAttr(String name) {
        BlockStmt block = blocks.get(name);
        return block == null ? MISSING : new BlockReference(block, root);
    }

    @Override
    public String repr() {
        String name = root.source().name();
        return "<TemplateReference " + (name == null || name.equals("<template>") ? "None" : PyLiterals.repr(name)) + ">";
    }

    @Override
    public String pythonTypeName() {
        return "TemplateReference";
    }

    @Override
    public String pythonModule() {
        return "jinja2.runtime";
    }

    /** One block of {@code self}; calling it renders the block. */
    private record BlockReference(BlockStmt block, Frame root) implements PyObject, JinjaCallable {
        @Override
        public Object call(io.slipway.jinja.CallContext context, io.slipway.jinja.Arguments args) {
            StringBuilder out = new StringBuilder();
            io.slipway.jinja.tree.Stmt.rethrowReturn(block.renderBody(root, out), root);
            return out.toString();
        }

        @Override
        public Object getAttr(String name) {
            return MISSING;
        }

        @Override
        public String repr() {
            return "<jinja2.runtime.BlockReference object at 0x7f0000000000>";
        }
    }
}
