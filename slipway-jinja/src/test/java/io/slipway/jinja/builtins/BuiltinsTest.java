package io.slipway.jinja.builtins;

import io.slipway.jinja.Arguments;
import io.slipway.jinja.Environment;
import io.slipway.jinja.JinjaCallable;
import io.slipway.jinja.JinjaException;
import io.slipway.jinja.PyObject;
import io.slipway.jinja.PyTuple;
import io.slipway.jinja.runtime.Namespace;
import io.slipway.jinja.runtime.Py;
import io.slipway.jinja.runtime.PyMarkup;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The registries and objects behind the built-ins; expected values are Jinja2 3.1.6's. */
class BuiltinsTest {
    private static String render(String template, Map<String, ?> context) {
        return Environment.builder().build().parse(template).render(context);
    }

    @Test
    void registersEveryJinja2FilterAndDbtTextMarkers() {
        // jinja2.filters.FILTERS in 3.1.6
        assertThat(Builtins.filters()).containsKeys("abs", "attr", "batch", "capitalize", "center", "count", "d",
                "default", "dictsort", "e", "escape", "filesizeformat", "first", "float", "forceescape", "format",
                "groupby", "indent", "int", "items", "join", "last", "length", "list", "lower", "map", "max", "min",
                "pprint", "random", "reject", "rejectattr", "replace", "reverse", "round", "safe", "select",
                "selectattr", "slice", "sort", "string", "striptags", "sum", "title", "tojson", "trim", "truncate",
                "unique", "upper", "urlencode", "urlize", "wordcount", "wordwrap", "xmlattr",
                "as_bool", "as_native", "as_number", "as_text");
        assertThat(Builtins.filters()).hasSize(58);
    }

    @Test
    void registersEveryJinja2Test() {
        // jinja2.tests.TESTS in 3.1.6
        assertThat(Builtins.tests()).containsOnlyKeys("!=", "<", "<=", "==", ">", ">=", "boolean", "callable", "defined",
                "divisibleby", "eq", "equalto", "escaped", "even", "false", "filter", "float", "ge", "greaterthan", "gt",
                "in", "integer", "iterable", "le", "lessthan", "lower", "lt", "mapping", "ne", "none", "number", "odd",
                "sameas", "sequence", "string", "test", "true", "undefined", "upper");
    }

    @Test
    void registersTheDefaultGlobals() {
        assertThat(Builtins.globals()).containsOnlyKeys("range", "dict", "lipsum", "cycler", "joiner", "namespace");
        assertThat(Builtins.globals().values()).allMatch(v -> v instanceof JinjaCallable);
        assertThat(Py.str(Builtins.globals().get("dict"))).isEqualTo("<class 'dict'>");
    }

    @Test
    void dbtTextMarkersRenderTheText() {
        assertThat(render("{{ 5 | as_number }}|{{ true | as_bool }}|{{ none | as_native }}|{{ 'x' | as_text }}", Map.of()))
                .isEqualTo("5|True|None|x");
    }

    @Test
    void namespaceHoldsAssignedAttributesInOrder() {
        Namespace ns = new Namespace(Map.of("a", 1L));
        ns.set("b", List.of("x"));
        ns.set("a", 2L);
        assertThat(ns.getAttr("a")).isEqualTo(2L);
        assertThat(ns.getAttr("missing")).isSameAs(PyObject.MISSING);
        assertThat(Py.repr(ns)).isEqualTo("<Namespace {'a': 2, 'b': ['x']}>");
        assertThat(Py.typeName(ns)).isEqualTo("Namespace");
        assertThat(Py.objectTypeRepr(ns)).isEqualTo("jinja2.utils.Namespace object");
        assertThat(Py.truthy(new Namespace(Map.of()))).isTrue();
    }

    @Test
    void namespaceCarriesValuesOutOfLoops() {
        String template = "{% set ns = namespace(found=false, n=0) %}{% for x in xs %}{% if x > 1 %}{% set ns.found = true %}"
                + "{% set ns.n = ns.n + x %}{% endif %}{% endfor %}{{ ns.found }} {{ ns.n }} {{ ns }}";
        assertThat(render(template, Map.of("xs", List.of(1L, 2L, 3L))))
                .isEqualTo("True 5 <Namespace {'found': True, 'n': 5}>");
    }

    @Test
    void methodsAreBoundToTheirReceiver() {
        List<Object> list = new ArrayList<>(List.of(1L));
        Object append = Methods.lookup(list, "append");
        assertThat(append).isInstanceOf(JinjaCallable.class);
        ((JinjaCallable) append).call(null, Arguments.positional(2L));
        assertThat(list).containsExactly(1L, 2L);
        assertThat(Py.str(Methods.lookup("s", "upper"))).isEqualTo("<built-in method upper of str object at 0x7f0000000000>");
        assertThat(Methods.lookup("s", "nope")).isSameAs(PyObject.MISSING);
        assertThat(Methods.lookup(PyTuple.of(1L), "append")).isSameAs(PyObject.MISSING);
        assertThat(Methods.lookup(5L, "upper")).isSameAs(PyObject.MISSING);
    }

    @Test
    void dictMethodsKeepPythonKeyEquality() {
        Map<Object, Object> d = new LinkedHashMap<>();
        d.put(1L, "a");
        JinjaCallable update = (JinjaCallable) Methods.lookup(d, "update");
        update.call(null, Arguments.positional(Map.of(1.0, "b")));
        assertThat(Py.repr(d)).isEqualTo("{1: 'b'}");
        JinjaCallable get = (JinjaCallable) Methods.lookup(d, "get");
        assertThat(get.call(null, Arguments.positional(true))).isEqualTo("b");
    }

    @Test
    void methodArgumentErrorsReadAsCPythons() {
        JinjaCallable upper = (JinjaCallable) Methods.lookup("a", "upper");
        assertThatThrownBy(() -> upper.call(null, Arguments.positional(1L)))
                .isInstanceOf(JinjaException.class)
                .hasMessage("str.upper() takes no arguments (1 given)");
        JinjaCallable replace = (JinjaCallable) Methods.lookup("a", "replace");
        assertThatThrownBy(() -> replace.call(null, Arguments.positional("a")))
                .hasMessage("replace expected at least 2 arguments, got 1");
        JinjaCallable center = (JinjaCallable) Methods.lookup("a", "center");
        assertThatThrownBy(() -> center.call(null, Arguments.of(List.of(), Map.of("width", 3L))))
                .hasMessage("str.center() takes no keyword arguments");
    }

    @Test
    void tojsonSortsKeysAndEscapesHtml() {
        Map<Object, Object> value = new LinkedHashMap<>();
        value.put("b", List.of("<a href='x'>", "&"));
        value.put("a", new PyMarkup("m"));
        assertThat(Json.htmlSafeDumps(value, -1))
                .isEqualTo("{\"a\": \"m\", \"b\": [\"\\u003ca href=\\u0027x\\u0027\\u003e\", \"\\u0026\"]}");
        assertThatThrownBy(() -> Json.htmlSafeDumps(new BigDecimal("1.5"), -1))
                .hasMessage("Object of type Decimal is not JSON serializable");
    }

    @Test
    void pprintWrapsLongContainersAsPython() {
        List<Object> numbers = new ArrayList<>();
        for (long i = 0; i < 30; i++) {
            numbers.add(i);
        }
        assertThat(PrettyPrint.pformat(numbers)).startsWith("[0,\n 1,\n 2,\n").endsWith("\n 29]");
        assertThat(PrettyPrint.pformat(Map.of("b", 1L))).isEqualTo("{'b': 1}");
    }
}
