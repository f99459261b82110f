package io.slipway.diff.hash;

import io.slipway.adapter.Adapter;
import io.slipway.adapter.AdapterConnection;
import io.slipway.adapter.AdapterException;
import io.slipway.diff.DiffErrorCode;
import io.slipway.diff.DiffException;
import io.slipway.diff.sql.Dialect;
import io.slipway.diff.sql.Queries;
import io.slipway.diff.sql.SideSql;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * One side of a hash diff: its SQL and a small pool of connections, one per thread, so checksum queries of
 * several segments run at once on each warehouse.
 */
final class HashSide implements AutoCloseable {
    private final SideSql sql;
    private final String display;
    private final BlockingQueue<AdapterConnection> pool;
    private final List<AdapterConnection> all = new ArrayList<>();

    HashSide(Adapter adapter, SideSql sql, String display, int connections) {
        this.sql = sql;
        this.display = display;
        this.pool = new ArrayBlockingQueue<>(connections);
        try {
            for (int i = 0; i < connections; i++) {
                AdapterConnection c = adapter.open("diff-" + (sql.left() ? "left" : "right") + "-" + i);
                all.add(c);
                pool.add(c);
            }
        } catch (AdapterException e) {
            close();
            throw new DiffException(DiffErrorCode.DATABASE_ERROR, "could not connect for " + display + ": " + e.getMessage(), e);
        }
    }

    SideSql sql() {
        return sql;
    }

    Dialect dialect() {
        return sql.dialect();
    }

    String display() {
        return display;
    }

    boolean left() {
        return sql.left();
    }

    /** Runs a query on a free connection of this side. */
    List<List<Object>> query(String query) {
        AdapterConnection c;
        try {
            c = pool.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DiffException(DiffErrorCode.CANCELLED, "diff interrupted");
        }
        try {
            return Queries.rows(c, query, display);
        } finally {
            pool.add(c);
        }
    }

    /** Runs a statement on a free connection of this side. */
    void run(String statement) {
        AdapterConnection c;
        try {
            c = pool.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DiffException(DiffErrorCode.CANCELLED, "diff interrupted");
        }
        try {
            Queries.run(c, statement, display);
        } finally {
            pool.add(c);
        }
    }

    /** A free connection for work outside SQL text (inserts), returned with {@link #release}. */
    AdapterConnection borrow() {
        try {
            return pool.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DiffException(DiffErrorCode.CANCELLED, "diff interrupted");
        }
    }

    void release(AdapterConnection c) {
        pool.add(c);
    }

    /** Stops the statements running on this side's connections. */
    void cancel() {
        all.forEach(AdapterConnection::cancel);
    }

    @Override
    public void close() {
        for (AdapterConnection c : all) {
            c.close();
        }
    }
}
