#!/usr/bin/env python3
"""Regenerates the golden files of the slipway-jinja conformance suite with Python's Jinja2 3.1.

Usage (from anywhere):

    python3 slipway-jinja/scripts/generate_conformance_golden.py          # rewrite golden/*.json
    python3 slipway-jinja/scripts/generate_conformance_golden.py --check  # fail if a golden is stale

Every case of src/test/resources/conformance/cases/<topic>.yaml is rendered in the harness environment
described in src/test/resources/conformance/README.md (the Java runner ConformanceTest builds the same one),
and its output, or the error Jinja2 raised, is written to golden/<topic>.json. Deterministic, no network.
Needs Python 3 with Jinja2 3.1.x and PyYAML.
"""

import argparse
import copy
import json
import re
import sys
from pathlib import Path

import jinja2
import jinja2.ext
import jinja2.nodes
import jinja2.runtime
import jinja2.sandbox
import yaml

CONFORMANCE = Path(__file__).resolve().parent.parent / "src" / "test" / "resources" / "conformance"
CASE_KEYS = {"name", "template", "context", "options", "modules"}
OPTION_KEYS = {"trim_blocks", "lstrip_blocks", "keep_trailing_newline", "undefined"}
NAME_PATTERN = re.compile(r"^[a-z0-9]+(_[a-z0-9]+)*$")


# ---------------------------------------------------------------------------------------------------------
# YAML: only what both PyYAML and Jackson read the same way.
# ---------------------------------------------------------------------------------------------------------

class StrictLoader(yaml.SafeLoader):
    """SafeLoader that refuses plain scalars whose type YAML 1.1 and YAML 1.2 readers may disagree on.

    Allowed unquoted: null/~, true/false, decimal ints, floats with a dot (1.5, -0.25, 1.0e+16), and text
    that does not look like a number, boolean, null or date. Anything else (yes, on, 0x1A, 1_000, 1e16,
    2020-01-01, .inf) must be quoted, so PyYAML here and Jackson in the Java runner read the same values.
    """


_SAFE_INT = re.compile(r"^-?(0|[1-9][0-9]*)$")
_SAFE_FLOAT = re.compile(r"^-?(0|[1-9][0-9]*)\.[0-9]+([eE][-+][0-9]+)?$")
_AMBIGUOUS = re.compile(
    r"^(?:[-+]?[0-9.][0-9a-zA-Z_.:+-]*|[-+]?\.(?:inf|Inf|INF|nan|NaN|NAN)"
    r"|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|TRUE|FALSE|Null|NULL|True|False|=|<<)$"
)


def _construct_scalar(loader, node):
    if node.style is not None and node.style != "":
        return loader.construct_scalar(node)
    value = node.value
    if value in ("null", "~", ""):
        return None
    if value == "true":
        return True
    if value == "false":
        return False
    if _SAFE_INT.match(value):
        return int(value)
    if _SAFE_FLOAT.match(value):
        return float(value)
    if _AMBIGUOUS.match(value):
        raise yaml.constructor.ConstructorError(
            None, None, f"ambiguous plain scalar {value!r}: quote it", node.start_mark)
    return value


StrictLoader.yaml_implicit_resolvers = {}
StrictLoader.add_constructor("tag:yaml.org,2002:str", _construct_scalar)


def load_yaml(path):
    text = path.read_text(encoding="utf-8")
    try:
        return yaml.load(text, Loader=StrictLoader)
    except yaml.YAMLError as e:
        sys.exit(f"{path}: {e}")


def check_json_compatible(value, where):
    if value is None or isinstance(value, (bool, int, float, str)):
        return
    if isinstance(value, list):
        for i, item in enumerate(value):
            check_json_compatible(item, f"{where}[{i}]")
        return
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                sys.exit(f"{where}: key {key!r} is not a string")
            check_json_compatible(item, f"{where}.{key}")
        return
    sys.exit(f"{where}: {type(value).__name__} is not JSON-compatible")


# ---------------------------------------------------------------------------------------------------------
# The harness environment (mirrored by io.slipway.jinja.conformance in Java).
# ---------------------------------------------------------------------------------------------------------

class MacroReturn(Exception):
    """dbt's return(x): unwinds to the innermost macro call, which returns x."""

    def __init__(self, value):
        super().__init__(value)
        self.value = value


class CompilationError(Exception):
    """dbt's CompilationError, as adapter.dispatch raises it."""


class MaterializationArgError(Exception):
    """dbt's error for an unknown argument of a materialization tag."""


_original_invoke = jinja2.runtime.Macro._invoke


def _invoke_catching_return(self, arguments, autoescape):
    try:
        return _original_invoke(self, arguments, autoescape)
    except MacroReturn as e:
        return e.value


jinja2.runtime.Macro._invoke = _invoke_catching_return


def dbt_return(value):
    raise MacroReturn(value)


class CaptureUndefined(jinja2.Undefined):
    """dbt's parse-time (capture_macros) undefined: attribute, item and call return the undefined itself."""

    __slots__ = ()

    def __getattr__(self, name):
        if name[:2] == "__":
            raise AttributeError(name)
        return self

    def __getitem__(self, key):
        return self

    def __call__(self, *args, **kwargs):
        return self


UNDEFINED_MODES = {
    "default": jinja2.Undefined,
    "strict": jinja2.StrictUndefined,
    "chainable": CaptureUndefined,
}


class MaterializationExtension(jinja2.ext.Extension):
    """{% materialization name[, default][, adapter='x'][, supported_languages=[...]] %} as dbt-common parses it."""

    tags = {"materialization"}

    def parse(self, parser):
        node = jinja2.nodes.Macro(lineno=next(parser.stream).lineno)
        materialization = parser.parse_assign_target(name_only=True).name
        adapter = "default"
        node.args = []
        node.defaults = []
        while parser.stream.skip_if("comma"):
            target = parser.parse_assign_target(name_only=True)
            if target.name == "default":
                pass
            elif target.name == "adapter":
                parser.stream.expect("assign")
                adapter = parser.parse_expression().value
            elif target.name == "supported_languages":
                target.set_ctx("param")
                node.args.append(target)
                parser.stream.expect("assign")
                node.defaults.append(parser.parse_expression())
            else:
                raise MaterializationArgError(
                    f"materialization '{materialization}' received unknown argument '{target.name}'.")
        if not any(arg.name == "supported_languages" for arg in node.args):
            node.args.append(jinja2.nodes.Name("supported_languages", "param"))
            node.defaults.append(jinja2.nodes.List([jinja2.nodes.Const("sql")]))
        node.name = f"materialization_{materialization}_{adapter}"
        node.body = parser.parse_statements(("name:endmaterialization",), drop_needle=True)
        return node


class TestExtension(jinja2.ext.Extension):
    """{% test name(signature) %} defines macro test_<name>."""

    tags = {"test"}

    def parse(self, parser):
        node = jinja2.nodes.Macro(lineno=next(parser.stream).lineno)
        name = parser.parse_assign_target(name_only=True).name
        parser.parse_signature(node)
        node.name = f"test_{name}"
        node.body = parser.parse_statements(("name:endtest",), drop_needle=True)
        return node


class _NoArgsBlockExtension(jinja2.ext.Extension):
    prefix = ""

    def parse(self, parser):
        node = jinja2.nodes.Macro(lineno=next(parser.stream).lineno)
        name = parser.parse_assign_target(name_only=True).name
        node.args = []
        node.defaults = []
        node.name = f"{self.prefix}_{name}"
        node.body = parser.parse_statements((f"name:end{self.prefix}",), drop_needle=True)
        return node


class DocsExtension(_NoArgsBlockExtension):
    """{% docs name %} defines macro docs_<name> (no arguments)."""

    tags = {"docs"}
    prefix = "docs"


class SnapshotExtension(_NoArgsBlockExtension):
    """{% snapshot name %} defines macro snapshot_<name> (no arguments)."""

    tags = {"snapshot"}
    prefix = "snapshot"


class Adapter:
    """The harness's `adapter`: dispatch(name, macro_namespace=None) finds duckdb__name, then default__name."""

    def __init__(self, globals_):
        self._globals = globals_

    def dispatch(self, macro_name, macro_namespace=None):
        namespace = "root" if macro_namespace is None else macro_namespace
        module = self._globals.get(namespace)
        if isinstance(module, jinja2.environment.TemplateModule):
            for prefix in ("duckdb__", "default__"):
                macro = getattr(module, prefix + macro_name, None)
                if macro is not None:
                    return macro
        raise CompilationError(f"No macro named '{macro_name}' found within namespace: '{namespace}'")


def make_environment(options):
    return jinja2.sandbox.SandboxedEnvironment(
        extensions=["jinja2.ext.do", "jinja2.ext.loopcontrols",
                    MaterializationExtension, TestExtension, DocsExtension, SnapshotExtension],
        trim_blocks=options.get("trim_blocks", False),
        lstrip_blocks=options.get("lstrip_blocks", False),
        keep_trailing_newline=options.get("keep_trailing_newline", False),
        undefined=UNDEFINED_MODES[options.get("undefined", "default")],
    )


def error_result(e):
    error = {"type": type(e).__name__, "message": e.message if isinstance(e, jinja2.TemplateSyntaxError) else str(e)}
    if isinstance(e, jinja2.TemplateSyntaxError):
        error["line"] = e.lineno
    return {"error": error}


def render_case(case, shared_context):
    options = case.get("options") or {}
    env = make_environment(options)
    # The environment's own globals (range, dict, namespace, cycler, joiner, lipsum) come first, so macros of
    # modules see them as dbt's macros do; then the context (templates may mutate it: copy it per case).
    g = dict(env.globals)
    g.update(copy.deepcopy(shared_context))
    g.update(copy.deepcopy(case.get("context") or {}))
    g["return"] = dbt_return
    g["adapter"] = Adapter(g)
    try:
        for name, source in (case.get("modules") or {}).items():
            g[name] = env.from_string(source).make_module(vars=g, shared=True)
        return {"output": env.from_string(case["template"]).render(g)}
    except Exception as e:  # the golden records whatever Jinja2 raised
        return error_result(e)


# ---------------------------------------------------------------------------------------------------------
# Corpus handling.
# ---------------------------------------------------------------------------------------------------------

def validate_case(case, where):
    if not isinstance(case, dict):
        sys.exit(f"{where}: a case must be a mapping")
    unknown = set(case) - CASE_KEYS
    if unknown:
        sys.exit(f"{where}: unknown keys {sorted(unknown)}")
    name = case.get("name")
    if not isinstance(name, str) or not NAME_PATTERN.match(name):
        sys.exit(f"{where}: name {name!r} must be snake_case")
    if not isinstance(case.get("template"), str):
        sys.exit(f"{where}/{name}: template must be a string")
    context = case.get("context")
    if context is not None and not isinstance(context, dict):
        sys.exit(f"{where}/{name}: context must be a mapping")
    check_json_compatible(context, f"{where}/{name}.context")
    options = case.get("options") or {}
    if not isinstance(options, dict) or set(options) - OPTION_KEYS:
        sys.exit(f"{where}/{name}: options may only have {sorted(OPTION_KEYS)}")
    for key in ("trim_blocks", "lstrip_blocks", "keep_trailing_newline"):
        if key in options and not isinstance(options[key], bool):
            sys.exit(f"{where}/{name}: option {key} must be true or false")
    if options.get("undefined", "default") not in UNDEFINED_MODES:
        sys.exit(f"{where}/{name}: undefined must be one of {sorted(UNDEFINED_MODES)}")
    modules = case.get("modules") or {}
    if not isinstance(modules, dict) or not all(isinstance(v, str) for v in modules.values()):
        sys.exit(f"{where}/{name}: modules must map names to template sources")


def golden_text(results):
    return json.dumps(results, indent=2, ensure_ascii=False) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="do not write; exit 1 if any golden file differs")
    args = parser.parse_args()

    if not jinja2.__version__.startswith("3.1"):
        sys.exit(f"Jinja2 3.1.x is required, found {jinja2.__version__}")

    shared_context = load_yaml(CONFORMANCE / "context.yaml") or {}
    if not isinstance(shared_context, dict):
        sys.exit("context.yaml must be a mapping")
    check_json_compatible(shared_context, "context.yaml")

    case_files = sorted((CONFORMANCE / "cases").glob("*.yaml"))
    golden_dir = CONFORMANCE / "golden"
    golden_dir.mkdir(exist_ok=True)
    expected_goldens = set()
    total = errors = stale = 0
    for path in case_files:
        topic = path.stem
        cases = load_yaml(path)
        if not isinstance(cases, list):
            sys.exit(f"{path}: must be a YAML list of cases")
        results = {}
        for index, case in enumerate(cases):
            validate_case(case, f"{topic}[{index}]")
            if case["name"] in results:
                sys.exit(f"{topic}: duplicate case name {case['name']!r}")
            results[case["name"]] = render_case(case, shared_context)
            errors += "error" in results[case["name"]]
        total += len(results)
        golden = golden_dir / f"{topic}.json"
        expected_goldens.add(golden.name)
        text = golden_text(results)
        current = golden.read_text(encoding="utf-8") if golden.exists() else None
        if current != text:
            stale += 1
            if args.check:
                print(f"stale: {golden.relative_to(CONFORMANCE)}")
            else:
                golden.write_text(text, encoding="utf-8", newline="\n")
    for orphan in sorted(p for p in golden_dir.glob("*.json") if p.name not in expected_goldens):
        stale += 1
        if args.check:
            print(f"orphan: {orphan.relative_to(CONFORMANCE)}")
        else:
            orphan.unlink()

    print(f"{total} cases in {len(case_files)} files ({total - errors} outputs, {errors} errors), "
          f"Jinja2 {jinja2.__version__}; {stale} golden file(s) {'stale' if args.check else 'written'}")
    if args.check and stale:
        sys.exit(1)


if __name__ == "__main__":
    main()
