package io.slipway.bench.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes a dbt project of N models shaped like real ones: a fifth are staging views over generated
 * rows, the rest tables and views that ref one to three earlier models, join and aggregate them, and
 * call a macro in a Jinja loop; every model has unique and not_null tests on its key.
 */
public final class GeneratedProject {
    private GeneratedProject() {
    }

    public static Path write(Path dir, int models, int rowsPerSource) throws IOException {
        Files.createDirectories(dir.resolve("models"));
        Files.createDirectories(dir.resolve("macros"));
        Files.writeString(dir.resolve("dbt_project.yml"), """
                name: generated
                version: '1.0'
                config-version: 2
                profile: generated
                models:
                  generated:
                    +materialized: table
                """);
        Files.writeString(dir.resolve("profiles.yml"), """
                generated:
                  target: dev
                  outputs:
                    dev:
                      type: duckdb
                      path: target/generated.duckdb
                      schema: main
                      threads: 4
                """);
        Files.writeString(dir.resolve("macros/metrics.sql"), """
                {% macro safe_ratio(numerator, denominator) -%}
                  case when {{ denominator }} = 0 then null else {{ numerator }} * 1.0 / {{ denominator }} end
                {%- endmacro %}
                """);
        Random random = new Random(42);
        int sources = Math.max(1, models / 5);
        StringBuilder schema = new StringBuilder("version: 2\nmodels:\n");
        for (int i = 0; i < models; i++) {
            String name = "m" + i;
            String sql;
            if (i < sources) {
                sql = "{{ config(materialized='view') }}\nselect i as id, i % 7 as bucket, i * 1.5 as amount\nfrom range(" + rowsPerSource + ") t(i)\n";
            } else {
                int parents = 1 + random.nextInt(3);
                List<String> refs = new ArrayList<>();
                for (int p = 0; p < parents; p++) {
                    String parent = "m" + random.nextInt(i);
                    if (!refs.contains(parent)) {
                        refs.add(parent);
                    }
                }
                String materialized = random.nextInt(3) == 0 ? "view" : "table";
                StringBuilder s = new StringBuilder("{{ config(materialized='" + materialized + "') }}\n");
                s.append("{% set measures = ['amount', 'bucket'] %}\n");
                s.append("with base as (\n    select * from {{ ref('").append(refs.get(0)).append("') }}\n)");
                for (int r = 1; r < refs.size(); r++) {
                    s.append(",\nextra").append(r).append(" as (\n    select id, sum(amount) as amount from {{ ref('")
                            .append(refs.get(r)).append("') }} group by id\n)");
                }
                s.append("\nselect\n    base.id,\n    base.bucket,\n");
                s.append("    {% for m in measures %}sum(base.{{ m }}) over (partition by base.bucket) as total_{{ m }},\n    {% endfor %}");
                s.append("{{ safe_ratio('base.amount', 'base.bucket') }} as ratio,\n    base.amount");
                for (int r = 1; r < refs.size(); r++) {
                    s.append(" + coalesce(extra").append(r).append(".amount, 0)");
                }
                s.append(" as amount\nfrom base\n");
                for (int r = 1; r < refs.size(); r++) {
                    s.append("left join extra").append(r).append(" on extra").append(r).append(".id = base.id\n");
                }
                sql = s.toString();
            }
            Files.writeString(dir.resolve("models/" + name + ".sql"), sql);
            schema.append("  - name: ").append(name).append("\n    columns:\n      - name: id\n        data_tests:\n          - unique\n          - not_null\n");
        }
        Files.writeString(dir.resolve("models/schema.yml"), schema.toString());
        return dir;
    }
}
