package io.slipway.jinja.conformance;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every conformance case rendered with slipway-jinja and compared with what Python's Jinja2 3.1 gives
 * (the golden files), byte for byte. A case listed in {@code known-mismatches.yaml} is skipped while it
 * still differs and fails once it matches, so the list only ever shrinks.
 */
class ConformanceTest {
    private static final int MINIMUM_CASES = 500;
    /** A render that takes longer is an engine bug (a loop that never ends), not a slow case. */
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static Corpus corpus;
    private static Harness harness;

    @BeforeAll
    static void load() {
        corpus = Corpus.load();
        harness = new Harness(corpus);
    }

    @TestFactory
    Stream<DynamicTest> cases() {
        return corpus.cases().stream().map(c -> DynamicTest.dynamicTest(c.id(), () -> check(c)));
    }

    private static void check(ConformanceCase c) {
        Outcome expected = corpus.goldens().get(c.id());
        if (expected == null) {
            fail("no golden for " + c.id() + ": run scripts/generate_conformance_golden.py");
        }
        Outcome actual = assertTimeoutPreemptively(TIMEOUT, () -> harness.render(c));
        boolean matches = Outcome.matches(expected, actual);
        String knownReason = corpus.knownMismatches().get(c.id());
        if (knownReason != null) {
            if (matches) {
                fail(c.id() + " now matches Jinja2: remove it from known-mismatches.yaml");
            }
            Assumptions.abort("known mismatch: " + knownReason);
        }
        if (!matches) {
            fail(report(c, expected, actual));
        }
    }

    private static String report(ConformanceCase c, Outcome expected, Outcome actual) {
        StringBuilder sb = new StringBuilder(c.id()).append(" differs from Jinja2\n")
                .append("template: ").append(Outcome.quote(c.template())).append('\n');
        if (!c.options().equals(CaseOptions.DEFAULTS)) {
            sb.append("options:  ").append(c.options()).append('\n');
        }
        sb.append("expected: ").append(expected.describe()).append('\n')
                .append("actual:   ").append(actual.describe());
        if (actual instanceof Outcome.Crash crash) {
            java.io.StringWriter trace = new java.io.StringWriter();
            crash.cause().printStackTrace(new java.io.PrintWriter(trace));
            sb.append('\n').append(trace);
        }
        return sb.toString();
    }

    @Test
    void corpusHasAtLeastFiveHundredUniqueCases() {
        List<String> ids = corpus.cases().stream().map(ConformanceCase::id).toList();
        Set<String> seen = new HashSet<>();
        List<String> duplicates = ids.stream().filter(id -> !seen.add(id)).toList();
        assertThat(duplicates).as("duplicate case names").isEmpty();
        assertThat(ids).hasSizeGreaterThanOrEqualTo(MINIMUM_CASES);
    }

    @Test
    void everyCaseHasAGoldenAndEveryGoldenACase() {
        Set<String> cases = new LinkedHashSet<>(corpus.cases().stream().map(ConformanceCase::id).toList());
        Set<String> goldens = corpus.goldens().keySet();
        assertThat(goldens).as("goldens without a case (regenerate the goldens)").isSubsetOf(cases);
        assertThat(cases).as("cases without a golden (regenerate the goldens)").isSubsetOf(goldens);
    }

    @Test
    void knownMismatchesNameExistingCasesWithReasons() {
        Set<String> cases = new HashSet<>(corpus.cases().stream().map(ConformanceCase::id).toList());
        assertThat(corpus.knownMismatches().keySet()).as("known mismatches that are no case").isSubsetOf(cases);
        assertThat(corpus.knownMismatches()).as("known mismatches without a reason").allSatisfy(
                (id, reason) -> assertThat(reason).as(id).isNotBlank());
    }
}
