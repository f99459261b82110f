package io.slipway.jinja.runtime;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python's text forms of a float: {@code repr} (the shortest digits that read back to the same double,
 * as CPython prints them) and the {@code %f %e %g} conversions, rounded from the exact binary value
 * half-to-even as CPython does ({@code '%.2f' % 2.675} is {@code 2.67}).
 */
public final class PyFloat {
    private PyFloat() {
    }

    /** Decimal digits {@code d1 d2 ...} (no leading or trailing zeros, at least one digit) and the power of ten of {@code d1}. */
    record Digits(String digits, int exponent) {
    }

    /** Python's {@code repr(float)}: {@code 1.0}, {@code 0.1}, {@code 1e+16}, {@code 1e-05}, {@code inf}, {@code nan}. */
    public static String repr(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return (Double.doubleToRawLongBits(d) < 0) ? "-0.0" : "0.0";
        }
        // fast path: small integral values
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d) + ".0";
        }
        Digits digits = shortest(Math.abs(d));
        StringBuilder sb = new StringBuilder(24);
        if (d < 0) {
            sb.append('-');
        }
        int exp = digits.exponent();
        String ds = digits.digits();
        if (exp < -4 || exp >= 16) {
            sb.append(ds.charAt(0));
            if (ds.length() > 1) {
                sb.append('.').append(ds, 1, ds.length());
            }
            appendExponent(sb, exp);
        } else {
            appendPlain(sb, ds, exp, true);
        }
        return sb.toString();
    }

    /** Appends {@code e+XX} / {@code e-XX} with at least two exponent digits, as C's printf does. */
    static void appendExponent(StringBuilder sb, int exp) {
        sb.append('e').append(exp < 0 ? '-' : '+');
        int a = Math.abs(exp);
        if (a < 10) {
            sb.append('0');
        }
        sb.append(a);
    }

    /** Writes digits with the first at power {@code exp} in positional notation; {@code pointZero} adds ".0" to integers. */
    private static void appendPlain(StringBuilder sb, String ds, int exp, boolean pointZero) {
        if (exp < 0) {
            sb.append("0.");
            sb.append("0".repeat(-exp - 1));
            sb.append(ds);
        } else if (ds.length() <= exp + 1) {
            sb.append(ds);
            sb.append("0".repeat(exp + 1 - ds.length()));
            if (pointZero) {
                sb.append(".0");
            }
        } else {
            sb.append(ds, 0, exp + 1).append('.').append(ds, exp + 1, ds.length());
        }
    }

    /** The shortest digits that read back as {@code d} (finite, positive); among equally short, the closest. */
    static Digits shortest(double d) {
        Digits current = parseJava(Double.toString(d));
        if (current.digits().length() < 16 && d >= Double.MIN_NORMAL) {
            // Java 17 is shortest here (checked on millions of doubles); its misses have 16+ digits or are subnormal
            return current;
        }
        // Java 17's Double.toString is not always shortest (4.9E-324, 9.999999999999999E22): shorten while possible.
        boolean shortened = false;
        while (current.digits().length() > 1) {
            Digits shorter = shorterByOne(current, d);
            if (shorter == null) {
                break;
            }
            current = shorter;
            shortened = true;
        }
        if (!shortened) {
            // several strings of this length may read back; CPython picks the one nearest the exact value
            current = nearestNeighbour(current, d);
        }
        return current;
    }

    /** {@code current} or a same-length neighbour (last digit one up or down) that reads back and lies nearer {@code d}. */
    private static Digits nearestNeighbour(Digits current, double d) {
        String ds = current.digits();
        int n = ds.length();
        long value = Long.parseLong(ds);
        Digits best = current;
        BigDecimal exact = null;
        for (long delta = -1; delta <= 1; delta += 2) {
            long v = value + delta;
            String vs = Long.toString(v);
            if (v <= 0 || vs.length() != n) {
                continue; // a carry or borrow changes the length: not a same-length candidate
            }
            Digits candidate = normalize(vs, current.exponent());
            if (!readsBack(candidate, d)) {
                continue;
            }
            if (exact == null) {
                exact = new BigDecimal(d);
            }
            BigDecimal dc = toBigDecimal(candidate).subtract(exact).abs();
            BigDecimal db = toBigDecimal(best).subtract(exact).abs();
            if (dc.compareTo(db) < 0) {
                best = candidate;
            }
        }
        return best;
    }

    private static Digits shorterByOne(Digits current, double d) {
        String ds = current.digits();
        int n = ds.length() - 1;
        String floor = ds.substring(0, n);
        String ceil = Long.toString(Long.parseLong(floor) + 1);
        Digits down = normalize(floor, current.exponent());
        Digits up = ceil.length() > n
                ? normalize(ceil, current.exponent() + 1)
                : normalize(ceil, current.exponent());
        boolean downOk = readsBack(down, d);
        boolean upOk = readsBack(up, d);
        if (downOk && upOk) {
            BigDecimal exact = new BigDecimal(d);
            BigDecimal dd = toBigDecimal(down).subtract(exact).abs();
            BigDecimal du = toBigDecimal(up).subtract(exact).abs();
            return dd.compareTo(du) <= 0 ? down : up;
        }
        if (downOk) {
            return down;
        }
        return upOk ? up : null;
    }

    private static boolean readsBack(Digits digits, double d) {
        if (digits.digits().isEmpty() || digits.digits().equals("0")) {
            return false;
        }
        return Double.parseDouble(digits.digits() + "E" + (digits.exponent() - digits.digits().length() + 1)) == d;
    }

    private static BigDecimal toBigDecimal(Digits digits) {
        return new BigDecimal(new BigInteger(digits.digits()), -(digits.exponent() - digits.digits().length() + 1));
    }

    private static Digits normalize(String ds, int exp) {
        int end = ds.length();
        while (end > 1 && ds.charAt(end - 1) == '0') {
            end--;
        }
        return new Digits(ds.substring(0, end), exp);
    }

    /** Parses Java's {@code Double.toString} output ({@code 1.2345E10}, {@code 0.001}) into digits and exponent. */
    private static Digits parseJava(String s) {
        int e = s.indexOf('E');
        String mantissa = e < 0 ? s : s.substring(0, e);
        int exp10 = e < 0 ? 0 : Integer.parseInt(s.substring(e + 1));
        int dot = mantissa.indexOf('.');
        String intPart = mantissa.substring(0, dot);
        String frac = mantissa.substring(dot + 1);
        String all = intPart + frac;
        int lead = 0;
        while (lead < all.length() - 1 && all.charAt(lead) == '0') {
            lead++;
        }
        // the first digit of 'all' has power intPart.length()-1 (+ exp10)
        int exp = intPart.length() - 1 - lead + exp10;
        return normalize(all.substring(lead), exp);
    }

    // ---------------------------------------------------------------- printf-style conversions

    /** {@code '%.{precision}f' % d}, without sign handling for NaN/inf (see {@link #format}). */
    static String fixed(double abs, int precision) {
        if (abs == 0) {
            return precision == 0 ? "0" : "0." + "0".repeat(precision);
        }
        return new BigDecimal(abs).setScale(precision, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** {@code '%.{precision}e' % d} of a non-negative finite value. */
    static String exponential(double abs, int precision, boolean upper) {
        StringBuilder sb = new StringBuilder();
        String ds;
        int exp;
        if (abs == 0) {
            ds = "0".repeat(precision + 1);
            exp = 0;
        } else {
            BigDecimal r = new BigDecimal(abs).round(new MathContext(precision + 1, RoundingMode.HALF_EVEN));
            String u = r.unscaledValue().toString();
            exp = u.length() - 1 - r.scale();
            if (u.length() < precision + 1) {
                u = u + "0".repeat(precision + 1 - u.length());
            } else if (u.length() > precision + 1) {
                u = u.substring(0, precision + 1);
            }
            ds = u;
        }
        sb.append(ds.charAt(0));
        if (precision > 0) {
            sb.append('.').append(ds, 1, ds.length());
        }
        appendExponent(sb, exp);
        String out = sb.toString();
        return upper ? out.toUpperCase() : out;
    }

    /**
     * {@code '%.{precision}g' % d} of a non-negative finite value; {@code alternate} keeps trailing zeros ({@code #}).
     * {@code noType} is format()'s empty presentation type with a precision: like g, but a fixed result keeps
     * at least one digit after the point.
     */
    static String general(double abs, int precision, boolean alternate, boolean upper, boolean noType) {
        int p = precision == 0 ? 1 : precision;
        int exp;
        if (abs == 0) {
            exp = 0;
        } else {
            BigDecimal r = new BigDecimal(abs).round(new MathContext(p, RoundingMode.HALF_EVEN));
            exp = r.precision() - 1 - r.scale();
        }
        String out;
        // format()'s empty type switches to exponent notation one digit earlier (CPython's ADD_DOT_0 rule)
        if (exp >= -4 && exp < (noType ? p - 1 : p)) {
            out = fixed(abs, p - 1 - exp);
            if (!alternate) {
                out = stripZeros(out);
            }
            if (noType && out.indexOf('.') < 0) {
                out = out + ".0";
            }
        } else {
            out = exponential(abs, p - 1, upper);
            if (!alternate) {
                int e = out.indexOf(upper ? 'E' : 'e');
                out = stripZeros(out.substring(0, e)) + out.substring(e);
            }
        }
        return out;
    }

    private static String stripZeros(String s) {
        if (s.indexOf('.') < 0) {
            return s;
        }
        int end = s.length();
        while (s.charAt(end - 1) == '0') {
            end--;
        }
        if (s.charAt(end - 1) == '.') {
            end--;
        }
        return s.substring(0, end);
    }

    /**
     * Formats a float for the conversion {@code type} ({@code f F e E g G %}, or {@code 'r'} for repr) with
     * {@code precision} ({@code -1} when not given), returning the unsigned body; the sign is the caller's.
     */
    static String body(double abs, char type, int precision, boolean alternate) {
        if (Double.isNaN(abs)) {
            return Character.isUpperCase(type) ? "NAN" : "nan";
        }
        if (Double.isInfinite(abs)) {
            return Character.isUpperCase(type) ? "INF" : "inf";
        }
        switch (type) {
            case 'f':
            case 'F': {
                String s = fixed(abs, precision < 0 ? 6 : precision);
                return alternate && s.indexOf('.') < 0 ? s + "." : s;
            }
            case 'e':
            case 'E':
                return exponential(abs, precision < 0 ? 6 : precision, type == 'E');
            case 'g':
            case 'G':
                return general(abs, precision < 0 ? 6 : precision, alternate, type == 'G', false);
            case '%':
                return fixed(abs * 100, precision < 0 ? 6 : precision) + "%";
            default: // repr-like (format() with no type)
                if (precision >= 0) {
                    return general(abs, precision, alternate, false, true);
                }
                return repr(abs);
        }
    }

    /** Python's {@code round(x, ndigits)} for a float: exact half-to-even rounding of the binary value. */
    public static double round(double x, int ndigits) {
        if (Double.isNaN(x) || Double.isInfinite(x) || x == 0) {
            return x;
        }
        if (ndigits > 330) {
            return x;
        }
        if (ndigits < -330) {
            return Math.copySign(0.0, x);
        }
        double r = new BigDecimal(x).setScale(ndigits, RoundingMode.HALF_EVEN).doubleValue();
        return r == 0 ? Math.copySign(0.0, x) : r;
    }
}
