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
 * A browser's part of a staff sign-in for the services' page tests, over plain HTTP: cookies,
 * redirects, and the identity provider's sign-in form. {@link #open} goes to a page; when the
 * service sends it to sign in, it signs in as the given account and ends on the page asked for.
 */
public final class StaffBrowser {

    private static final Pattern INPUT = Pattern.compile("<input[^>]*name=\"([^\"]+)\"[^>]*value=\"([^\"]*)\"[^>]*>");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    private final String username;
    private final String password;

    public StaffBrowser(String username, String password) {
        this.username = username;
        this.password = password;
    }

    /** As {@code username} with the test provider's password (= user name for the demo accounts). */
    public static StaffBrowser as(String username) {
        return new StaffBrowser(username, username);
    }

    /** GETs the page, signing in on the way when asked to. */
    public HttpResponse<String> open(URI page) throws IOException, InterruptedException {
        HttpResponse<String> response = get(page);
        if (response.uri().getPath().equals("/oauth2/authorize")) {
            response = signIn(response);
        }
        return response;
    }

    public HttpResponse<String> get(URI page) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(page).header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** POSTs a form of the page's service, with the CSRF token of {@code formPage}. */
    public HttpResponse<String> post(URI action, Map<String, String> fields, String formPage) throws IOException, InterruptedException {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrfOf(formPage));
        return client.send(HttpRequest.newBuilder(action).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(all))).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The CSRF token of a page's form. */
    public static String csrfOf(String html) {
        Matcher matcher = CSRF.matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("No CSRF token in the page");
        }
        return matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
    }

    private HttpResponse<String> signIn(HttpResponse<String> signInPage) throws IOException, InterruptedException {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher hidden = INPUT.matcher(signInPage.body());
        while (hidden.find()) {
            fields.put(hidden.group(1), hidden.group(2).replace("&quot;", "\"").replace("&lt;", "<").replace("&amp;", "&"));
        }
        fields.put("username", username);
        fields.put("password", password);
        URI action = signInPage.uri().resolve("/oauth2/authorize");
        return client.send(HttpRequest.newBuilder(action).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
