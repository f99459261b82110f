package io.slipway.adapter.postgres;

import io.slipway.adapter.Adapter;
import io.slipway.adapter.AdapterFactory;
import io.slipway.adapter.AdapterSettings;

/** Serves profile targets of {@code type: postgres}. */
public final class PostgresAdapterFactory implements AdapterFactory {
    @Override
    public String type() {
        return "postgres";
    }

    @Override
    public Adapter create(AdapterSettings settings) {
        return new PostgresAdapter(PostgresSettings.from(settings));
    }
}
