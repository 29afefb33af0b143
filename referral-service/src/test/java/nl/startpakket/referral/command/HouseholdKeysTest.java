package nl.startpakket.referral.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class HouseholdKeysTest {

    static final LocalDate DUE = LocalDate.of(2026, 6, 20);
    final HouseholdKeys keys = new HouseholdKeys("a-test-secret-of-enough-length");

    @Test
    void shouldMatchTheSameHouseholdWhenTypedDifferently() {
        assertThat(keys.keyOf("1271 AB", "12a", DUE)).isEqualTo(keys.keyOf(" 1271ab", "12 A", DUE)).isEqualTo(keys.keyOf("1271AB", "12-a", DUE));
    }

    @Test
    void shouldDifferWhenTheDateOrAddressDiffers() {
        assertThat(keys.keyOf("1271 AB", "12a", DUE)).isNotEqualTo(keys.keyOf("1271 AB", "12a", DUE.plusDays(1)))
                .isNotEqualTo(keys.keyOf("1271 AB", "12b", DUE)).isNotEqualTo(keys.keyOf("1271 AC", "12a", DUE));
    }

    @Test
    void shouldDependOnTheSecretSoTheKeyCannotBeRecomputedWithoutIt() {
        String key = keys.keyOf("1271 AB", "12a", DUE);
        assertThat(new HouseholdKeys("another-secret-of-enough-length").keyOf("1271 AB", "12a", DUE)).isNotEqualTo(key);
        assertThat(key).hasSize(64).doesNotContain("1271");
    }

    @Test
    void shouldRefuseAShortSecret() {
        assertThatThrownBy(() -> new HouseholdKeys("short")).isInstanceOf(IllegalArgumentException.class);
    }
}
