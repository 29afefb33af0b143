package nl.startpakket.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Pins the JSON shape of every integration event to a checked-in golden sample
 * ({@code src/test/resources/golden/<type>.v<version>.json}). A rename, a removed field or a changed
 * format fails here; an added field shows up as a difference to review and add to the sample.
 * Set {@code -Dgolden.write=true} to write missing samples.
 */
class EventSchemaCompatibilityTest {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private static final Set<String> PERSONAL_DATA_FIELDS =
            Set.of("name", "street", "houseNumber", "postalCode", "city", "phone", "email", "recipient", "notes",
                    "expectedDueDate", "childBirthDate");

    @TestFactory
    Iterable<DynamicTest> everyEventMatchesItsGoldenJsonBothWays() {
        return EventSamples.all().stream()
                .map(event -> DynamicTest.dynamicTest(EventCatalog.of(event).type(), () -> assertGolden(event)))
                .collect(Collectors.toList());
    }

    @Test
    void theDeliveryKeyRecordMatchesItsGoldenJsonBothWays() throws IOException {
        assertGolden("/golden/deliverykeys.DeliveryKey.v1.json", EventSamples.deliveryKey(),
                nl.startpakket.events.deliverykeys.v1.DeliveryKey.class);
    }

    @Test
    void theSealedDeliveryDetailsCarryNoPersonalFieldInPlain() {
        IntegrationEvent v2 = EventSamples.all().stream()
                .filter(e -> e instanceof nl.startpakket.events.delivery.v2.DeliveryDetailsShared).findFirst().orElseThrow();
        assertThat(fieldNames(MAPPER.valueToTree(v2))).doesNotContainAnyElementsOf(PERSONAL_DATA_FIELDS);
    }

    @Test
    void everyCataloguedEventHasASample() {
        Set<Class<?>> sampled = EventSamples.all().stream().map(Object::getClass).collect(Collectors.toSet());
        assertThat(EventCatalog.all()).allSatisfy(d -> assertThat(sampled).contains(d.javaType()));
    }

    @Test
    void typeNamesAreLogicalAndUniquePerVersion() {
        assertThat(EventCatalog.all()).allSatisfy(d -> {
            assertThat(d.type()).matches("[a-z]+\\.[A-Z][A-Za-z]+");
            assertThat(EventCatalog.find(d.type(), d.version())).contains(d);
        });
        assertThat(EventCatalog.find("referral.ReferralAccepted", 99)).isEmpty();
    }

    @Test
    void onlyTheDeliveryTopicCarriesPersonalData() throws IOException {
        for (IntegrationEvent event : EventSamples.all()) {
            EventDescriptor descriptor = EventCatalog.of(event);
            if (descriptor.topic().equals(Topics.DELIVERY)) {
                continue;
            }
            Set<String> fields = fieldNames(MAPPER.valueToTree(event));
            assertThat(fields).as(descriptor.type()).doesNotContainAnyElementsOf(PERSONAL_DATA_FIELDS);
        }
    }

    private static void assertGolden(IntegrationEvent event) throws IOException {
        EventDescriptor descriptor = EventCatalog.of(event);
        assertGolden("/golden/" + descriptor.type() + ".v" + descriptor.version() + ".json", event, descriptor.javaType());
    }

    private static void assertGolden(String resource, Object event, Class<?> javaType) throws IOException {
        String type = javaType.getName();
        JsonNode actual = MAPPER.valueToTree(event);
        try (InputStream in = EventSchemaCompatibilityTest.class.getResourceAsStream(resource)) {
            if (in == null) {
                if (Boolean.getBoolean("golden.write")) {
                    Path file = Path.of("src/test/resources" + resource);
                    Files.writeString(file, MAPPER.writeValueAsString(actual) + "\n", StandardCharsets.UTF_8);
                }
                throw new AssertionError("No golden sample " + resource + " (run with -Dgolden.write=true to create it)");
            }
            JsonNode golden = MAPPER.readTree(in);
            assertThat(actual).as("serialised form of " + type).isEqualTo(golden);
            Object parsed = MAPPER.treeToValue(golden, javaType);
            assertThat(parsed).as("golden sample read back").isEqualTo(event);
        }
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new java.util.HashSet<>();
        Iterator<String> it = node.fieldNames();
        while (it.hasNext()) {
            String name = it.next();
            names.add(name);
            if (node.get(name).isObject()) {
                names.addAll(fieldNames(node.get(name)));
            }
        }
        return names;
    }
}
