package io.slipway.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Model contracts: contracted tables are created with their declared types and constraints then filled;
 * a wrong type, a missing or surplus column, or a column without data_type fail before anything is built,
 * with dbt's table of mismatches; a not_null constraint rejects a null.
 */
class ContractsTest {
    @TempDir
    static Path temp;
    static CliRunner.Result run;
    static Warehouse.State warehouse;

    @BeforeAll
    static void run() throws IOException, URISyntaxException {
        Path source = Path.of(ContractsTest.class.getResource("/projects/contracts").toURI());
        Path project = CliRunner.copyProject(source, temp.resolve("contracts"));
        run = new CliRunner(temp.resolve("home")).run(project, "run", "--project-dir", project.toString());
        warehouse = Warehouse.read(project.resolve("target/contracts.duckdb"));
    }

    @Test
    void contractedModelsBuildAndBrokenContractsFail() {
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out())
                .containsPattern("OK created sql table model main\\.contract_ok \\.+ \\[OK in")
                .containsPattern("OK created sql incremental model main\\.contract_incremental \\.+ \\[OK in")
                .containsPattern("ERROR creating sql table model main\\.contract_wrong_type \\.+ \\[ERROR in")
                .contains("Done. PASS=2 WARN=0 ERROR=5 SKIP=0 TOTAL=7");
    }

    @Test
    void aPassingContractBuildsTheDeclaredTypesAndConstraints() {
        assertThat(warehouse.columns("contract_ok")).containsExactly("id INTEGER", "name VARCHAR", "signed_up DATE", "score DECIMAL(2,1)");
        assertThat(warehouse.query("select column_name from information_schema.columns where table_name = 'contract_ok' and is_nullable = 'NO'"))
                .containsExactly("id");
        assertThat(warehouse.query("select constraint_type from duckdb_constraints() where table_name = 'contract_ok' order by 1"))
                .contains("CHECK", "PRIMARY KEY", "NOT NULL");
        assertThat(warehouse.query("select id || ':' || name || ':' || signed_up from main.contract_ok")).containsExactly("1:alice:2024-01-01");
        assertThat(warehouse.columns("contract_incremental")).containsExactly("id BIGINT", "name VARCHAR");
    }

    @Test
    void aWrongTypeFailsWithDbtsTable() {
        assertThat(run.out()).contains("""
                Compilation Error in model contract_wrong_type (models/contract_wrong_type.sql)
                  This model has an enforced contract that failed.
                  Please ensure the name, data_type, and number of columns in your contract match the columns in your model's definition.
                 \s
                  | column_name | definition_type | contract_type | mismatch_reason    |
                  | ----------- | --------------- | ------------- | ------------------ |
                  | id          | VARCHAR         | INTEGER       | data type mismatch |
                """);
        assertThat(warehouse.query("select count(*) from information_schema.tables where table_name like 'contract_wrong_type%'"))
                .containsExactly("0");
    }

    @Test
    void aMissingColumnFailsWithDbtsTable() {
        assertThat(run.out()).contains("""
                  | column_name | definition_type | contract_type | mismatch_reason       |
                  | ----------- | --------------- | ------------- | --------------------- |
                  | name        |                 | VARCHAR       | missing in definition |
                  | nickname    | VARCHAR         |               | missing in contract   |
                """);
    }

    @Test
    void aViewsColumnsAreCheckedToo() {
        assertThat(run.out()).contains("Compilation Error in model contract_view (models/contract_view.sql)")
                .contains("| surplus     | VARCHAR         |               | missing in contract |");
        assertThat(warehouse.query("select count(*) from information_schema.tables where table_name = 'contract_view'")).containsExactly("0");
    }

    @Test
    void aColumnWithoutDataTypeIsRefused() {
        assertThat(run.out()).contains("Compilation Error in model contract_untyped (models/contract_untyped.sql)")
                .contains("Contracted models require data_type to be defined for each column.")
                .contains("for the ['id'] column(s).");
    }

    @Test
    void aNotNullConstraintRejectsANull() {
        assertThat(run.out()).contains("Database Error in model contract_not_null (models/contract_not_null.sql)")
                .contains("NOT NULL constraint failed");
        assertThat(warehouse.query("select count(*) from information_schema.tables where table_name like 'contract_not_null%'"))
                .containsExactly("0");
    }
}
