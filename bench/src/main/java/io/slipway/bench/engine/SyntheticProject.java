package io.slipway.bench.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * The synthetic project issue 4 asks parse speed for: layers of models with refs, a macro, a var, a Jinja
 * loop, and unique and not_null tests on every model. Every model needs a full Jinja render (no static
 * parsing shortcut), the worst case.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar io.slipway.bench.engine.SyntheticProject <dir> <models>}
 */
public final class SyntheticProject {
    private SyntheticProject() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int models = Integer.parseInt(args[1]);
        write(dir, models);
        System.out.println("wrote " + models + " models and " + (2 * models) + " tests to " + dir);
    }

    public static Path write(Path dir, int models) throws IOException {
        Files.createDirectories(dir.resolve("macros"));
        Files.writeString(dir.resolve("dbt_project.yml"), """
                name: synthetic
                version: '1.0'
                config-version: 2
                profile: synthetic
                vars:
                  region: emea
                models:
                  synthetic:
                    +materialized: view
                """);
        Files.writeString(dir.resolve("profiles.yml"), """
                synthetic:
                  target: dev
                  outputs:
                    dev:
                      type: duckdb
                      path: target/synthetic.duckdb
                      threads: 2
                """);
        Files.writeString(dir.resolve("macros/cents_to_dollars.sql"), """
                {% macro cents_to_dollars(column, scale=2) -%}
                  round({{ column }} / 100.0, {{ scale }})
                {%- endmacro %}
                """);
        int layers = 10;
        int perLayer = Math.max(1, models / layers);
        Random random = new Random(7);
        int written = 0;
        for (int layer = 0; layer < layers && written < models; layer++) {
            Path folder = Files.createDirectories(dir.resolve("models/layer_" + layer));
            StringBuilder schema = new StringBuilder("version: 2\nmodels:\n");
            for (int i = 0; i < perLayer && written < models; i++, written++) {
                String name = "l" + layer + "_m" + i;
                StringBuilder sql = new StringBuilder();
                sql.append("{% set measures = ['amount', 'quantity', 'discount'] %}\n");
                sql.append("select\n    id,\n");
                sql.append("    {% for m in measures %}sum({{ m }}) as total_{{ m }},\n    {% endfor %}");
                sql.append("{{ cents_to_dollars('sum(amount)') }} as amount_dollars,\n");
                sql.append("    '{{ var(\"region\") }}' as region\n");
                if (layer == 0) {
                    sql.append("from (select 1 as id, 100 as amount, 2 as quantity, 0 as discount) as source\n");
                } else {
                    int parents = 1 + random.nextInt(2);
                    sql.append("from {{ ref('l").append(layer - 1).append("_m").append(random.nextInt(perLayer)).append("') }}\n");
                    for (int p = 1; p < parents; p++) {
                        sql.append("join {{ ref('l").append(random.nextInt(layer)).append("_m").append(random.nextInt(perLayer))
                                .append("') }} using (id)\n");
                    }
                }
                sql.append("group by id\n");
                Files.writeString(folder.resolve(name + ".sql"), sql.toString());
                schema.append("  - name: ").append(name).append("\n    columns:\n      - name: id\n        data_tests:\n")
                        .append("          - unique\n          - not_null\n");
            }
            Files.writeString(folder.resolve("schema.yml"), schema.toString());
        }
        return dir;
    }
}
