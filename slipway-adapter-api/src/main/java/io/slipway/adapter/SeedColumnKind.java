package io.slipway.adapter;

/** The kinds dbt infers for seed columns (agate's type tester order), mapped to a column type by each adapter. */
public enum SeedColumnKind {
    INTEGER, /** a number with decimals */ NUMBER, BOOLEAN, DATE, DATETIME, TEXT
}
