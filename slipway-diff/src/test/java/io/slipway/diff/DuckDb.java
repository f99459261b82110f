package io.slipway.diff;

import io.slipway.adapter.Adapter;
import io.slipway.adapter.AdapterConnection;
import io.slipway.adapter.AdapterFactory;
import io.slipway.adapter.AdapterSettings;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/** A DuckDB database file behind the real adapter, for tests. */
final class DuckDb implements AutoCloseable {
    private final Adapter adapter;

    private DuckDb(Adapter adapter) {
        this.adapter = adapter;
    }

    static DuckDb open(Path file) {
        for (AdapterFactory f : ServiceLoader.load(AdapterFactory.class)) {
            if (f.type().equals("duckdb")) {
                return new DuckDb(f.create(new AdapterSettings("test", Map.of("type", "duckdb", "path", file.toString()), file.getParent())));
            }
        }
        throw new IllegalStateException("no duckdb adapter on the class path");
    }

    Adapter adapter() {
        return adapter;
    }

    DuckDb run(String... statements) {
        try (AdapterConnection c = adapter.open("test")) {
            for (String s : statements) {
                c.execute(s);
            }
        }
        return this;
    }

    List<List<Object>> query(String sql) {
        try (AdapterConnection c = adapter.open("test")) {
            return c.execute(sql, true, -1).rows();
        }
    }

    DiffTarget target(String relation) {
        return new DiffTarget(adapter, RelationName.parse(relation));
    }

    @Override
    public void close() {
        adapter.close();
    }
}
