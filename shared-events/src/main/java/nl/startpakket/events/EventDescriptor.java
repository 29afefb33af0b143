package nl.startpakket.events;

/**
 * What the wire knows about an event type: its logical name ({@code referral.ReferralAccepted}),
 * its schema version, the topic it travels on and the record that carries it.
 */
public record EventDescriptor(String type, int version, String topic, Class<? extends IntegrationEvent> javaType) {
}
