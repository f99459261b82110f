package io.slipway.core.manifest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FileChecksumTest {
    @Test
    void hashesAsDbtCoreDoes() {
        // model.test.my_model in dbt-core's v12 state manifest: raw_code "select 1 as id"
        assertThat(FileChecksum.sha256("select 1 as id\n")).isEqualTo(
                new FileChecksum("sha256", "3ea0f972fa1b56aa2dc2f56ee784b6a5796312f9a813d59ae70fd8855f10d16d"));
        assertThat(FileChecksum.md5Hex("test")).isEqualTo("098f6bcd4621d373cade4e832627b4f6");
    }
}
