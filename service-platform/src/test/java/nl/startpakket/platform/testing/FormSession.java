package nl.startpakket.platform.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A staff member signed in on a service's pages, without a browser: the service sends the
 * browser to the identity provider ({@link TestIdentityProvider} in a service's tests), whose
 * sign-in form is posted, and back; cookies are kept, so page tests run where no Chromium is.
 */
public final class FormSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");
    private static final Pattern INPUT = Pattern.compile("<input[^>]*name=\"([^\"]+)\"[^>]*value=\"([^\"]*)\"[^>]*>");
    /** Where the pages start a staff sign-in. */
    public static final String SIGN_IN = "/oauth2/authorization/startpakket";

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

    /** Signs in at the identity provider; fails when its form is not reached or refuses the user. */
    public static FormSession signIn(String base, String username, String password) throws IOException, InterruptedException {
        FormSession session = anonymous(base);
        HttpResponse<String> landed = session.signInAt(session.get(SIGN_IN), username, password);
        if (landed.statusCode() != 200 || !landed.uri().toString().startsWith(base) || landed.uri().getPath().startsWith("/login")) {
            throw new AssertionError(username + " could not sign in: " + landed.statusCode() + " " + landed.uri());
        }
        return session;
    }

    /** A page of the service (redirects followed), as this user. */
    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Posts a form of the service with the CSRF token of {@code formPage} (a page's HTML). */
    public HttpResponse<String> post(String path, Map<String, String> fields, String formPage) throws IOException, InterruptedException {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrfOf(formPage));
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(all))).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Submits the identity provider's sign-in page the service led to, with its hidden fields, and
     * follows the way back; answers the page it ends on.
     */
    public HttpResponse<String> signInAt(HttpResponse<String> signInPage, String username, String password)
            throws IOException, InterruptedException {
        if (!signInPage.uri().getPath().equals("/oauth2/authorize")) {
            throw new AssertionError("not the identity provider's sign-in page: " + signInPage.uri());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher hidden = INPUT.matcher(signInPage.body());
        while (hidden.find()) {
            fields.put(hidden.group(1), hidden.group(2).replace("&quot;", "\"").replace("&lt;", "<").replace("&amp;", "&"));
        }
        fields.put("username", username);
        fields.put("password", password);
        return client.send(HttpRequest.newBuilder(signInPage.uri().resolve("/oauth2/authorize"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The CSRF token of a page's form. */
    public static String csrfOf(String html) {
        Matcher matcher = CSRF.matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("no CSRF token in the page");
        }
        return matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
