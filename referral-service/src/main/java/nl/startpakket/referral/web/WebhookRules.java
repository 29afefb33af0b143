package nl.startpakket.referral.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import nl.startpakket.referral.api.ReferralStatus;
import nl.startpakket.referral.api.partner.WebhookSettings;
import nl.startpakket.referral.config.NotificationProperties;
import org.springframework.stereotype.Component;

/**
 * What a webhook registration must look like, for the partner's API, the coordinator's API and
 * the partner page alike: an absolute {@code https} address with a host and no user info (plain
 * {@code http} only to {@code localhost}/{@code 127.0.0.1} where
 * {@code startpakket.referral.notifications.allow-http-localhost} is on: the local stack and
 * tests), and known statuses (none given: all). Codes in {@code messages*.properties}.
 */
@Component
public class WebhookRules {

    static final int MAX_URL = 2000;
    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1");

    private final boolean allowHttpLocalhost;

    public WebhookRules(NotificationProperties properties) {
        this.allowHttpLocalhost = properties.isAllowHttpLocalhost();
    }

    /** The settings, or the field errors in {@code errors}. */
    public WebhookSettings settings(String url, List<String> statuses, Boolean active, List<FieldError> errors) {
        errors.addAll(checkUrl(url));
        List<ReferralStatus> chosen = new ArrayList<>();
        if (statuses == null) {
            chosen.addAll(WebhookSettings.SUBSCRIBABLE);
        } else if (statuses.isEmpty()) {
            errors.add(new FieldError("statuses", "webhook.statuses.required"));
        } else {
            for (int i = 0; i < statuses.size(); i++) {
                ReferralStatus status = subscribable(statuses.get(i));
                if (status == null) {
                    errors.add(new FieldError("statuses[" + i + "]", "webhook.status.unknown", String.join(", ",
                            WebhookSettings.SUBSCRIBABLE.stream().map(Enum::name).toList())));
                } else {
                    chosen.add(status);
                }
            }
        }
        return new WebhookSettings(url == null ? null : url.trim(), chosen, active == null || active);
    }

    List<FieldError> checkUrl(String url) {
        if (url == null || url.isBlank() || url.length() > MAX_URL) {
            return List.of(new FieldError("url", "webhook.url.required", MAX_URL));
        }
        try {
            URI uri = new URI(url.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            if (host.isEmpty() || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
                return List.of(new FieldError("url", "webhook.url.invalid"));
            }
            if (scheme.equals("https") || scheme.equals("http") && allowHttpLocalhost && LOCAL_HOSTS.contains(host)) {
                return List.of();
            }
            return List.of(new FieldError("url", allowHttpLocalhost ? "webhook.url.httpsOrLocal" : "webhook.url.https"));
        } catch (URISyntaxException e) {
            return List.of(new FieldError("url", "webhook.url.invalid"));
        }
    }

    private static ReferralStatus subscribable(String name) {
        return name == null ? null : WebhookSettings.SUBSCRIBABLE.stream()
                .filter(status -> status.name().equalsIgnoreCase(name.trim())).findFirst().orElse(null);
    }
}
