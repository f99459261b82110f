package io.slipway.core.selection;

import io.slipway.core.selection.method.AccessMethod;
import io.slipway.core.selection.method.ConfigMethod;
import io.slipway.core.selection.method.FileMethod;
import io.slipway.core.selection.method.FqnMethod;
import io.slipway.core.selection.method.GroupMethod;
import io.slipway.core.selection.method.NamedResourceMethod;
import io.slipway.core.selection.method.PackageMethod;
import io.slipway.core.selection.method.PathMethod;
import io.slipway.core.selection.method.ResourceTypeMethod;
import io.slipway.core.selection.method.SelectorReferenceMethod;
import io.slipway.core.selection.method.SourceMethod;
import io.slipway.core.selection.method.TagMethod;
import io.slipway.core.selection.method.TestNameMethod;
import io.slipway.core.selection.method.TestTypeMethod;
import io.slipway.core.selection.method.UnitTestMethod;
import io.slipway.core.selection.method.UnsupportedMethod;
import io.slipway.core.selection.method.VersionMethod;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The selector methods by name. {@link #standard()} has every method Slipway implements, and
 * {@code state}, {@code result} and {@code source_status} as "not supported yet" errors; {@link #with} gives a
 * registry with one method replaced (how {@code state:} will be plugged in, with the previous manifest in the
 * method's constructor). Immutable.
 */
public final class MethodRegistry {
    private static final MethodRegistry STANDARD = buildStandard();

    private final Map<MethodName, SelectorMethod> methods;

    private MethodRegistry(Map<MethodName, SelectorMethod> methods) {
        this.methods = Collections.unmodifiableMap(new EnumMap<>(methods));
    }

    public static MethodRegistry standard() {
        return STANDARD;
    }

    private static MethodRegistry buildStandard() {
        Map<MethodName, SelectorMethod> m = new EnumMap<>(MethodName.class);
        m.put(MethodName.FQN, new FqnMethod());
        m.put(MethodName.TAG, new TagMethod());
        m.put(MethodName.GROUP, new GroupMethod());
        m.put(MethodName.ACCESS, new AccessMethod());
        m.put(MethodName.SOURCE, new SourceMethod());
        m.put(MethodName.PATH, new PathMethod());
        m.put(MethodName.FILE, new FileMethod());
        m.put(MethodName.PACKAGE, new PackageMethod());
        m.put(MethodName.CONFIG, new ConfigMethod());
        m.put(MethodName.TEST_NAME, new TestNameMethod());
        m.put(MethodName.TEST_TYPE, new TestTypeMethod());
        m.put(MethodName.RESOURCE_TYPE, new ResourceTypeMethod());
        m.put(MethodName.STATE, new UnsupportedMethod("a previous manifest to compare with (--state)"));
        m.put(MethodName.EXPOSURE, new NamedResourceMethod("exposure", "exposure"));
        m.put(MethodName.METRIC, new NamedResourceMethod("metric", "metric"));
        m.put(MethodName.RESULT, new UnsupportedMethod("the previous run_results.json (--state)"));
        m.put(MethodName.SOURCE_STATUS, new UnsupportedMethod("sources.json from source freshness, in --state and target"));
        m.put(MethodName.VERSION, new VersionMethod());
        m.put(MethodName.SEMANTIC_MODEL, new NamedResourceMethod("semantic_model", "semantic model"));
        m.put(MethodName.SAVED_QUERY, new NamedResourceMethod("saved_query", "saved query"));
        m.put(MethodName.UNIT_TEST, new UnitTestMethod());
        m.put(MethodName.SELECTOR, new SelectorReferenceMethod());
        return new MethodRegistry(m);
    }

    /** A registry like this one with {@code name} handled by {@code method}. */
    public MethodRegistry with(MethodName name, SelectorMethod method) {
        Map<MethodName, SelectorMethod> m = new EnumMap<>(MethodName.class);
        m.putAll(methods);
        m.put(Objects.requireNonNull(name, "name is null"), Objects.requireNonNull(method, "method is null"));
        return new MethodRegistry(m);
    }

    /** The method for a name, or null when none is registered. */
    public SelectorMethod get(MethodName name) {
        return methods.get(name);
    }
}
