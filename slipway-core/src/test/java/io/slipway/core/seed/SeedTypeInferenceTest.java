package io.slipway.core.seed;

import io.slipway.adapter.SeedColumnKind;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SeedTypeInferenceTest {
    @Test
    void firstKindEveryValueFitsInDbtsOrder() {
        assertThat(SeedTypeInference.infer(List.of("1", "-2", "", "null"))).isEqualTo(SeedColumnKind.INTEGER);
        assertThat(SeedTypeInference.infer(List.of("1", "2.5"))).isEqualTo(SeedColumnKind.NUMBER);
        assertThat(SeedTypeInference.infer(List.of("2024-01-02", ""))).isEqualTo(SeedColumnKind.DATE);
        assertThat(SeedTypeInference.infer(List.of("2024-01-02 03:04:05"))).isEqualTo(SeedColumnKind.DATETIME);
        assertThat(SeedTypeInference.infer(List.of("2024-01-02T03:04:05Z", "2024-01-02T03:04:05.123"))).isEqualTo(SeedColumnKind.DATETIME);
        assertThat(SeedTypeInference.infer(List.of("true", "False"))).isEqualTo(SeedColumnKind.BOOLEAN);
        assertThat(SeedTypeInference.infer(List.of("1", "x"))).isEqualTo(SeedColumnKind.TEXT);
        assertThat(SeedTypeInference.infer(List.of("", ""))).isEqualTo(SeedColumnKind.INTEGER);
    }

    @Test
    void valuesParseToTheirKind() {
        assertThat(SeedTypeInference.parse(SeedColumnKind.INTEGER, "007")).isEqualTo(7L);
        assertThat(SeedTypeInference.parse(SeedColumnKind.NUMBER, "1.50")).isEqualTo(new BigDecimal("1.50"));
        assertThat(SeedTypeInference.parse(SeedColumnKind.DATE, "2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(SeedTypeInference.parse(SeedColumnKind.DATETIME, "2024-02-29 10:11:12")).isEqualTo(LocalDateTime.of(2024, 2, 29, 10, 11, 12));
        assertThat(SeedTypeInference.parse(SeedColumnKind.DATE, "2024-02-30")).isNull();
    }

    @Test
    void csvReaderHandlesQuotesNewlinesAndBom() {
        List<List<String>> rows = CsvReader.read("\uFEFFa,b\r\n1,\"x, \"\"y\"\"\"\n2,\"multi\nline\"\n\n", ',', "t.csv");
        assertThat(rows).containsExactly(List.of("a", "b"), List.of("1", "x, \"y\""), List.of("2", "multi\nline"));
        assertThat(CsvReader.read("a;b\n1;2", ';', "t.csv")).containsExactly(List.of("a", "b"), List.of("1", "2"));
    }
}
