package io.slipway.core.template;

import io.slipway.core.manifest.MacroNode;
import io.slipway.jinja.PyObject;

/** A package as templates see it: {@code dbt_utils.star(...)} finds macro {@code star} of package {@code dbt_utils}. */
final class NamespaceValue implements PyObject {
    private final String packageName;
    private final NodeGlobals globals;

    NamespaceValue(String packageName, NodeGlobals globals) {
        this.packageName = packageName;
        this.globals = globals;
    }

    @Override
    public Object getAttr(String name) {
        MacroNode macro = globals.context().macros().inPackage(packageName, name);
        return macro == null ? MISSING : globals.bind(macro);
    }

    @Override
    public String repr() {
        return "<namespace " + packageName + ">";
    }
}
