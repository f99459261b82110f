package io.slipway.adapter.duckdb;

import io.slipway.adapter.Adapter;
import io.slipway.adapter.AdapterFactory;
import io.slipway.adapter.AdapterSettings;

/** Serves profile targets of {@code type: duckdb}. */
public final class DuckDbAdapterFactory implements AdapterFactory {
    @Override
    public String type() {
        return "duckdb";
    }

    @Override
    public Adapter create(AdapterSettings settings) {
        return new DuckDbAdapter(DuckDbSettings.from(settings));
    }
}
