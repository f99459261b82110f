package io.slipway.jinja.runtime;

import io.slipway.jinja.JinjaException;
import io.slipway.jinja.PyTuple;
import io.slipway.jinja.UndefinedMode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Expected values are CPython 3.11's output for the same expression. */
class PyTest {
    private static List<Object> list(Object... items) {
        return new ArrayList<>(Arrays.asList(items));
    }

    private static Map<Object, Object> dict(Object... kv) {
        Map<Object, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    private static void assertError(Runnable r, String type, String message) {
        assertThatThrownBy(r::run)
                .isInstanceOf(JinjaException.class)
                .satisfies(e -> {
                    JinjaException je = (JinjaException) e;
                    assertThat(je.pythonType()).isEqualTo(type);
                    assertThat(je.pythonMessage()).isEqualTo(message);
                });
    }

    @Test
    void strOfScalars() {
        assertThat(Py.str(true)).isEqualTo("True");
        assertThat(Py.str(false)).isEqualTo("False");
        assertThat(Py.str(null)).isEqualTo("None");
        assertThat(Py.str(3L)).isEqualTo("3");
        assertThat(Py.str(7)).isEqualTo("7");
        assertThat(Py.str(new BigDecimal("1.50"))).isEqualTo("1.50");
        assertThat(Py.str(new BigDecimal("1E+2"))).isEqualTo("1E+2");
        assertThat(Py.str(new BigDecimal("0.0000001"))).isEqualTo("1E-7");
        assertThat(Py.str(new BigDecimal("1.23E+5"))).isEqualTo("1.23E+5");
        assertThat(Py.str(UndefinedValue.name(UndefinedMode.DEFAULT, "x"))).isEqualTo("");
    }

    @Test
    void floatRepr() {
        assertThat(Py.str(1.0)).isEqualTo("1.0");
        assertThat(Py.str(0.1)).isEqualTo("0.1");
        assertThat(Py.str(1e16)).isEqualTo("1e+16");
        assertThat(Py.str(1e15)).isEqualTo("1000000000000000.0");
        assertThat(Py.str(1e-5)).isEqualTo("1e-05");
        assertThat(Py.str(1e-4)).isEqualTo("0.0001");
        assertThat(Py.str(1e-7)).isEqualTo("1e-07");
        assertThat(Py.str(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(Py.str(Double.POSITIVE_INFINITY)).isEqualTo("inf");
        assertThat(Py.str(Double.NEGATIVE_INFINITY)).isEqualTo("-inf");
        assertThat(Py.str(Double.NaN)).isEqualTo("nan");
        assertThat(Py.str(-0.0)).isEqualTo("-0.0");
        assertThat(Py.str(1e22)).isEqualTo("1e+22");
        assertThat(Py.str(1e23)).isEqualTo("1e+23");
        assertThat(Py.str(2e23)).isEqualTo("2e+23");
        assertThat(Py.str(1e-310)).isEqualTo("1e-310");
        assertThat(Py.str(5e-324)).isEqualTo("5e-324");
        assertThat(Py.str(1.7976931348623157e308)).isEqualTo("1.7976931348623157e+308");
        assertThat(Py.str(2.82879384806159e17)).isEqualTo("2.82879384806159e+17");
        assertThat(Py.str(123456789.123)).isEqualTo("123456789.123");
        assertThat(Py.str(100.0)).isEqualTo("100.0");
        assertThat(Py.str(1e100)).isEqualTo("1e+100");
        assertThat(Py.str(-1.5e-10)).isEqualTo("-1.5e-10");
        assertThat(Py.str(1.0 / 3)).isEqualTo("0.3333333333333333");
        assertThat(Py.str(3.333333333333333e+19)).isEqualTo("3.333333333333333e+19");
        assertThat(Py.str(2.5)).isEqualTo("2.5");
    }

    @Test
    void reprOfStrings() {
        assertThat(Py.repr("it's")).isEqualTo("\"it's\"");
        assertThat(Py.repr("a\"b")).isEqualTo("'a\"b'");
        assertThat(Py.repr("a'b\"c")).isEqualTo("'a\\'b\"c'");
        assertThat(Py.repr("\n\t\r\u0000\u007f\\")).isEqualTo("'\\n\\t\\r\\x00\\x7f\\\\'");
        assertThat(Py.repr("é\u200b\uD83D\uDE00\uD800")).isEqualTo("'é\\u200b\uD83D\uDE00\\ud800'");
        assertThat(Py.repr("")).isEqualTo("''");
    }

    @Test
    void reprOfContainers() {
        Object value = list("a", 1L, null, true, 1.5, PyTuple.of("x"), PyTuple.of(), dict("k", list(1L)));
        assertThat(Py.repr(value)).isEqualTo("['a', 1, None, True, 1.5, ('x',), (), {'k': [1]}]");
        assertThat(Py.str(value)).isEqualTo(Py.repr(value));
        assertThat(Py.repr(new java.util.LinkedHashSet<>())).isEqualTo("set()");
        assertThat(Py.repr(new java.util.LinkedHashSet<>(List.of(1L, 2L)))).isEqualTo("{1, 2}");
        assertThat(Py.repr(new BigDecimal("1.50"))).isEqualTo("Decimal('1.50')");
        assertThat(Py.repr(list(UndefinedValue.name(UndefinedMode.DEFAULT, "x")))).isEqualTo("[Undefined]");
        assertThat(Py.repr(new PyRange(0, 3, 1))).isEqualTo("range(0, 3)");
        assertThat(Py.repr(new PyRange(5, 0, -2))).isEqualTo("range(5, 0, -2)");
        assertThat(Py.repr(new PyDictView(dict("a", 1L), PyDictView.Kind.ITEMS))).isEqualTo("dict_items([('a', 1)])");
        assertThat(Py.repr(new PyDictView(dict(), PyDictView.Kind.ITEMS))).isEqualTo("dict_items([])");
        assertThat(Py.repr(new PyDictView(dict("a", 1L), PyDictView.Kind.KEYS))).isEqualTo("dict_keys(['a'])");
        assertThat(Py.repr(list(new PyMarkup("a")))).isEqualTo("[Markup('a')]");
        List<Object> self = list(1L);
        self.add(self);
        assertThat(Py.repr(self)).isEqualTo("[1, [...]]");
    }

    @Test
    void typeNames() {
        assertThat(Py.typeName(1L)).isEqualTo("int");
        assertThat(Py.typeName(1.0)).isEqualTo("float");
        assertThat(Py.typeName("s")).isEqualTo("str");
        assertThat(Py.typeName(true)).isEqualTo("bool");
        assertThat(Py.typeName(null)).isEqualTo("NoneType");
        assertThat(Py.typeName(list())).isEqualTo("list");
        assertThat(Py.typeName(PyTuple.of())).isEqualTo("tuple");
        assertThat(Py.typeName(dict())).isEqualTo("dict");
        assertThat(Py.typeName(UndefinedValue.name(UndefinedMode.DEFAULT, "x"))).isEqualTo("Undefined");
        assertThat(Py.objectTypeRepr(null)).isEqualTo("None");
        assertThat(Py.objectTypeRepr(dict())).isEqualTo("dict object");
    }

    @Test
    void truthiness() {
        assertThat(Py.truthy("")).isFalse();
        assertThat(Py.truthy("a")).isTrue();
        assertThat(Py.truthy(0L)).isFalse();
        assertThat(Py.truthy(0.0)).isFalse();
        assertThat(Py.truthy(Double.NaN)).isTrue();
        assertThat(Py.truthy(null)).isFalse();
        assertThat(Py.truthy(list())).isFalse();
        assertThat(Py.truthy(PyTuple.of())).isFalse();
        assertThat(Py.truthy(dict())).isFalse();
        assertThat(Py.truthy(list(0L))).isTrue();
        assertThat(Py.truthy(UndefinedValue.name(UndefinedMode.DEFAULT, "x"))).isFalse();
        assertThat(Py.truthy(new PyRange(0, 0, 1))).isFalse();
        assertThat(Py.truthy(PyGenerator.of("f", List.of().iterator()))).isTrue();
        assertThat(Py.truthy(BigDecimal.ZERO)).isFalse();
        assertError(() -> Py.truthy(UndefinedValue.name(UndefinedMode.STRICT, "x")), "UndefinedError", "'x' is undefined");
    }

    @Test
    void equality() {
        assertThat(Py.eq(1L, 1.0)).isTrue();
        assertThat(Py.eq(true, 1L)).isTrue();
        assertThat(Py.eq(1, 1L)).isTrue();
        assertThat(Py.eq("1", 1L)).isFalse();
        assertThat(Py.eq(list(1L, 2L), list(1.0, 2L))).isTrue();
        assertThat(Py.eq(PyTuple.of(1L), list(1L))).isFalse();
        assertThat(Py.eq(dict("a", 1L), dict("a", 1.0))).isTrue();
        assertThat(Py.eq(BigInteger.TWO.pow(53).add(BigInteger.ONE), Math.pow(2, 53))).isFalse();
        assertThat(Py.eq(new BigDecimal("0.1"), 0.1)).isFalse();
        assertThat(Py.eq(new BigDecimal("1.5"), 1.5)).isTrue();
        assertThat(Py.eq(new BigDecimal("1"), 1L)).isTrue();
        assertThat(Py.eq(Double.NaN, Double.NaN)).isFalse();
        assertThat(Py.eq(null, null)).isTrue();
        assertThat(Py.eq(null, 0L)).isFalse();
        assertThat(Py.eq(new PyMarkup("a"), "a")).isTrue();
        UndefinedValue x = UndefinedValue.name(UndefinedMode.DEFAULT, "x");
        assertThat(Py.eq(x, UndefinedValue.name(UndefinedMode.DEFAULT, "y"))).isTrue();
        assertThat(Py.eq(x, null)).isFalse();
        assertThat(Py.eq(new PyRange(0, 3, 1), list(0L, 1L, 2L))).isFalse();
    }

    @Test
    void ordering() {
        assertThat(Py.compare("<", 1L, 1.5)).isTrue();
        assertThat(Py.compare("<", "a", "b")).isTrue();
        assertThat(Py.compare("<", list(1L, 2L), list(1L, 3L))).isTrue();
        assertThat(Py.compare("<", PyTuple.of(1L, "a"), PyTuple.of(1L, "b"))).isTrue();
        assertThat(Py.compare("<", list(), list(1L))).isTrue();
        assertThat(Py.compare("<", true, 2L)).isTrue();
        assertThat(Py.compare(">=", 2L, 2.0)).isTrue();
        assertThat(Py.compare("<", Double.NaN, 1L)).isFalse();
        assertThat(Py.compare(">=", Double.NaN, 1L)).isFalse();
        assertError(() -> Py.compare("<", "a", 1L), "TypeError", "'<' not supported between instances of 'str' and 'int'");
        assertError(() -> Py.compare("<", null, 1L), "TypeError", "'<' not supported between instances of 'NoneType' and 'int'");
        assertError(() -> Py.compare("<", list(1L), PyTuple.of(1L)), "TypeError", "'<' not supported between instances of 'list' and 'tuple'");
        assertError(() -> Py.compare("<", dict(), dict()), "TypeError", "'<' not supported between instances of 'dict' and 'dict'");
        assertError(() -> Py.compare("<", list(1L, "a"), list(1L, 2L)), "TypeError", "'<' not supported between instances of 'str' and 'int'");
        assertError(() -> Py.compare("<", UndefinedValue.name(UndefinedMode.DEFAULT, "x"), 1L), "UndefinedError", "'x' is undefined");
    }

    @Test
    void membership() {
        assertThat(Py.contains("abc", "b")).isTrue();
        assertThat(Py.contains(list("a", 1L), 1.0)).isTrue();
        assertThat(Py.contains(dict("x", 1L), "x")).isTrue();
        assertThat(Py.contains(dict(1L, "a"), true)).isTrue();
        assertThat(Py.contains(new PyRange(0, 10, 3), 9L)).isTrue();
        assertThat(Py.contains(new PyRange(0, 10, 3), 8L)).isFalse();
        assertThat(Py.contains(UndefinedValue.name(UndefinedMode.DEFAULT, "x"), "a")).isFalse();
        assertError(() -> Py.contains("a", 1L), "TypeError", "'in <string>' requires string as left operand, not int");
        assertError(() -> Py.contains("a", null), "TypeError", "'in <string>' requires string as left operand, not NoneType");
        assertError(() -> Py.contains("a", UndefinedValue.name(UndefinedMode.DEFAULT, "x")), "TypeError",
                "'in <string>' requires string as left operand, not Undefined");
        assertError(() -> Py.contains(5L, 1L), "TypeError", "argument of type 'int' is not iterable");
        assertError(() -> Py.contains(null, 1L), "TypeError", "argument of type 'NoneType' is not iterable");
        assertError(() -> Py.contains(dict(), list(1L)), "TypeError", "unhashable type: 'list'");
    }

    @Test
    void integerArithmetic() {
        assertThat(Py.add(1L, 2L)).isEqualTo(3L);
        assertThat(Py.add(Long.MAX_VALUE, 1L)).isEqualTo(new BigInteger("9223372036854775808"));
        assertThat(Py.mul(Long.MAX_VALUE, 2L)).isEqualTo(new BigInteger("18446744073709551614"));
        assertThat(Py.neg(Long.MIN_VALUE)).isEqualTo(new BigInteger("9223372036854775808"));
        assertThat(Py.sub(new BigInteger("9223372036854775808"), 1L)).isEqualTo(Long.MAX_VALUE);
        assertThat(Py.floordiv(-7L, 2L)).isEqualTo(-4L);
        assertThat(Py.mod(-7L, 2L)).isEqualTo(1L);
        assertThat(Py.mod(7L, -2L)).isEqualTo(-1L);
        assertThat(Py.truediv(7L, 2L)).isEqualTo(3.5);
        assertThat(Py.truediv(2L, 1L)).isEqualTo(2.0);
        assertThat(Py.str(Py.truediv(new BigInteger("100000000000000000000"), 3L))).isEqualTo("3.333333333333333e+19");
        assertThat(Py.str(Py.truediv(new BigInteger("123456789012345678901234567890"), 7L))).isEqualTo("1.763668414462081e+28");
        assertThat(Py.pow(2L, 3L)).isEqualTo(8L);
        assertThat(Py.pow(2L, -1L)).isEqualTo(0.5);
        assertThat(Py.pow(-2L, -2L)).isEqualTo(0.25);
        assertThat(Py.pow(10L, -2L)).isEqualTo(0.01);
        assertThat(Py.str(Py.pow(2L, 100L))).isEqualTo("1267650600228229401496703205376");
        assertThat(Py.add(true, true)).isEqualTo(2L);
        assertThat(Py.neg(true)).isEqualTo(-1L);
        assertThat(Py.pos(true)).isEqualTo(1L);
        assertThat(Py.truediv(true, 2L)).isEqualTo(0.5);
        assertThat(Py.add(1, 2)).isEqualTo(3L);
    }

    @Test
    void floatArithmetic() {
        assertThat(Py.floordiv(-7.5, 2L)).isEqualTo(-4.0);
        assertThat(Py.mod(-7.5, 2L)).isEqualTo(0.5);
        assertThat(Py.mod(7.5, -2L)).isEqualTo(-0.5);
        assertThat(Py.floordiv(7L, 2.0)).isEqualTo(3.0);
        assertThat(Py.mul(1.0, 3L)).isEqualTo(3.0);
        assertThat(Py.pow(2L, 0.5)).isEqualTo(1.4142135623730951);
        assertThat(Py.mul(1e308, 10L)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Py.str(Py.add(0.1, 0.2))).isEqualTo("0.30000000000000004");
        assertError(() -> Py.pow(1e308, 2L), "OverflowError", "(34, 'Numerical result out of range')");
        assertError(() -> Py.mul(BigInteger.TWO.pow(2000), 1.0), "OverflowError", "int too large to convert to float");
    }

    @Test
    void decimalArithmetic() {
        assertThat(Py.repr(Py.mul(new BigDecimal("1.5"), 2L))).isEqualTo("Decimal('3.0')");
        assertThat(Py.repr(Py.truediv(new BigDecimal("1"), new BigDecimal("3")))).isEqualTo("Decimal('0.3333333333333333333333333333')");
        assertThat(Py.repr(Py.floordiv(new BigDecimal("-7"), 2L))).isEqualTo("Decimal('-3')");
        assertThat(Py.repr(Py.mod(new BigDecimal("-7"), 2L))).isEqualTo("Decimal('-1')");
        assertThat(Py.repr(Py.pow(new BigDecimal("2"), 2L))).isEqualTo("Decimal('4')");
        assertError(() -> Py.add(new BigDecimal("1"), 1.5), "TypeError", "unsupported operand type(s) for +: 'decimal.Decimal' and 'float'");
        assertError(() -> Py.truediv(new BigDecimal("1.0"), 0L), "DivisionByZero", "[<class 'decimal.DivisionByZero'>]");
    }

    @Test
    void zeroDivision() {
        assertError(() -> Py.truediv(1L, 0L), "ZeroDivisionError", "division by zero");
        assertError(() -> Py.truediv(1.0, 0L), "ZeroDivisionError", "float division by zero");
        assertError(() -> Py.truediv(1L, 0.0), "ZeroDivisionError", "float division by zero");
        assertError(() -> Py.floordiv(1L, 0L), "ZeroDivisionError", "integer division or modulo by zero");
        assertError(() -> Py.floordiv(1.0, 0L), "ZeroDivisionError", "float floor division by zero");
        assertError(() -> Py.mod(1L, 0L), "ZeroDivisionError", "integer modulo by zero");
        assertError(() -> Py.mod(1.0, 0L), "ZeroDivisionError", "float modulo");
        assertError(() -> Py.pow(0L, -1L), "ZeroDivisionError", "0.0 cannot be raised to a negative power");
        assertError(() -> Py.pow(0.0, -1L), "ZeroDivisionError", "0.0 cannot be raised to a negative power");
    }

    @Test
    void sequenceOperators() {
        assertThat(Py.add("a", "b")).isEqualTo("ab");
        assertThat(Py.add(list(1L, 2L), list(3L))).isEqualTo(list(1L, 2L, 3L));
        assertThat(Py.add(PyTuple.of(1L), PyTuple.of(2L))).isEqualTo(PyTuple.of(1L, 2L));
        assertThat(Py.mul("-", 3L)).isEqualTo("---");
        assertThat(Py.mul(2L, "ab")).isEqualTo("abab");
        assertThat(Py.mul("ab", 0L)).isEqualTo("");
        assertThat(Py.mul("ab", -1L)).isEqualTo("");
        assertThat(Py.mul("ab", true)).isEqualTo("ab");
        assertThat(Py.mul(list(1L), 3L)).isEqualTo(list(1L, 1L, 1L));
        assertThat(Py.repr(Py.mul(PyTuple.of(1L), 2L))).isEqualTo("(1, 1)");
        assertThat(Py.add(new PyMarkup("<"), "<")).isEqualTo(new PyMarkup("<&lt;"));
        assertThat(Py.add("<", new PyMarkup("<"))).isEqualTo(new PyMarkup("&lt;<"));
    }

    @Test
    void operatorTypeErrors() {
        assertError(() -> Py.add(1L, "a"), "TypeError", "unsupported operand type(s) for +: 'int' and 'str'");
        assertError(() -> Py.add("a", 1L), "TypeError", "can only concatenate str (not \"int\") to str");
        assertError(() -> Py.add(list(1L), PyTuple.of(1L)), "TypeError", "can only concatenate list (not \"tuple\") to list");
        assertError(() -> Py.add(PyTuple.of(1L), list(1L)), "TypeError", "can only concatenate tuple (not \"list\") to tuple");
        assertError(() -> Py.add(list(1L), "a"), "TypeError", "can only concatenate list (not \"str\") to list");
        assertError(() -> Py.add(null, 1L), "TypeError", "unsupported operand type(s) for +: 'NoneType' and 'int'");
        assertError(() -> Py.mul("a", "b"), "TypeError", "can't multiply sequence by non-int of type 'str'");
        assertError(() -> Py.mul("a", 1.5), "TypeError", "can't multiply sequence by non-int of type 'float'");
        assertError(() -> Py.mul(1.5, "a"), "TypeError", "can't multiply sequence by non-int of type 'float'");
        assertError(() -> Py.sub("a", "b"), "TypeError", "unsupported operand type(s) for -: 'str' and 'str'");
        assertError(() -> Py.neg("a"), "TypeError", "bad operand type for unary -: 'str'");
        assertError(() -> Py.pos("a"), "TypeError", "bad operand type for unary +: 'str'");
        assertError(() -> Py.neg(null), "TypeError", "bad operand type for unary -: 'NoneType'");
        assertError(() -> Py.add(UndefinedValue.name(UndefinedMode.DEFAULT, "x"), 1L), "UndefinedError", "'x' is undefined");
        assertError(() -> Py.add("a", UndefinedValue.name(UndefinedMode.DEFAULT, "x")), "UndefinedError", "'x' is undefined");
        assertError(() -> Py.neg(UndefinedValue.name(UndefinedMode.DEFAULT, "x")), "UndefinedError", "'x' is undefined");
    }

    @Test
    void printfFormatting() {
        assertThat(Py.mod("%s-%d", PyTuple.of("a", 5L))).isEqualTo("a-5");
        assertThat(Py.mod("%5s|%-5s|", PyTuple.of("a", "b"))).isEqualTo("    a|b    |");
        assertThat(Py.mod("%x %o %X %e %g %G %E", PyTuple.of(255L, 8L, 255L, 12345.678, 0.00001234, 1e20, 1.5)))
                .isEqualTo("ff 10 FF 1.234568e+04 1.234e-05 1E+20 1.500000E+00");
        assertThat(Py.mod("%.2f %f %.0f %.3e %10.2f %-10.2f| %+d % d %05d %05.1f",
                PyTuple.of(2.675, 1.0 / 3, 0.5, 12345.6789, 3.14159, 3.14159, 5L, 5L, 42L, 3.14159)))
                .isEqualTo("2.67 0.333333 0 1.235e+04       3.14 3.14      | +5  5 00042 003.1");
        assertThat(Py.mod("%r %s %a", PyTuple.of("x", "x", "é"))).isEqualTo("'x' x '\\xe9'");
        assertThat(Py.mod("%(a)s %(b)r", dict("a", 1L, "b", "q"))).isEqualTo("1 'q'");
        assertThat(Py.mod("%%d", PyTuple.of())).isEqualTo("%d");
        assertThat(Py.mod("%d", 1.7)).isEqualTo("1");
        assertThat(Py.mod("%s", list(1L, 2L))).isEqualTo("[1, 2]");
        assertThat(Py.mod("%s", PyTuple.of(1L))).isEqualTo("1");
        assertThat(Py.mod("%i", true)).isEqualTo("1");
        assertThat(Py.mod("%c", 65L)).isEqualTo("A");
        assertThat(Py.mod("%c", "x")).isEqualTo("x");
        assertThat(Py.mod("%s", (Object) null)).isEqualTo("None");
        assertThat(Py.mod("%.3s", "abcdef")).isEqualTo("abc");
        assertThat(Py.mod("%*d", PyTuple.of(5L, 3L))).isEqualTo("    3");
        assertThat(Py.mod("%g", 100000L)).isEqualTo("100000");
        assertThat(Py.mod("%g", 1000000L)).isEqualTo("1e+06");
        assertThat(Py.mod("%g", 1e-5)).isEqualTo("1e-05");
        assertThat(Py.mod("%g", 0.0001)).isEqualTo("0.0001");
        assertThat(Py.mod("%.3g", 1234.5)).isEqualTo("1.23e+03");
        assertThat(Py.mod("%#x %#o", PyTuple.of(255L, 8L))).isEqualTo("0xff 0o10");
        assertThat(Py.mod("%-5d|", 3L)).isEqualTo("3    |");
        assertThat(Py.mod("%+.2f", 1L)).isEqualTo("+1.00");
        assertThat(Py.mod("% 5.1f", -1L)).isEqualTo(" -1.0");
        assertThat(Py.mod("%05s", "a")).isEqualTo("    a");
        assertThat(Py.mod("%.3d", 5L)).isEqualTo("005");
        assertThat(Py.mod("%#.3g", 1L)).isEqualTo("1.00");
        assertThat(Py.mod("%s", dict("a", 1L))).isEqualTo("{'a': 1}");
        assertThat(Py.mod("abc", PyTuple.of())).isEqualTo("abc");
        assertThat(Py.mod("abc", dict("a", 1L))).isEqualTo("abc");
        assertThat(Py.mod("abc", list(1L))).isEqualTo("abc");
        assertThat(Py.mod("%d", 1e20)).isEqualTo("100000000000000000000");
        assertThat(Py.mod("%f", Double.NaN)).isEqualTo("nan");
        assertThat(Py.mod("%5.1f%%", 99.5)).isEqualTo(" 99.5%");
        assertThat(Py.mod("%e", 0L)).isEqualTo("0.000000e+00");
        assertThat(Py.mod("%o", -8L)).isEqualTo("-10");
        assertThat(Py.mod("%r", 1.5)).isEqualTo("1.5");
        assertThat(Py.mod("%-+5d|", 3L)).isEqualTo("+3   |");
        assertThat(Py.mod("%s", 1e16)).isEqualTo("1e+16");
        assertThat(Py.mod("%d", BigInteger.TWO.pow(70))).isEqualTo("1180591620717411303424");
        assertThat(Py.mod("%d", new BigDecimal("1.9"))).isEqualTo("1");
        assertThat(Py.mod("%f", new BigDecimal("1.25"))).isEqualTo("1.250000");
        assertThat(Py.mod("%.1f", 0.25)).isEqualTo("0.2");
        assertThat(Py.mod("%.1f", 0.35)).isEqualTo("0.3");
        assertThat(((String) Py.mod("%.2f", 1e300))).startsWith("10000000000000000525047602552044202487044685811081591549158541155118024579889081957863713750804478640437044438328838781769425232353604305756447921847867069828483872009265758037378302337947880900593689532349707999450811190389676408800746527427801424945792587888200568428381156694721963868654594005401600.00".substring(0, 40));
    }

    @Test
    void printfErrors() {
        assertError(() -> Py.mod("%z", 1L), "ValueError", "unsupported format character 'z' (0x7a) at index 1");
        assertError(() -> Py.mod("%d", "a"), "TypeError", "%d format: a real number is required, not str");
        assertError(() -> Py.mod("%d", (Object) null), "TypeError", "%d format: a real number is required, not NoneType");
        assertError(() -> Py.mod("%x", 1.5), "TypeError", "%x format: an integer is required, not float");
        assertError(() -> Py.mod("%s %s", PyTuple.of("a")), "TypeError", "not enough arguments for format string");
        assertError(() -> Py.mod("%s", PyTuple.of("a", "b")), "TypeError", "not all arguments converted during string formatting");
        assertError(() -> Py.mod("%", PyTuple.of()), "ValueError", "incomplete format");
        assertError(() -> Py.mod("%(a)s", 5L), "TypeError", "format requires a mapping");
        assertError(() -> Py.mod("%(b)s", dict("a", 1L)), "KeyError", "'b'");
        assertError(() -> Py.mod("%s", PyTuple.of()), "TypeError", "not enough arguments for format string");
        assertError(() -> Py.mod("abc", 5L), "TypeError", "not all arguments converted during string formatting");
        assertError(() -> Py.mod("%.2f", "x"), "TypeError", "must be real number, not str");
        assertError(() -> Py.mod("%c", "ab"), "TypeError", "%c requires int or char");
        assertError(() -> Py.mod("%d", Double.POSITIVE_INFINITY), "OverflowError", "cannot convert float infinity to integer");
    }

    @Test
    void strFormatMethod() {
        assertThat(PyFormat.format("{} {}", list(1L, "a"), Map.of())).isEqualTo("1 a");
        assertThat(PyFormat.format("{0} {0}", list("x"), Map.of())).isEqualTo("x x");
        assertThat(PyFormat.format("{a}", list(), Map.of("a", 1L))).isEqualTo("1");
        assertThat(PyFormat.format("{:>10}|{:<5}|{:^7}|", list("r", "l", "c"), Map.of())).isEqualTo("         r|l    |   c   |");
        assertThat(PyFormat.format("{:.2f} {:,} {:05d} {:x} {:e} {:%} {:,.2f} {:+d} {:g}",
                list(3.14159, 1234567L, 42L, 255L, 1234.5, 0.25, 1234567.891, 3L, 0.0001), Map.of()))
                .isEqualTo("3.14 1,234,567 00042 ff 1.234500e+03 25.000000% 1,234,567.89 +3 0.0001");
        assertThat(PyFormat.format("{!r} {!s}", list("a", "a"), Map.of())).isEqualTo("'a' a");
        assertThat(PyFormat.format("{0[0]} {0[k]}", list(dict(0L, "zero", "k", "v")), Map.of())).isEqualTo("zero v");
        assertThat(PyFormat.format("{}", list(1.0), Map.of())).isEqualTo("1.0");
        assertThat(PyFormat.format("{}", list((Object) null), Map.of())).isEqualTo("None");
        assertThat(PyFormat.format("{:10}", list(5L), Map.of())).isEqualTo("         5");
        assertThat(PyFormat.format("{:10}", list("s"), Map.of())).isEqualTo("s         ");
        assertThat(PyFormat.format("{:*^9}", list("mid"), Map.of())).isEqualTo("***mid***");
        assertThat(PyFormat.format("{:=+8}", list(-5L), Map.of())).isEqualTo("-      5");
        assertThat(PyFormat.format("{:.3}", list(3.14159), Map.of())).isEqualTo("3.14");
        assertThat(PyFormat.format("{:.3}", list("abcdef"), Map.of())).isEqualTo("abc");
        assertThat(PyFormat.format("{:b} {:#b} {:_}", list(5L, 5L, 1234567L), Map.of())).isEqualTo("101 0b101 1_234_567");
        assertThat(PyFormat.format("{:.1%}", list(0.1234), Map.of())).isEqualTo("12.3%");
        assertThat(PyFormat.format("{{}}", list(), Map.of())).isEqualTo("{}");
        assertThat(PyFormat.format("{:>{w}}", list("x"), Map.of("w", 4L))).isEqualTo("   x");
        assertThat(PyFormat.format("{}", list(list(1L, "a")), Map.of())).isEqualTo("[1, 'a']");
        assertThat(PyFormat.format("{:.2e} {:f} {:.0f} {:.0f}", list(0L, 1e20, 2.5, 3.5), Map.of()))
                .isEqualTo("0.00e+00 100000000000000000000.000000 2 4");
        assertThat(PyFormat.format("{:>5} {}", list(true, true), Map.of())).isEqualTo("    1 True");
        assertThat(PyFormat.format("{:05} {:05}", list("a", 1.5), Map.of())).isEqualTo("a0000 001.5");
        assertThat(PyFormat.format("{:x} {:#X} {:08.3f} {:e} {:g} {:.2%}", list(-255L, 255L, -3.14159, 5L, 1e20, 1L), Map.of()))
                .isEqualTo("-ff 0XFF -003.142 5.000000e+00 1e+20 100.00%");
        assertThat(PyFormat.format("{} {:5} {:.3} {:.5} {:.10} {:n} {:} {:10.3}", list(1e16, 1e16, 100.0, 100.0, 1.0 / 3, 1.5, 2.0, 2.0), Map.of()))
                .isEqualTo("1e+16 1e+16 1e+02 100.0 0.3333333333 1.5 2.0        2.0");
        assertThat(PyFormat.format("{:.2f} {}", list(new BigDecimal("2.675"), new BigDecimal("2.675")), Map.of())).isEqualTo("2.68 2.675");
        assertThat(PyFormat.format("{:,} {:_x} {:-^10} {: d}", list(1234.5, 65535L, -5L, 5L), Map.of())).isEqualTo("1,234.5 ffff -----5----  5");
    }

    @Test
    void strFormatErrors() {
        assertError(() -> PyFormat.format("{} {}", list(1L), Map.of()), "IndexError", "tuple index out of range");
        assertError(() -> PyFormat.format("{0} {}", list(1L, 2L), Map.of()), "ValueError", "cannot switch from manual field specification to automatic field numbering");
        assertError(() -> PyFormat.format("{:d}", list("a"), Map.of()), "ValueError", "Unknown format code 'd' for object of type 'str'");
        assertError(() -> PyFormat.format("{:d}", list(1.5), Map.of()), "ValueError", "Unknown format code 'd' for object of type 'float'");
        assertError(() -> PyFormat.format("{:s}", list(1L), Map.of()), "ValueError", "Unknown format code 's' for object of type 'int'");
        assertError(() -> PyFormat.format("{", list(), Map.of()), "ValueError", "Single '{' encountered in format string");
        assertError(() -> PyFormat.format("}", list(), Map.of()), "ValueError", "Single '}' encountered in format string");
        assertError(() -> PyFormat.format("{0", list(1L), Map.of()), "ValueError", "expected '}' before end of string");
        assertError(() -> PyFormat.format("{x}", list(), Map.of("y", 1L)), "KeyError", "'x'");
        assertError(() -> PyFormat.format("{!x}", list(1L), Map.of()), "ValueError", "Unknown conversion specifier x");
        assertError(() -> PyFormat.format("{:,}", list("a"), Map.of()), "ValueError", "Cannot specify ',' with 's'.");
        assertError(() -> PyFormat.format("{:+}", list("a"), Map.of()), "ValueError", "Sign not allowed in string format specifier");
        assertError(() -> PyFormat.format("{:=5}", list("a"), Map.of()), "ValueError", "'=' alignment not allowed in string format specifier");
        assertError(() -> PyFormat.format("{:.2}", list(1L), Map.of()), "ValueError", "Precision not allowed in integer format specifier");
        assertError(() -> PyFormat.format("{:>5}", list((Object) null), Map.of()), "TypeError", "unsupported format string passed to NoneType.__format__");
        assertError(() -> PyFormat.format("{:>5}", list(list(1L)), Map.of()), "TypeError", "unsupported format string passed to list.__format__");
    }

    @Test
    void attributesAndItems() {
        Map<Object, Object> d = dict("a", 1L, "_a", 2L, 1L, "one");
        assertThat(Py.getItem(d, "a")).isEqualTo(1L);
        assertThat(Py.getItem(d, true)).isEqualTo("one");
        assertThat(Py.getItem(d, 1.0)).isEqualTo("one");
        assertThat(Py.getItem(d, "zz")).isSameAs(Py.MISSING);
        assertThat(Py.getAttr(d, "a")).isEqualTo(1L);
        assertThat(Py.getAttr(d, "_a")).isEqualTo(2L);
        assertThat(Py.getItem(d, "_a")).isEqualTo(2L);
        assertThat(Py.getItem(list(1L, 2L, 3L), -1L)).isEqualTo(3L);
        assertThat(Py.getItem(list(1L), 5L)).isSameAs(Py.MISSING);
        assertThat(Py.getItem(list(1L), 1.5)).isSameAs(Py.MISSING);
        assertThat(Py.getItem("abc", -1L)).isEqualTo("c");
        assertThat(Py.getItem("\uD83D\uDE00x", 1L)).isEqualTo("x");
        assertThat(Py.getItem(PyTuple.of("a", "b"), 1L)).isEqualTo("b");
        assertThat(Py.getAttr(null, "x")).isSameAs(Py.MISSING);
        assertThat(Py.getAttr(5L, "y")).isSameAs(Py.MISSING);
        Object unsafe = Py.getAttr("s", "__class__");
        assertThat(Py.str(unsafe)).isEmpty();
        assertError(() -> Py.getAttr(unsafe, "x"), "SecurityError", "access to attribute '__class__' of 'str' object is unsafe.");
        assertError(() -> Py.getAttr(Py.getAttr(dict(), "__class__"), "x"), "SecurityError",
                "access to attribute '__class__' of 'dict' object is unsafe.");
        assertThat(Py.getAttr("s", "_x")).isSameAs(Py.MISSING);
        assertError(() -> Py.getAttr(UndefinedValue.name(UndefinedMode.DEFAULT, "x"), "y"), "UndefinedError", "'x' is undefined");
        UndefinedValue chain = UndefinedValue.name(UndefinedMode.CHAINABLE, "x");
        assertThat(Py.getAttr(chain, "y")).isSameAs(chain);
    }

    @Test
    void slicing() {
        assertThat(Py.slice("abc", null, null, -1L)).isEqualTo("cba");
        assertThat(Py.slice("abcdef", 1L, 5L, 2L)).isEqualTo("bd");
        assertThat(Py.slice(list(1L, 2L, 3L), -1L, null, null)).isEqualTo(list(3L));
        assertThat(Py.slice(list(1L, 2L, 3L), 1L, null, null)).isEqualTo(list(2L, 3L));
        assertThat(Py.slice(list(1L, 2L, 3L), null, 2L, null)).isEqualTo(list(1L, 2L));
        assertThat(Py.slice(list(1L, 2L, 3L), null, null, -2L)).isEqualTo(list(3L, 1L));
        assertThat(Py.slice(list(1L, 2L, 3L), 10L, 20L, null)).isEqualTo(list());
        assertThat(Py.repr(Py.slice(PyTuple.of(1L, 2L, 3L), 1L, null, null))).isEqualTo("(2, 3)");
        assertThat(Py.repr(Py.slice(new PyRange(0, 10, 1), null, null, 3L))).isEqualTo("range(0, 10, 3)");
        assertThat(Py.repr(Py.slice(new PyRange(0, 10, 1), 2L, 5L, null))).isEqualTo("range(2, 5)");
        assertError(() -> Py.slice(list(1L), null, null, 0L), "ValueError", "slice step cannot be zero");
        assertError(() -> Py.slice(list(1L), "a", null, null), "TypeError", "slice indices must be integers or None or have an __index__ method");
    }

    @Test
    void iterationAndLength() {
        assertThat(Py.toList("ab")).containsExactly("a", "b");
        assertThat(Py.toList(dict("x", 1L, "y", 2L))).containsExactly("x", "y");
        assertThat(Py.toList(new PyRange(5, 0, -2))).containsExactly(5L, 3L, 1L);
        assertThat(Py.len("\uD83D\uDE00x")).isEqualTo(2);
        assertThat(Py.len(new PyRange(5, 0, -2))).isEqualTo(3);
        assertThat(Py.len(UndefinedValue.name(UndefinedMode.DEFAULT, "x"))).isZero();
        assertError(() -> Py.len(5L), "TypeError", "object of type 'int' has no len()");
        assertError(() -> Py.len(null), "TypeError", "object of type 'NoneType' has no len()");
        assertError(() -> Py.len(PyGenerator.of("f", List.of().iterator())), "TypeError", "object of type 'generator' has no len()");
        assertError(() -> Py.iterate(5L), "TypeError", "'int' object is not iterable");
        assertError(() -> Py.iterate(null), "TypeError", "'NoneType' object is not iterable");
        List<Object> growing = list(1L);
        var it = Py.iterate(growing);
        it.next();
        growing.add(2L);
        assertThat(it.hasNext()).isTrue();
    }

    @Test
    void floatRounding() {
        assertThat(PyFloat.round(2.675, 2)).isEqualTo(2.67);
        assertThat(PyFloat.round(0.125, 2)).isEqualTo(0.12);
        assertThat(PyFloat.round(2.5, 0)).isEqualTo(2.0);
        assertThat(PyFloat.round(1e20, 2)).isEqualTo(1e20);
    }
}
