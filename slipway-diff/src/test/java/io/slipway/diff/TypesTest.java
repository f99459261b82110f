package io.slipway.diff;

import io.slipway.diff.plan.Comparison;
import io.slipway.diff.plan.SqlType;
import io.slipway.diff.plan.ValueKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Catalog type names of DuckDB and PostgreSQL classified alike, and the common form of each pair. */
class TypesTest {
    private static Comparison compare(String left, String right) {
        return Comparison.of(SqlType.parse(left), SqlType.parse(right), false, 6).orElse(null);
    }

    @Test
    void namesOfBothWarehousesMeanTheSameTypes() {
        assertThat(SqlType.parse("integer").sameAs(SqlType.parse("INTEGER"))).isTrue();
        assertThat(SqlType.parse("character varying(20)").sameAs(SqlType.parse("VARCHAR"))).isTrue();
        assertThat(SqlType.parse("numeric(12,2)").sameAs(SqlType.parse("DECIMAL(12,2)"))).isTrue();
        assertThat(SqlType.parse("timestamp without time zone").sameAs(SqlType.parse("TIMESTAMP"))).isTrue();
        assertThat(SqlType.parse("timestamp(3) without time zone").sameAs(SqlType.parse("TIMESTAMP_MS"))).isTrue();
        assertThat(SqlType.parse("timestamp with time zone").sameAs(SqlType.parse("TIMESTAMP WITH TIME ZONE"))).isTrue();
        assertThat(SqlType.parse("double precision").sameAs(SqlType.parse("DOUBLE"))).isTrue();
        assertThat(SqlType.parse("real").sameAs(SqlType.parse("FLOAT"))).isTrue();
        assertThat(SqlType.parse("integer").sameAs(SqlType.parse("BIGINT"))).isFalse();
        assertThat(SqlType.parse("numeric(12,2)").sameAs(SqlType.parse("numeric(12,4)"))).isFalse();
        assertThat(SqlType.parse("INTEGER[]").kind()).isEqualTo(ValueKind.OTHER);
        assertThat(SqlType.parse("HUGEINT").kind()).isEqualTo(ValueKind.DECIMAL);
        assertThat(SqlType.parse("numeric").precision()).isEqualTo(-1);
    }

    @Test
    void pairsTakeTheirCommonForm() {
        assertThat(compare("integer", "BIGINT")).isEqualTo(new Comparison(Comparison.Kind.INTEGER, -1, false));
        assertThat(compare("boolean", "INTEGER").kind()).isEqualTo(Comparison.Kind.INTEGER);
        assertThat(compare("numeric(12,4)", "DECIMAL(12,2)")).isEqualTo(new Comparison(Comparison.Kind.DECIMAL, 2, true));
        assertThat(compare("integer", "numeric(10,2)")).isEqualTo(new Comparison(Comparison.Kind.DECIMAL, 2, true));
        assertThat(compare("bigint", "numeric(18,2)")).as("19 + 2 digits do not fit a bigint").isEqualTo(new Comparison(Comparison.Kind.DECIMAL, 2, false));
        assertThat(compare("double precision", "numeric(12,3)")).isEqualTo(new Comparison(Comparison.Kind.FLOAT, 3, false));
        assertThat(compare("real", "DOUBLE")).isEqualTo(new Comparison(Comparison.Kind.FLOAT, 6, false));
        assertThat(compare("date", "TIMESTAMP")).isEqualTo(new Comparison(Comparison.Kind.TIMESTAMP, 6, false));
        assertThat(compare("timestamp(3) without time zone", "TIMESTAMP WITH TIME ZONE")).isEqualTo(new Comparison(Comparison.Kind.TIMESTAMP, 3, false));
        assertThat(compare("uuid", "VARCHAR").kind()).isEqualTo(Comparison.Kind.TEXT);
        assertThat(compare("text", "INTEGER")).isNull();
        assertThat(compare("jsonb", "JSON")).isNull();
        assertThat(Comparison.of(SqlType.parse("interval"), SqlType.parse("interval"), true, 6)).isPresent();
        assertThat(compare("date", "DATE").form()).isEqualTo(Comparison.Form.BIGINT);
        assertThat(compare("timestamp", "TIMESTAMP").form()).isEqualTo(Comparison.Form.BIGINT);
        assertThat(compare("numeric(38,10)", "DECIMAL(38,10)").form()).isEqualTo(Comparison.Form.TEXT);
    }
}
