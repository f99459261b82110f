package io.slipway.jinja.tree;

import io.slipway.jinja.runtime.Frame;
import io.slipway.jinja.runtime.Py;

/** Comparisons, chained as Python chains them: {@code 1 < x < 5}, {@code x in xs}, {@code x not in xs}. */
public final class Compare extends Expr {
    /** The comparison operators. */
    public enum Op { EQ, NE, LT, LTEQ, GT, GTEQ, IN, NOTIN }

    private final Expr first;
    private final Op[] ops;
    private final Expr[] operands;

    public Compare(Expr first, Op[] ops, Expr[] operands, int line) {
        super(line);
        this.first = first;
        this.ops = ops;
        this.operands = operands;
    }

    @Override
    public Object eval(Frame frame) {
        Object left = first.eval(frame);
        for (int i = 0; i < ops.length; i++) {
            Object right = operands[i].eval(frame);
            if (!test(ops[i], left, right)) {
                return Boolean.FALSE;
            }
            left = right;
        }
        return Boolean.TRUE;
    }

    private static boolean test(Op op, Object a, Object b) {
        return switch (op) {
            case EQ -> Py.eq(a, b);
            case NE -> !Py.eq(a, b);
            case LT -> Py.compare("<", a, b);
            case LTEQ -> Py.compare("<=", a, b);
            case GT -> Py.compare(">", a, b);
            case GTEQ -> Py.compare(">=", a, b);
            case IN -> Py.contains(b, a);
            case NOTIN -> !Py.contains(b, a);
        };
    }

    @Override
    public String nodeName() {
        return "compare";
    }
}
