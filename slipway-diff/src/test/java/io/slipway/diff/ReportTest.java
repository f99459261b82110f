package io.slipway.diff;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slipway.diff.report.DiffReport;
import io.slipway.diff.report.JsonReport;
import io.slipway.diff.report.MarkdownReport;
import io.slipway.diff.report.TableDiff;
import io.slipway.diff.report.TextReport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The three outputs of one diff: JSON in the schema, a text table, Markdown for a pull request. */
class ReportTest {
    @TempDir
    static Path dir;
    static DuckDb db;
    static DiffReport report;

    @BeforeAll
    static void diff() {
        db = DuckDb.open(dir.resolve("report.duckdb")).run(
                "create table orders as select i as order_id, (i * 2.5)::decimal(10,2) as amount,"
                        + " case when i % 5 = 0 then 'returned' else 'completed' end as status, timestamp '2024-01-01' + to_days(i) as placed_at"
                        + " from range(1, 11) r(i)",
                "create table orders_ci as select order_id, case when status = 'returned' then 0 else amount end::decimal(10,2) as amount,"
                        + " status, placed_at, true as is_new from orders where order_id <> 4",
                "insert into orders_ci values (11, 1, 'completed', timestamp '2024-02-01 12:30:00', true)");
        TableDiff d = new DataDiff(DiffOptions.builder("order_id").sampleSize(5).build()).compare(db.target("orders"), db.target("orders_ci"));
        report = new DiffReport(List.of(d));
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void jsonFollowsTheSchema() throws Exception {
        JsonNode root = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(JsonReport.render(report));
        assertThat(fields(root)).containsExactly("diffs");
        JsonNode d = root.get("diffs").get(0);
        assertThat(fields(d)).containsExactly("model", "left", "right", "primary_key", "rows", "columns", "samples",
                "key_checks", "algorithm", "complete", "notes", "error");
        assertThat(d.get("model").isNull()).isTrue();
        assertThat(d.get("left").asText()).isEqualTo("orders");
        assertThat(d.get("right").asText()).isEqualTo("orders_ci");
        assertThat(d.get("primary_key").toString()).isEqualTo("[\"order_id\"]");
        assertThat(d.get("rows").toString()).isEqualTo("{\"left\":10,\"right\":10,\"added\":1,\"removed\":1,\"changed\":2,\"unchanged\":7}");
        JsonNode amount = d.get("columns").get(1);
        assertThat(fields(amount)).containsExactly("name", "status", "changed", "match_rate", "left_type", "right_type");
        assertThat(amount.toString()).isEqualTo("{\"name\":\"amount\",\"status\":\"same\",\"changed\":2,\"match_rate\":0.7777777777777778,"
                + "\"left_type\":\"DECIMAL(10,2)\",\"right_type\":\"DECIMAL(10,2)\"}");
        assertThat(d.get("columns").get(4).toString()).isEqualTo("{\"name\":\"is_new\",\"status\":\"added\",\"changed\":null,"
                + "\"match_rate\":null,\"left_type\":null,\"right_type\":\"BOOLEAN\"}");
        assertThat(d.get("samples").get(0).toString()).isEqualTo("{\"kind\":\"added\",\"key\":{\"order_id\":11},\"left\":null,"
                + "\"right\":{\"order_id\":11,\"amount\":1,\"status\":\"completed\",\"placed_at\":\"2024-02-01 12:30:00\"},\"changed_columns\":[]}");
        // decimals keep their scale in the text
        assertThat(JsonReport.render(report)).contains("\"amount\": 1.00,").contains("\"amount\": 12.50,")
                .contains("\"changed_columns\": []").contains("      \"primary_key\": [\n        \"order_id\"\n      ],")
                .endsWith("      \"error\": null\n    }\n  ]\n}\n");
        assertThat(d.get("samples").get(2).toString()).isEqualTo("{\"kind\":\"changed\",\"key\":{\"order_id\":5},"
                + "\"left\":{\"order_id\":5,\"amount\":12.5,\"status\":\"returned\",\"placed_at\":\"2024-01-06 00:00:00\"},"
                + "\"right\":{\"order_id\":5,\"amount\":0,\"status\":\"returned\",\"placed_at\":\"2024-01-06 00:00:00\"},"
                + "\"changed_columns\":[\"amount\"]}");
        assertThat(d.get("key_checks").toString()).isEqualTo("{\"left\":{\"null_keys\":0,\"duplicate_rows\":0},"
                + "\"right\":{\"null_keys\":0,\"duplicate_rows\":0}}");
        assertThat(d.get("algorithm").asText()).isEqualTo("join");
        assertThat(d.get("complete").asBoolean()).isTrue();
    }

    private static List<String> fields(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void textIsATable() {
        assertThat(TextReport.render(report)).isEqualTo("""
                orders -> orders_ci  (join diff, key: order_id)

                             left  right
                  rows         10     10
                  removed       1
                  added                1
                  changed       2      2
                  unchanged     7      7

                  column     status  left type      right type     changed   match
                  order_id   same    BIGINT         BIGINT               0  100.0%
                  amount     same    DECIMAL(10,2)  DECIMAL(10,2)        2   77.7%
                  status     same    VARCHAR        VARCHAR              0  100.0%
                  placed_at  same    TIMESTAMP      TIMESTAMP            0  100.0%
                  is_new     added   -              BOOLEAN              -       -

                  key checks: no NULL keys, no duplicate keys

                  added rows (sample):
                    order_id  amount  status     placed_at
                    11        1.00    completed  2024-02-01 12:30:00

                  removed rows (sample):
                    order_id  amount  status     placed_at
                    4         10.00   completed  2024-01-05 00:00:00

                  changed rows (sample):
                    order_id  column  left   right
                    5         amount  12.50  0.00
                    10        amount  25.00  0.00
                """);
    }

    @Test
    void markdownIsForAPullRequest() {
        String md = MarkdownReport.render(report);
        assertThat(md).startsWith("## Data diff\n\n### `orders_ci`: 2 changed, 1 added, 1 removed, 1 column changed in the schema\n\n"
                + "`orders` → `orders_ci`, key `order_id`, join diff\n\n"
                + "| | left | right |\n|---|---:|---:|\n| rows | 10 | 10 |\n| removed | 1 | |\n| added | | 1 |\n| changed | 2 | 2 |\n"
                + "| unchanged | 7 | 7 |\n\n| column | status | type | changed | match |\n|---|---|---|---:|---:|\n"
                + "| order_id | same | BIGINT | 0 | 100.0% |\n| amount | same | DECIMAL(10,2) | 2 | 77.7% |\n");
        assertThat(md).contains("| is_new | added | BOOLEAN | - | - |\n")
                .contains("<details><summary>Sample rows</summary>")
                .contains("**changed**\n\n| order_id | column | left | right |\n|---|---|---|---|\n| 5 | amount | 12.50 | 0.00 |\n");
    }

    @Test
    void zeroSamplesHideEveryValue() {
        TableDiff d = new DataDiff(DiffOptions.builder("order_id").sampleSize(0).build()).compare(db.target("orders"), db.target("orders_ci"));
        DiffReport hidden = new DiffReport(List.of(d));
        assertThat(JsonReport.render(hidden)).contains("\"samples\": []").doesNotContain("12.50");
        assertThat(TextReport.render(hidden)).doesNotContain("12.50").doesNotContain("sample");
        assertThat(MarkdownReport.render(hidden)).doesNotContain("12.50").doesNotContain("Sample rows");
    }
}
