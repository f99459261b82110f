package io.slipway.jinja.conformance;

import io.slipway.jinja.Environment;
import io.slipway.jinja.Globals;
import io.slipway.jinja.JinjaException;
import io.slipway.jinja.MacroReturn;
import io.slipway.jinja.testing.DbtTestTags;

import java.util.Map;

/**
 * Renders a case as {@code scripts/generate_conformance_golden.py} does in Python: a sandboxed environment
 * with dbt's tags and the case's options; globals made of the context, {@code return}, {@code adapter} and
 * the case's modules (each module sees all of them, later modules included).
 */
final class Harness {
    private final Corpus corpus;

    Harness(Corpus corpus) {
        this.corpus = corpus;
    }

    static Environment environment(CaseOptions options) {
        Environment.Builder builder = Environment.builder()
                .trimBlocks(options.trimBlocks())
                .lstripBlocks(options.lstripBlocks())
                .keepTrailingNewline(options.keepTrailingNewline())
                .undefined(options.undefined());
        return DbtTestTags.register(builder).build();
    }

    Outcome render(ConformanceCase c) {
        try {
            Environment env = environment(c.options());
            Map<String, Object> values = corpus.contextFor(c);
            values.put("return", MacroReturn.FUNCTION);
            values.put("adapter", new HarnessAdapter(values));
            // Read at lookup time, so a module's macros also see the modules bound after it.
            Globals globals = name -> values.containsKey(name) ? values.get(name) : Globals.MISSING;
            for (Map.Entry<String, String> module : c.modules().entrySet()) {
                values.put(module.getKey(), env.parse(module.getValue(), module.getKey()).module(globals));
            }
            return new Outcome.Output(env.parse(c.template()).render(globals));
        } catch (JinjaException e) {
            return new Outcome.Error(e.pythonType(), e.pythonMessage(), e.line());
        } catch (RuntimeException | StackOverflowError e) {
            return new Outcome.Crash(e);
        }
    }
}
