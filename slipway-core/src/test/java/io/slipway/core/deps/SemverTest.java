package io.slipway.core.deps;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SemverTest {
    @Test
    void versionsOrderAsSemverOrdersThem() {
        List<String> sorted = List.of("2.0.0", "1.0.0", "1.10.0", "1.2.0", "1.2.0-rc.2", "1.2.0-rc.10", "1.2.0b1").stream()
                .map(Semver::parseVersion).sorted().map(Semver.Version::toString).toList();
        assertThat(sorted).containsExactly("1.0.0", "1.2.0-b1", "1.2.0-rc.2", "1.2.0-rc.10", "1.2.0", "1.10.0", "2.0.0");
        assertThat(Semver.parseVersion("1.0")).isNull();
        assertThat(Semver.parseVersion(">=1.0.0")).isNull();
    }

    @Test
    void specifiersReduceToOneRange() {
        Semver.Range range = Semver.Range.ANY.intersect(Semver.parseSpecifier(">=1.0.0")).intersect(Semver.parseSpecifier("<2.0.0"));
        assertThat(range.toString()).isEqualTo(">=1.0.0, <2.0.0");
        assertThat(range.contains(Semver.parseVersion("1.0.0"))).isTrue();
        assertThat(range.contains(Semver.parseVersion("1.9.9"))).isTrue();
        assertThat(range.contains(Semver.parseVersion("2.0.0"))).isFalse();
        assertThat(range.intersect(Semver.parseSpecifier("1.5.0")).toString()).isEqualTo("=1.5.0");
        assertThat(range.intersect(Semver.parseSpecifier(">=2.0.0"))).isNull();
        assertThat(Semver.parseSpecifier(">1.0.0").intersect(Semver.parseSpecifier("<=1.0.0"))).isNull();
        assertThat(Semver.parseSpecifier(">=1.0.0").intersect(Semver.parseSpecifier("<=1.0.0")).toString()).isEqualTo("=1.0.0");
    }

    @Test
    void badSpecifiersSayWhatIsExpected() {
        assertThatThrownBy(() -> Semver.parseSpecifier("~1.0")).hasMessageContaining("Invalid version string: '~1.0'")
                .hasMessageContaining("major.minor.patch");
        assertThat(Semver.namesPrerelease(">=1.0.0-rc1")).isTrue();
        assertThat(Semver.namesPrerelease(">=1.0.0")).isFalse();
    }
}
