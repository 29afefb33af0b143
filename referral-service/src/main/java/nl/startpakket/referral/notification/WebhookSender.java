package nl.startpakket.referral.notification;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import nl.startpakket.referral.api.ReferralStatus;
import nl.startpakket.referral.config.NotificationProperties;
import nl.startpakket.referral.partner.PartnerView;
import nl.startpakket.referral.partner.WebhookSigningSecrets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Sends a notification to a webhook as a CloudEvent 1.0 in <b>structured mode</b>
 * ({@code Content-Type: application/cloudevents+json}: the whole event, attributes and data, is
 * the body, so the signature covers the attributes too), signed as the Standard Webhooks spec
 * says ({@code webhook-id} = the notification id = the CloudEvent {@code id}, the same on every
 * attempt and replay; {@code webhook-timestamp} = this attempt's time in Unix seconds;
 * {@code webhook-signature}). A 2xx answer is delivered; anything else, a redirect included (not
 * followed), a refused connection or no answer within the timeout, is a failed attempt.
 */
@Component
public class WebhookSender {

    public static final String TYPE = "nl.startpakket.referral.status.v1";
    public static final String CONTENT_TYPE = "application/cloudevents+json";

    private final ObjectMapper json;
    private final WebhookSigningSecrets secrets;
    private final String source;
    private final Duration timeout;
    private final HttpClient http;

    public WebhookSender(ObjectMapper json, WebhookSigningSecrets secrets, NotificationProperties properties,
                         @Value("${startpakket.event-source:/startpakket/referral-service}") String source) {
        this.json = json;
        this.secrets = secrets;
        this.source = source;
        this.timeout = properties.getWebhookTimeout();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The CloudEvent: attributes of the spec, the status change as data. No personal data. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CloudEvent(String specversion, String id, String source, String type, String subject, Instant time,
                             String datacontenttype, Data data) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Data(String referralId, ReferralStatus status, String reason, Instant at) {
    }

    byte[] body(NotificationView notification) {
        Data data = new Data(notification.getReferralId(), notification.getStatus(), notification.getReason(),
                notification.getStatusAt());
        try {
            return json.writeValueAsBytes(new CloudEvent("1.0", notification.getId(), source, TYPE, notification.getReferralId(),
                    notification.getStatusAt(), "application/json", data));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the CloudEvent", e);
        }
    }

    SendOutcome send(String partnerId, PartnerView.Webhook webhook, NotificationView notification) {
        byte[] body = body(notification);
        // the receiver checks the timestamp against its own clock: real time, never the business clock
        long timestamp = Instant.now().getEpochSecond();
        String secret = secrets.open(partnerId, webhook.webhookId(), webhook.signingSecret());
        long start = System.nanoTime();
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(webhook.url()))
                    .timeout(timeout)
                    .header("Content-Type", CONTENT_TYPE)
                    .header("User-Agent", "Startpakket-Webhooks/1")
                    .header("webhook-id", notification.getId())
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", WebhookSignature.sign(secret, notification.getId(), timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            // the answer's body is not read: a receiver cannot hold the sender with it
            response.body().close();
            int status = response.statusCode();
            return status >= 200 && status < 300 ? SendOutcome.delivered(status, start)
                    : SendOutcome.failed(status, "HTTP " + status, start);
        } catch (HttpTimeoutException e) {
            return SendOutcome.failed(null, "no answer within " + timeout.toSeconds() + " s", start);
        } catch (IOException | IllegalArgumentException e) {
            return SendOutcome.failed(null, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SendOutcome.failed(null, "interrupted (the service is stopping)", start);
        }
    }
}
