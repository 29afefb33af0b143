package nl.startpakket.platform.testing;

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

/**
 * A staff member signed in on a service's pages, without a browser: the login form is posted
 * with its CSRF token and the session cookie kept, so page tests run where no Chromium is.
 */
public final class FormSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    private final String base;

    private FormSession(String base) {
        this.base = base;
    }

    /** Someone who has not signed in. */
    public static FormSession anonymous(String base) {
        return new FormSession(base);
    }

    /** Signs in through {@code /login}; fails when the form is not there or refuses the user. */
    public static FormSession signIn(String base, String username, String password) throws IOException, InterruptedException {
        FormSession session = anonymous(base);
        HttpResponse<String> form = session.get("/login");
        Matcher csrf = CSRF.matcher(form.body());
        if (!csrf.find()) {
            throw new AssertionError("no CSRF token on " + form.uri());
        }
        String token = csrf.group(1) != null ? csrf.group(1) : csrf.group(2);
        HttpResponse<String> landed = session.client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + encode(username) + "&password=" + encode(password)
                        + "&_csrf=" + encode(token))).build(), HttpResponse.BodyHandlers.ofString());
        if (landed.statusCode() != 200 || landed.uri().getPath().equals("/login")) {
            throw new AssertionError(username + " could not sign in: " + landed.statusCode() + " " + landed.uri());
        }
        return session;
    }

    /** A page of the service (redirects followed), as this user. */
    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
