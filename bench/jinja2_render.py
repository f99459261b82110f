#!/usr/bin/env python3
"""Python Jinja2's speed on the JinjaBenchmark model, for comparison with slipway-jinja.

Renders the same model with the same macros the way dbt-core does: each macro is its own cached template,
wrapped in a dbt-style MacroGenerator that builds the macro's module against the node's context at each call
(``template.make_module(vars=context)``) and turns ``return(x)`` into the call's value. Also reports a lighter
variant that makes each macro module once per render. Usage:

    python3 bench/jinja2_render.py           # renders/s and parses/s
    python3 bench/jinja2_render.py --print   # the rendered model, to diff with io.slipway.bench.PrintModel
"""

import re
import sys
import time
from pathlib import Path

from jinja2.sandbox import SandboxedEnvironment

SOURCE = (Path(__file__).resolve().parent / "src/main/java/io/slipway/bench/DbtLikeProject.java").read_text()


def java_text_block(name):
    m = re.search(r'public static final String ' + name + r' = """\n(.*?)""";', SOURCE, re.S)
    lines = m.group(1).split("\n")
    indent = min(len(l) - len(l.lstrip()) for l in lines if l.strip())
    return "\n".join(l[indent:] for l in lines)


DBT_UTILS, PROJECT_MACROS, MODEL = (java_text_block(n) for n in ("DBT_UTILS", "PROJECT_MACROS", "MODEL"))
COLUMNS = ["order_id", "customer_id", "order_date", "status", "_loaded_at"]


class MacroReturn(Exception):
    def __init__(self, value):
        self.value = value


def dbt_return(value):
    raise MacroReturn(value)


class Relation:
    def __init__(self, name):
        self.database, self.schema, self.identifier = "analytics", "dbt_prod", name

    def __str__(self):
        return f'"{self.database}"."{self.schema}"."{self.identifier}"'


class Namespace:
    def __init__(self, members):
        self.__dict__.update(members)


class Adapter:
    def __init__(self, context):
        self._context = context

    def dispatch(self, macro_name, macro_namespace=None):
        scope = self._context.get(macro_namespace) if macro_namespace else None
        if scope is not None:
            return getattr(scope, "default__" + macro_name)
        return self._context["default__" + macro_name]

    def get_columns_in_relation(self, relation):
        return list(COLUMNS)


env = SandboxedEnvironment(extensions=["jinja2.ext.do", "jinja2.ext.loopcontrols"])
MACRO_BLOCK = re.compile(r"{% macro (\w+)\(.*?{%- endmacro %}", re.S)


def split_macros(source):
    """Each macro as its own template, as dbt stores macro_sql per macro."""
    return {m.group(1): env.from_string(m.group(0)) for m in MACRO_BLOCK.finditer(source)}


UTILS_TEMPLATES = split_macros(DBT_UTILS)
PROJECT_TEMPLATES = split_macros(PROJECT_MACROS)
MODEL_TEMPLATE = env.from_string(MODEL)


class MacroGenerator:
    """dbt-core's MacroGenerator: the macro's module is made against the node's context at every call."""

    def __init__(self, name, template, context):
        self.name, self.template, self.context = name, template, context

    def __call__(self, *args, **kwargs):
        module = self.template.make_module(vars=self.context, shared=False)
        try:
            return getattr(module, self.name)(*args, **kwargs)
        except MacroReturn as e:
            return e.value


class ModuleMacro:
    """Lighter variant: the macro's module is made once per render."""

    def __init__(self, name, template, context):
        self.macro = None
        self.name, self.template, self.context = name, template, context

    def __call__(self, *args, **kwargs):
        if self.macro is None:
            self.macro = getattr(self.template.make_module(vars=self.context, shared=False), self.name)
        try:
            return self.macro(*args, **kwargs)
        except MacroReturn as e:
            return e.value


def render(wrapper=MacroGenerator):
    context = {
        "ref": Relation,
        "var": lambda name, default=None: default,
        "config": lambda **kw: "",
        "return": dbt_return,
    }
    context["adapter"] = Adapter(context)
    context["dbt_utils"] = Namespace({n: wrapper(n, t, context) for n, t in UTILS_TEMPLATES.items()})
    for n, t in PROJECT_TEMPLATES.items():
        context[n] = wrapper(n, t, context)
    return MODEL_TEMPLATE.render(context)


def rate(fn, seconds=3.0):
    for _ in range(50):
        fn()
    n, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        fn()
        n += 1
    return n / (time.perf_counter() - start)


if __name__ == "__main__":
    if "--print" in sys.argv:
        sys.stdout.write(render())
        sys.exit()
    assert render() == render(ModuleMacro)
    print(f"render, dbt-style MacroGenerator : {rate(render):8.0f} renders/s")
    print(f"render, module per render        : {rate(lambda: render(ModuleMacro)):8.0f} renders/s")
    print(f"parse model (from_string)        : {rate(lambda: env.from_string(MODEL)):8.0f} parses/s")
