package nl.startpakket.endtoend;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A partner's web-form user in a browser, over plain HTTP: signs in on the referral pages and reads them. */
final class WebForm {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    private final String baseUrl;

    private WebForm(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    static WebForm signIn(String baseUrl, String username, String password) {
        WebForm form = new WebForm(baseUrl);
        String login = form.get("/login");
        Matcher csrf = CSRF.matcher(login);
        if (!csrf.find()) {
            throw new AssertionError("No CSRF token on the login page");
        }
        String token = csrf.group(1) != null ? csrf.group(1) : csrf.group(2);
        HttpResponse<String> signedIn = form.send(HttpRequest.newBuilder(URI.create(baseUrl + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + token)));
        if (!signedIn.uri().getPath().startsWith("/referrals")) {
            throw new AssertionError("Not signed in: ended on " + signedIn.uri());
        }
        return form;
    }

    String referralsPage() {
        return get("/referrals");
    }

    private String get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET()).body();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
