package io.slipway.core.execution;

import io.slipway.core.error.ErrorCode;
import io.slipway.core.error.SlipwayException;
import io.slipway.core.manifest.Manifest;
import io.slipway.core.manifest.Node;
import io.slipway.core.manifest.RefCall;
import io.slipway.core.manifest.SourceDefinition;
import io.slipway.core.template.NodeSession;
import io.slipway.core.template.RefFunction;
import io.slipway.core.template.RelationResolver;
import io.slipway.core.template.RelationValue;
import io.slipway.jinja.CallContext;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * {@code ref()} and {@code source()} while compiling: relations from the manifest, ephemeral models as
 * CTE names (collected for injection), and, with {@code --defer}, the state's relations for nodes the
 * {@link Deferral} says to take from there.
 */
final class RuntimeResolver implements RelationResolver {
    private final Manifest manifest;
    private final Node node;
    private final Deferral deferral;
    private final NodeSession session;
    private final Set<String> ephemerals = new LinkedHashSet<>();

    /** Rows refs and sources are limited to where they print ({@code --empty}: 0), or null. */
    private final Integer limit;
    /** The microbatch batch being built: refs and sources with an event time are filtered to it; else null. */
    private final MicrobatchPlan.Batch batch;

    /** @param session the render's warehouse session, whose connection deferral checks relations with (may be null) */
    RuntimeResolver(Manifest manifest, Node node, Deferral deferral, NodeSession session, Integer limit) {
        this(manifest, node, deferral, session, limit, null);
    }

    RuntimeResolver(Manifest manifest, Node node, Deferral deferral, NodeSession session, Integer limit, MicrobatchPlan.Batch batch) {
        this.limit = limit;
        this.batch = batch;
        this.manifest = manifest;
        this.node = node;
        this.deferral = deferral;
        this.session = session;
    }

    /** Unique ids of the ephemeral models this node's SQL refers to, in first-use order. */
    Set<String> ephemerals() {
        return ephemerals;
    }

    @Override
    public Object ref(CallContext context, RefCall call) {
        Node target = manifest.resolveRef(call, node.packageName());
        if (target == null) {
            throw new SlipwayException(ErrorCode.REF_NOT_FOUND,
                    node.uniqueId() + " calls " + RefFunction.describe(call) + " but no such node exists",
                    node.originalFilePath(), context == null ? 0 : context.line());
        }
        if (target.isEphemeral()) {
            ephemerals.add(target.uniqueId());
            return RelationValue.cte(cteName(target));
        }
        RelationValue deferred = deferral.resolve(target, session == null || !session.execute() ? null : session.connection());
        return inBatch((deferred != null ? deferred : relationOf(target)).limited(limit, limitAlias()), target.config().get("event_time"));
    }

    @Override
    public Object source(CallContext context, String sourceName, String tableName) {
        SourceDefinition def = manifest.resolveSource(sourceName, tableName, node.packageName());
        if (def == null) {
            throw new SlipwayException(ErrorCode.SOURCE_NOT_FOUND,
                    node.uniqueId() + " calls source('" + sourceName + "', '" + tableName + "') but no such source exists",
                    node.originalFilePath(), context == null ? 0 : context.line());
        }
        return inBatch(RelationValue.of(def.database(), def.schema(), def.identifier(), "table").limited(limit, limitAlias()),
                def.config().get("event_time"));
    }

    /** dbt's event time filter: in a batch, an upstream that names its event_time reads that batch's rows only. */
    private RelationValue inBatch(RelationValue relation, Object eventTime) {
        if (batch == null || eventTime == null || eventTime.toString().isBlank()) {
            return relation;
        }
        String column = eventTime.toString();
        return relation.filtered(column + " >= '" + MicrobatchPlan.Batch.sql(batch.start()) + "' and " + column + " < '"
                + MicrobatchPlan.Batch.sql(batch.end()) + "'");
    }

    private boolean limitAlias() {
        return session == null || session.adapter() == null || session.adapter().subqueryNeedsAlias();
    }

    static String cteName(Node ephemeral) {
        return "__dbt__cte__" + ephemeral.alias();
    }

    /** The relation a node is built as. */
    static RelationValue relationOf(Node target) {
        String type = switch (target.materialized()) {
            case "view" -> "view";
            case "ephemeral" -> "cte";
            case "materialized_view" -> "materialized_view";
            default -> "table";
        };
        return RelationValue.of(target.database(), target.schema(), target.alias(), type);
    }
}
