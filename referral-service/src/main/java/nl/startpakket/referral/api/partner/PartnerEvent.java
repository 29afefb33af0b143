package nl.startpakket.referral.api.partner;

import java.time.Instant;

/**
 * A stored event of a partner aggregate: who (the coordinator's account, or {@code system:…} for
 * the product's own acts) did what to which partner, when.
 */
public sealed interface PartnerEvent permits PartnerRegisteredEvent, PartnerTermsChangedEvent, ApiKeyIssuedEvent,
        ApiKeyRevokedEvent, WebUserAddedEvent, WebUserPasswordResetEvent, WebUserRemovedEvent, WebUserEmailChangedEvent,
        WebhookRegisteredEvent, WebhookChangedEvent, WebhookRemovedEvent {

    String eventId();

    String partnerId();

    String coordinator();

    Instant occurredAt();
}
