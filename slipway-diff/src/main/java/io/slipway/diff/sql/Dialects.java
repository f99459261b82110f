package io.slipway.diff.sql;

import io.slipway.adapter.AdapterConnection;
import io.slipway.diff.DiffErrorCode;
import io.slipway.diff.DiffException;

import java.util.List;

/** The dialect of an adapter type. */
public final class Dialects {
    private Dialects() {
    }

    /**
     * The dialect for a warehouse, asking the server its version where the SQL depends on it.
     *
     * @throws DiffException when the diff does not know the warehouse
     */
    public static Dialect of(String adapterType, AdapterConnection connection) {
        return switch (adapterType) {
            case "duckdb" -> new DuckDbDialect();
            case "postgres", "postgresql" -> new PostgresDialect(postgresVersion(connection));
            default -> throw new DiffException(DiffErrorCode.USAGE, "data diff does not support '" + adapterType
                    + "' warehouses yet; it supports duckdb and postgres");
        };
    }

    private static int postgresVersion(AdapterConnection connection) {
        List<List<Object>> rows = connection.execute("show server_version_num", true, 1).rows();
        return rows.isEmpty() ? 0 : Integer.parseInt(rows.get(0).get(0).toString().trim());
    }
}
