package io.slipway.core.template;

import io.slipway.adapter.Adapter;
import io.slipway.adapter.AdapterConnection;
import io.slipway.adapter.QueryResult;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The warehouse side of one node's render: the adapter, the thread's connection (null while parsing or
 * compiling without a warehouse), the results {@code statement} blocks stored for {@code load_result},
 * and the SQL of the {@code main} statements (written to {@code target/run/}). Not thread-safe.
 */
public final class NodeSession {
    private final Adapter adapter;
    private final AdapterConnection connection;
    private final boolean execute;
    private final Map<String, Object> results = new HashMap<>();
    private final List<String> mainStatements = new ArrayList<>();
    private QueryResult lastMainResult;

    public NodeSession(Adapter adapter, AdapterConnection connection, boolean execute) {
        this.adapter = adapter;
        this.connection = connection;
        this.execute = execute;
    }

    public Adapter adapter() {
        return adapter;
    }

    /** The connection, or null when this render does not reach the warehouse. */
    public AdapterConnection connection() {
        return connection;
    }

    /** dbt's {@code execute}: false while parsing. */
    public boolean execute() {
        return execute;
    }

    public Map<String, Object> results() {
        return results;
    }

    public List<String> mainStatements() {
        return mainStatements;
    }

    public QueryResult lastMainResult() {
        return lastMainResult;
    }

    void recordMain(String sql, QueryResult result) {
        mainStatements.add(sql);
        lastMainResult = result;
    }
}
