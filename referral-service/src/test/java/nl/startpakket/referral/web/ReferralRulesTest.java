package nl.startpakket.referral.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import nl.startpakket.events.DeliveryMethod;
import nl.startpakket.events.Phase;
import nl.startpakket.referral.config.ReferralProperties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ReferralRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    final ReferralRules rules;

    ReferralRulesTest() {
        ReferralProperties properties = new ReferralProperties();
        properties.setMunicipalities(Map.of("GM0406", "Huizen", "GM0917", "Heerlen"));
        rules = new ReferralRules(properties, Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneId.of("Europe/Amsterdam")));
    }

    static ReferralRequest.ParentRequest parent(String houseNumber, String postalCode) {
        return new ReferralRequest.ParentRequest("A. Jansen", "Voorbeeldstraat", houseNumber, postalCode, "Huizen", null, null);
    }

    static ReferralRequest baby(LocalDate due, ReferralRequest.ParentRequest parent) {
        return new ReferralRequest("GM0406", Phase.BABY, due, null, parent, DeliveryMethod.HOME_DELIVERY, true, null);
    }

    static ReferralRequest toddler(LocalDate birth) {
        return new ReferralRequest("GM0406", Phase.TODDLER, null, birth, parent("12", "1271 AB"), DeliveryMethod.HOME_DELIVERY, false, null);
    }

    List<String> fields(ReferralRequest request) {
        return rules.check(request).stream().map(FieldError::field).toList();
    }

    @Test
    void shouldAcceptAValidBabyReferral() {
        assertThat(rules.check(baby(TODAY.plusWeeks(20), parent("12a", "1271 AB")))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1271 AB", "1271AB", "1271ab", "9999 ZZ"})
    void shouldAcceptDutchPostalCodes(String postalCode) {
        assertThat(fields(baby(TODAY.plusWeeks(20), parent("12", postalCode)))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0271 AB", "127 AB", "1271 A", "1271 ABC", "1271 SS", "1271 SA", "1271 SD", "AB 1271", "1271-AB"})
    void shouldRefuseWhatIsNotADutchPostalCode(String postalCode) {
        assertThat(fields(baby(TODAY.plusWeeks(20), parent("12", postalCode)))).containsExactly("parent.postalCode");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "12", "12a", "12 A", "12-2", "12 bis", "99999", "12A-1"})
    void shouldAcceptHouseNumbersWithAdditions(String houseNumber) {
        assertThat(fields(baby(TODAY.plusWeeks(20), parent(houseNumber, "1271 AB")))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "a12", "123456", "12 abcdefg", "twelve", "-12"})
    void shouldRefuseWhatIsNotAHouseNumber(String houseNumber) {
        assertThat(fields(baby(TODAY.plusWeeks(20), parent(houseNumber, "1271 AB")))).containsExactly("parent.houseNumber");
    }

    @Test
    void shouldKeepTheDueDateInsideItsWindow() {
        assertThat(fields(baby(TODAY.minusWeeks(4), parent("12", "1271 AB")))).isEmpty();
        assertThat(fields(baby(TODAY.minusWeeks(4).minusDays(1), parent("12", "1271 AB")))).containsExactly("expectedDueDate");
        assertThat(fields(baby(TODAY.plusWeeks(42), parent("12", "1271 AB")))).isEmpty();
        assertThat(fields(baby(TODAY.plusWeeks(42).plusDays(1), parent("12", "1271 AB")))).containsExactly("expectedDueDate");
    }

    @Test
    void shouldKeepTheToddlerInsideTheAgeWindow() {
        assertThat(fields(toddler(TODAY.minusMonths(3)))).isEmpty();
        assertThat(fields(toddler(TODAY.minusMonths(3).plusDays(1)))).containsExactly("childBirthDate");
        assertThat(fields(toddler(TODAY.minusMonths(24).plusDays(1)))).isEmpty();
        assertThat(fields(toddler(TODAY.minusMonths(24)))).containsExactly("childBirthDate");
        assertThat(fields(toddler(TODAY.plusDays(1)))).containsExactly("childBirthDate");
    }

    @Test
    void shouldAskForThePhasesOwnDate() {
        assertThat(fields(baby(null, parent("12", "1271 AB")))).containsExactly("expectedDueDate");
        assertThat(fields(toddler(null))).containsExactly("childBirthDate");
        ReferralRequest mixed = new ReferralRequest("GM0406", Phase.BABY, TODAY.plusWeeks(10), TODAY.minusMonths(6),
                parent("12", "1271 AB"), DeliveryMethod.HOME_DELIVERY, true, null);
        assertThat(fields(mixed)).containsExactly("childBirthDate");
    }

    @Test
    void shouldRefuseUnknownOrMalformedMunicipalities() {
        ReferralRequest unknown = new ReferralRequest("GM0001", Phase.BABY, TODAY.plusWeeks(10), null, parent("12", "1271 AB"),
                DeliveryMethod.HOME_DELIVERY, true, null);
        assertThat(rules.check(unknown)).singleElement().satisfies(e -> assertThat(e.code()).isEqualTo("referral.municipality.unknown"));
        ReferralRequest malformed = new ReferralRequest("0406", Phase.BABY, TODAY.plusWeeks(10), null, parent("12", "1271 AB"),
                DeliveryMethod.HOME_DELIVERY, true, null);
        assertThat(rules.check(malformed)).singleElement().satisfies(e -> assertThat(e.code()).isEqualTo("referral.municipality.format"));
    }

    @Test
    void shouldListEveryMissingFieldOfAnEmptyRequest() {
        assertThat(fields(new ReferralRequest(null, null, null, null, null, null, null, null)))
                .containsExactlyInAnyOrder("municipality", "phase", "parent", "deliveryMethod", "consentFollowUp");
    }
}
