package io.slipway.jinja.runtime;

import io.slipway.jinja.JinjaException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python's numeric tower on Java values: {@code int} (Long fast path, BigInteger past 64 bits, bool as 0/1),
 * {@code float} (Double) and {@code decimal.Decimal} (BigDecimal, 28 significant digits as Python's default
 * context). Operands that are not numbers give {@code null} from the operators so the caller can try
 * sequence semantics or raise the TypeError.
 */
public final class PyNumbers {
    private PyNumbers() {
    }

    /** Python's default decimal context. */
    static final MathContext DECIMAL_CONTEXT = new MathContext(28, RoundingMode.HALF_EVEN);

    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    /** 0 = not a number, 1 = int (incl. bool), 2 = float, 3 = Decimal. */
    static int kind(Object o) {
        if (o instanceof Long || o instanceof Integer || o instanceof Boolean || o instanceof Short
                || o instanceof Byte || o instanceof BigInteger) {
            return 1;
        }
        if (o instanceof Double || o instanceof Float) {
            return 2;
        }
        if (o instanceof BigDecimal) {
            return 3;
        }
        return 0;
    }

    /** Whether {@code o} is a Python int (bool included). */
    public static boolean isInt(Object o) {
        return kind(o) == 1;
    }

    /** Whether {@code o} is an int, float or Decimal (bool included). */
    public static boolean isNumber(Object o) {
        return kind(o) != 0;
    }

    /** An int that fits a long. */
    static boolean fitsLong(Object o) {
        return !(o instanceof BigInteger b) || b.bitLength() < 64;
    }

    static long toLong(Object o) {
        if (o instanceof Boolean b) {
            return b ? 1 : 0;
        }
        return ((Number) o).longValue();
    }

    static BigInteger toBig(Object o) {
        if (o instanceof BigInteger b) {
            return b;
        }
        return BigInteger.valueOf(toLong(o));
    }

    /** A Python int as Long when it fits, else BigInteger. */
    public static Object normalize(BigInteger b) {
        if (b.bitLength() < 64) {
            return b.longValue();
        }
        return b;
    }

    /** Python's {@code float(x)} of a number: OverflowError for ints too large. */
    public static double toDouble(Object o) {
        if (o instanceof Double d) {
            return d;
        }
        if (o instanceof BigInteger b) {
            double d = b.doubleValue();
            if (Double.isInfinite(d)) {
                throw JinjaException.python("OverflowError", "int too large to convert to float");
            }
            return d;
        }
        if (o instanceof Boolean b) {
            return b ? 1.0 : 0.0;
        }
        return ((Number) o).doubleValue();
    }

    static BigDecimal toDecimal(Object o) {
        if (o instanceof BigDecimal d) {
            return d;
        }
        if (o instanceof BigInteger b) {
            return new BigDecimal(b);
        }
        return BigDecimal.valueOf(toLong(o));
    }

    /** Which arithmetic an operator uses for two numeric kinds: int, float or Decimal; 0 when Python refuses (Decimal with float). */
    private static int common(int ka, int kb) {
        if (ka == 3 || kb == 3) {
            return (ka == 2 || kb == 2) ? 0 : 3;
        }
        return Math.max(ka, kb);
    }

    private static JinjaException unsupported(String op, Object a, Object b) {
        return JinjaException.python("TypeError",
                "unsupported operand type(s) for " + op + ": '" + Py.typeName(a) + "' and '" + Py.typeName(b) + "'");
    }

    // ------------------------------------------------------------------------------------------ operators

    static Object add(Object a, Object b) {
        int k = binaryKind("+", a, b);
        if (k < 0) {
            return null;
        }
        switch (k) {
            case 1:
                if (fitsLong(a) && fitsLong(b)) {
                    long x = toLong(a);
                    long y = toLong(b);
                    long r = x + y;
                    if (((x ^ r) & (y ^ r)) < 0) {
                        return BigInteger.valueOf(x).add(BigInteger.valueOf(y));
                    }
                    return r;
                }
                return normalize(toBig(a).add(toBig(b)));
            case 2:
                return toDouble(a) + toDouble(b);
            default:
                return toDecimal(a).add(toDecimal(b), DECIMAL_CONTEXT);
        }
    }

    static Object sub(Object a, Object b) {
        int k = binaryKind("-", a, b);
        if (k < 0) {
            return null;
        }
        switch (k) {
            case 1:
                if (fitsLong(a) && fitsLong(b)) {
                    long x = toLong(a);
                    long y = toLong(b);
                    long r = x - y;
                    if (((x ^ y) & (x ^ r)) < 0) {
                        return BigInteger.valueOf(x).subtract(BigInteger.valueOf(y));
                    }
                    return r;
                }
                return normalize(toBig(a).subtract(toBig(b)));
            case 2:
                return toDouble(a) - toDouble(b);
            default:
                return toDecimal(a).subtract(toDecimal(b), DECIMAL_CONTEXT);
        }
    }

    static Object mul(Object a, Object b) {
        int k = binaryKind("*", a, b);
        if (k < 0) {
            return null;
        }
        switch (k) {
            case 1:
                if (fitsLong(a) && fitsLong(b)) {
                    long x = toLong(a);
                    long y = toLong(b);
                    long hi = Math.multiplyHigh(x, y);
                    long lo = x * y;
                    if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) {
                        return lo;
                    }
                    return BigInteger.valueOf(x).multiply(BigInteger.valueOf(y));
                }
                return normalize(toBig(a).multiply(toBig(b)));
            case 2:
                return toDouble(a) * toDouble(b);
            default:
                return toDecimal(a).multiply(toDecimal(b), DECIMAL_CONTEXT);
        }
    }

    static Object truediv(Object a, Object b) {
        int k = binaryKind("/", a, b);
        if (k < 0) {
            return null;
        }
        if (k == 3) {
            BigDecimal y = toDecimal(b);
            if (y.signum() == 0) {
                throw decimalByZero(toDecimal(a));
            }
            return toDecimal(a).divide(y, DECIMAL_CONTEXT);
        }
        if (k == 1) {
            if (fitsLong(a) && fitsLong(b)) {
                long x = toLong(a);
                long y = toLong(b);
                if (y == 0) {
                    throw JinjaException.python("ZeroDivisionError", "division by zero");
                }
                if (Math.abs(x) <= (1L << 53) && Math.abs(y) <= (1L << 53)) {
                    return (double) x / (double) y;
                }
            }
            BigInteger x = toBig(a);
            BigInteger y = toBig(b);
            if (y.signum() == 0) {
                throw JinjaException.python("ZeroDivisionError", "division by zero");
            }
            double r = new BigDecimal(x).divide(new BigDecimal(y), new MathContext(40, RoundingMode.HALF_EVEN)).doubleValue();
            if (Double.isInfinite(r)) {
                throw JinjaException.python("OverflowError", "integer division result too large for a float");
            }
            if (r == 0 && x.signum() * y.signum() < 0) {
                return -0.0;
            }
            if (r == 0 && x.signum() == 0 && y.signum() < 0) {
                return -0.0;
            }
            return r;
        }
        double y = toDouble(b);
        if (y == 0) {
            throw JinjaException.python("ZeroDivisionError", "float division by zero");
        }
        return toDouble(a) / y;
    }

    static Object floordiv(Object a, Object b) {
        int k = binaryKind("//", a, b);
        if (k < 0) {
            return null;
        }
        if (k == 1) {
            if (fitsLong(a) && fitsLong(b)) {
                long x = toLong(a);
                long y = toLong(b);
                if (y == 0) {
                    throw JinjaException.python("ZeroDivisionError", "integer division or modulo by zero");
                }
                if (x == Long.MIN_VALUE && y == -1) {
                    return BigInteger.valueOf(x).negate();
                }
                return Math.floorDiv(x, y);
            }
            BigInteger y = toBig(b);
            if (y.signum() == 0) {
                throw JinjaException.python("ZeroDivisionError", "integer division or modulo by zero");
            }
            BigInteger[] qr = toBig(a).divideAndRemainder(y);
            BigInteger q = qr[0];
            if (qr[1].signum() != 0 && (qr[1].signum() != y.signum())) {
                q = q.subtract(BigInteger.ONE);
            }
            return normalize(q);
        }
        if (k == 3) {
            BigDecimal y = toDecimal(b);
            if (y.signum() == 0) {
                throw decimalByZero(toDecimal(a));
            }
            return toDecimal(a).divideToIntegralValue(y, DECIMAL_CONTEXT).setScale(0, RoundingMode.DOWN);
        }
        double y = toDouble(b);
        if (y == 0) {
            throw JinjaException.python("ZeroDivisionError", "float floor division by zero");
        }
        return floatDivmod(toDouble(a), y)[0];
    }

    static Object mod(Object a, Object b) {
        int k = binaryKind("%", a, b);
        if (k < 0) {
            return null;
        }
        if (k == 1) {
            if (fitsLong(a) && fitsLong(b)) {
                long x = toLong(a);
                long y = toLong(b);
                if (y == 0) {
                    throw JinjaException.python("ZeroDivisionError", "integer modulo by zero");
                }
                if (y == -1) {
                    return 0L;
                }
                return Math.floorMod(x, y);
            }
            BigInteger y = toBig(b);
            if (y.signum() == 0) {
                throw JinjaException.python("ZeroDivisionError", "integer modulo by zero");
            }
            BigInteger r = toBig(a).mod(y.abs());
            if (y.signum() < 0 && r.signum() != 0) {
                r = r.add(y);
            }
            return normalize(r);
        }
        if (k == 3) {
            BigDecimal y = toDecimal(b);
            if (y.signum() == 0) {
                throw JinjaException.python("InvalidOperation", "[<class 'decimal.DivisionUndefined'>]");
            }
            return toDecimal(a).remainder(y, DECIMAL_CONTEXT);
        }
        double y = toDouble(b);
        if (y == 0) {
            throw JinjaException.python("ZeroDivisionError", "float modulo");
        }
        return floatDivmod(toDouble(a), y)[1];
    }

    /** CPython's float_divmod: floor quotient and remainder with the divisor's sign. */
    private static double[] floatDivmod(double vx, double wx) {
        double mod = vx % wx;
        double div = (vx - mod) / wx;
        if (mod != 0) {
            if ((wx < 0) != (mod < 0)) {
                mod += wx;
                div -= 1.0;
            }
        } else {
            mod = Math.copySign(0.0, wx);
        }
        double floordiv;
        if (div != 0) {
            floordiv = Math.floor(div);
            if (div - floordiv > 0.5) {
                floordiv += 1.0;
            }
        } else {
            floordiv = Math.copySign(0.0, vx / wx);
        }
        return new double[] {floordiv, mod};
    }

    static Object pow(Object a, Object b) {
        int ka = kind(a);
        int kb = kind(b);
        if (ka == 0 || kb == 0) {
            return null;
        }
        int k = common(ka, kb);
        if (k == 0) {
            throw JinjaException.python("TypeError", "unsupported operand type(s) for ** or pow(): '"
                    + Py.typeName(a) + "' and '" + Py.typeName(b) + "'");
        }
        if (k == 1) {
            BigInteger base = toBig(a);
            BigInteger exp = toBig(b);
            if (exp.signum() < 0) {
                if (base.signum() == 0) {
                    throw JinjaException.python("ZeroDivisionError", "0.0 cannot be raised to a negative power");
                }
                return floatPow(toDouble(a), toDouble(b));
            }
            if (base.equals(BigInteger.ONE) || base.signum() == 0) {
                return exp.signum() == 0 ? 1L : normalize(base);
            }
            if (base.equals(BigInteger.ONE.negate())) {
                return exp.testBit(0) ? -1L : 1L;
            }
            if (exp.bitLength() > 31 || (long) base.bitLength() * exp.longValue() > 64_000_000L) {
                throw JinjaException.python("OverflowError", "exponent too large");
            }
            return normalize(base.pow(exp.intValue()));
        }
        if (k == 3) {
            if (kb != 1) {
                throw JinjaException.python("TypeError", "unsupported operand type(s) for ** or pow(): '"
                        + Py.typeName(a) + "' and '" + Py.typeName(b) + "'");
            }
            BigDecimal base = toDecimal(a);
            long e = toLong(b);
            if (e >= 0) {
                return base.pow((int) e, DECIMAL_CONTEXT);
            }
            if (base.signum() == 0) {
                throw decimalByZero(base);
            }
            return BigDecimal.ONE.divide(base.pow((int) -e, DECIMAL_CONTEXT), DECIMAL_CONTEXT);
        }
        return floatPow(toDouble(a), toDouble(b));
    }

    private static double floatPow(double x, double y) {
        if (x == 0 && y < 0) {
            throw JinjaException.python("ZeroDivisionError", "0.0 cannot be raised to a negative power");
        }
        if (x < 0 && y != Math.rint(y) && !Double.isInfinite(y)) {
            if (Double.isInfinite(Math.pow(-x, y))) {
                throw JinjaException.python("OverflowError", "complex exponentiation");
            }
            // CPython returns a complex number here, which this value model does not have
            throw JinjaException.python("ValueError", "math domain error");
        }
        double r = Math.pow(x, y);
        if (Double.isInfinite(r) && !Double.isInfinite(x) && !Double.isInfinite(y)) {
            throw JinjaException.python("OverflowError", "(34, 'Numerical result out of range')");
        }
        return r;
    }

    static Object neg(Object a) {
        switch (kind(a)) {
            case 1:
                if (fitsLong(a)) {
                    long x = toLong(a);
                    return x == Long.MIN_VALUE ? BigInteger.valueOf(x).negate() : (Object) (-x);
                }
                return normalize(toBig(a).negate());
            case 2:
                return -toDouble(a);
            case 3:
                return ((BigDecimal) a).negate(DECIMAL_CONTEXT);
            default:
                return null;
        }
    }

    static Object pos(Object a) {
        switch (kind(a)) {
            case 1:
                if (a instanceof BigInteger b) {
                    return normalize(b);
                }
                return toLong(a);
            case 2:
                return toDouble(a);
            case 3:
                return ((BigDecimal) a).plus(DECIMAL_CONTEXT);
            default:
                return null;
        }
    }

    /** Python's {@code abs()} of a number, or {@code null} for other types. */
    public static Object abs(Object a) {
        switch (kind(a)) {
            case 1:
                if (fitsLong(a)) {
                    long x = toLong(a);
                    return x == Long.MIN_VALUE ? BigInteger.valueOf(x).negate() : (Object) Math.abs(x);
                }
                return normalize(toBig(a).abs());
            case 2:
                return Math.abs(toDouble(a));
            case 3:
                return ((BigDecimal) a).abs(DECIMAL_CONTEXT);
            default:
                return null;
        }
    }

    private static JinjaException decimalByZero(BigDecimal dividend) {
        if (dividend.signum() == 0) {
            return JinjaException.python("InvalidOperation", "[<class 'decimal.DivisionUndefined'>]");
        }
        return JinjaException.python("DivisionByZero", "[<class 'decimal.DivisionByZero'>]");
    }

    /** The common kind of two operands, -1 when either is not a number; TypeError for Decimal with float. */
    private static int binaryKind(String op, Object a, Object b) {
        int ka = kind(a);
        if (ka == 0) {
            return -1;
        }
        int kb = kind(b);
        if (kb == 0) {
            return -1;
        }
        int k = common(ka, kb);
        if (k == 0) {
            throw unsupported(op, a, b);
        }
        return k;
    }

    // ------------------------------------------------------------------------------------------ comparison

    /** Compares two numbers exactly as Python does (int against float without rounding); NaN gives {@code null}. */
    static Integer compare(Object a, Object b) {
        int ka = kind(a);
        int kb = kind(b);
        if (ka == 1 && kb == 1) {
            if (fitsLong(a) && fitsLong(b)) {
                return Long.compare(toLong(a), toLong(b));
            }
            return toBig(a).compareTo(toBig(b));
        }
        if (ka == 2 && kb == 2) {
            double x = toDouble(a);
            double y = toDouble(b);
            if (Double.isNaN(x) || Double.isNaN(y)) {
                return null;
            }
            return x < y ? -1 : (x > y ? 1 : 0);
        }
        // mixed: int/float/Decimal compared exactly
        if (ka == 2 || kb == 2) {
            double f = toDouble(ka == 2 ? a : b);
            if (Double.isNaN(f)) {
                return null;
            }
            if (Double.isInfinite(f)) {
                int c = f > 0 ? -1 : 1; // other (finite) against inf
                return ka == 2 ? -c : c;
            }
            Object other = ka == 2 ? b : a;
            if (kind(other) == 1 && fitsLong(other)) {
                long l = toLong(other);
                if (Math.abs(l) <= (1L << 53)) {
                    double x = ka == 2 ? f : (double) l;
                    double y = ka == 2 ? (double) l : f;
                    return x < y ? -1 : (x > y ? 1 : 0);
                }
            }
        }
        return exact(a).compareTo(exact(b));
    }

    private static BigDecimal exact(Object o) {
        if (o instanceof Double || o instanceof Float) {
            return new BigDecimal(((Number) o).doubleValue());
        }
        return toDecimal(o);
    }
}
