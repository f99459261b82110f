package io.slipway.jinja.tree;

import io.slipway.jinja.runtime.Frame;
import io.slipway.jinja.runtime.Py;

/** Arithmetic: {@code + - * / // % **}. */
public final class BinOp extends Expr {
    /** The operators, named as Jinja2's node classes. */
    public enum Op { ADD, SUB, MUL, DIV, FLOORDIV, MOD, POW }

    private final Op op;
    private final Expr left;
    private final Expr right;

    public BinOp(Op op, Expr left, Expr right, int line) {
        super(line);
        this.op = op;
        this.left = left;
        this.right = right;
    }

    @Override
    public Object eval(Frame frame) {
        Object a = left.eval(frame);
        Object b = right.eval(frame);
        return switch (op) {
            case ADD -> Py.add(a, b);
            case SUB -> Py.sub(a, b);
            case MUL -> Py.mul(a, b);
            case DIV -> Py.truediv(a, b);
            case FLOORDIV -> Py.floordiv(a, b);
            case MOD -> Py.mod(a, b);
            case POW -> Py.pow(a, b);
        };
    }

    @Override
    public String nodeName() {
        return op.name().toLowerCase(java.util.Locale.ROOT);
    }
}
