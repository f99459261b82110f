package io.slipway.core.selection;

import io.slipway.core.error.SlipwayException;
import io.slipway.core.manifest.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static io.slipway.core.selection.Fixtures.*;
import static io.slipway.core.selection.Select.direct;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PathMethodTest {
    private final Manifest m = Fixtures.jaffle();

    private static Set<String> inProject(Manifest manifest, Path dir, String... select) {
        return new NodeSelector(manifest, YamlSelectors.empty(), dir)
                .select(new SelectionSpec(List.of(select), List.of(), null, IndirectSelection.EMPTY));
    }

    @Test
    void aFolderSelectsEverythingUnderIt() {
        assertThat(direct(m, "path:models/staging")).containsExactly(STG_CUSTOMERS, STG_ORDERS, STG_PAYMENTS,
                UNIQUE_STG_CUSTOMERS, NOT_NULL_STG_ORDERS, ACCEPTED_STG_ORDERS, SOURCE_TEST, RAW_PAYMENTS);
        assertThat(direct(m, "models/marts")).containsExactly(CUSTOMERS, ORDERS, UNIT);
        assertThat(direct(m, "./seeds")).containsExactly(RAW_CUSTOMERS, RAW_ORDERS);
        assertThat(direct(m, "path:tests")).containsExactly(SINGULAR);
        assertThat(direct(m, "path:model")).isEmpty();
    }

    @Test
    void aFileSelectsItsNodes() {
        assertThat(direct(m, "path:models/marts/orders.sql")).containsExactly(ORDERS);
        assertThat(direct(m, "models/staging/stg_orders.sql")).containsExactly(STG_ORDERS);
    }

    @Test
    void aPropertiesFileSelectsTheNodesItDescribes() {
        assertThat(direct(m, "path:models/staging/schema.yml")).containsExactly(STG_CUSTOMERS, STG_ORDERS, STG_PAYMENTS,
                UNIQUE_STG_CUSTOMERS, NOT_NULL_STG_ORDERS, ACCEPTED_STG_ORDERS);
        assertThat(direct(m, "path:models/schema.yml")).containsExactly(CUSTOMERS, ORDERS, UNIQUE_CUSTOMERS, RELATIONSHIPS, EXPRESSION);
    }

    @Test
    void globsFollowPathlib() {
        assertThat(direct(m, "path:models/*/stg_orders.sql")).containsExactly(STG_ORDERS);
        assertThat(direct(m, "path:models/**/*.sql")).containsExactly(STG_CUSTOMERS, STG_ORDERS, STG_PAYMENTS, CUSTOMERS, ORDERS);
        assertThat(direct(m, "path:*/marts")).containsExactly(CUSTOMERS, ORDERS, UNIT);
        assertThat(direct(m, "path:models/st*")).hasSize(8);
        // a single star stays within one folder
        assertThat(direct(m, "path:models/*.sql")).isEmpty();
        // ** alone is the project and every folder below it
        assertThat(direct(m, "path:**")).hasSize(18);
        // a trailing ** is folders only: the seeds folder, not the models' properties file
        assertThat(direct(m, "path:seeds/**")).containsExactly(RAW_CUSTOMERS, RAW_ORDERS);
    }

    @Test
    void aTrailingSlashMeansAFolder() {
        assertThat(direct(m, "path:seeds/")).containsExactly(RAW_CUSTOMERS, RAW_ORDERS);
        assertThat(direct(m, "path:seeds/raw_orders.csv/")).isEmpty();
    }

    @Test
    void withoutAProjectDirectoryOnlyTheRootProjectsPathsCount() {
        // the package's file is not a root project path...
        assertThat(direct(m, "path:models/util_model.sql")).isEmpty();
        // ...but a package node under a folder the root project has matches, as in dbt
        assertThat(direct(m, "path:models")).contains(UTIL, STG_ORDERS);
    }

    @Test
    void withAProjectDirectoryTheFilesThereDecide(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("models/staging"));
        Files.writeString(dir.resolve("models/staging/stg_orders.sql"), "select 1");
        Files.writeString(dir.resolve("models/util_model.sql"), "select 1");
        Files.createDirectories(dir.resolve("seeds"));
        assertThat(inProject(m, dir, "path:models/staging/stg_orders.sql")).containsExactly(STG_ORDERS);
        // marts is not on disk here, so nothing is under it
        assertThat(inProject(m, dir, "path:models/marts")).isEmpty();
        // a package's node whose relative path exists in the root project matches, as in dbt
        assertThat(inProject(m, dir, "path:models/util_model.sql")).containsExactly(UTIL);
        assertThat(inProject(m, dir, "path:seeds")).containsExactly(RAW_CUSTOMERS, RAW_ORDERS);
        assertThat(inProject(m, dir, "path:models/*")).contains(STG_ORDERS, STG_CUSTOMERS, UTIL).doesNotContain(CUSTOMERS);
    }

    @Test
    void invalidPathsAreErrors() {
        assertThatThrownBy(() -> direct(m, "path:/models"))
                .isInstanceOf(SlipwayException.class)
                .hasMessageContaining("Invalid path selector 'path:/models': paths are relative to the project root");
        assertThatThrownBy(() -> direct(m, "path:../other/models"))
                .hasMessageContaining("'..' leaves the project");
        assertThatThrownBy(() -> direct(m, "path:."))
                .hasMessageContaining("Invalid path selector 'path:.': it names no path");
    }
}
