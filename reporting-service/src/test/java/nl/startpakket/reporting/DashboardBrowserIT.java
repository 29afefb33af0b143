package nl.startpakket.reporting;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import nl.startpakket.platform.testing.Pages;
import nl.startpakket.platform.testing.ServiceIntegrationTest;
import nl.startpakket.reporting.query.EvaluationProjection;
import nl.startpakket.reporting.query.EvaluationStore;
import nl.startpakket.reporting.query.ProjectionVersions;
import nl.startpakket.reporting.query.SimulatedPilotHistory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The dashboard in a real headless Chromium (Debian's chromium and chromium-driver): sign in
 * at the identity provider, see the charts drawn, switch language, and save screenshots under
 * {@code target/screenshots} for a person to look at. Skipped where the browser is missing.
 */
@ServiceIntegrationTest
class DashboardBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target/screenshots");

    private static WebDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    @Autowired
    EvaluationProjection projection;

    @Autowired
    EvaluationStore store;

    @Autowired
    ProjectionVersions versions;

    @BeforeAll
    static void startBrowser() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs /usr/bin/chromium and /usr/bin/chromedriver (apt-get install -y chromium chromium-driver)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1400,2600", "--lang=nl-NL", "--force-device-scale-factor=1");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void knownHistory() {
        PublishedHistory.publishOnce();
        await().atMost(60, SECONDS).until(() -> http.withBasicAuth("coordinator", "coordinator")
                .getForObject("/api/v1/reports/municipalities/GM0406?from=2026-02-01&to=2027-01-31", String.class)
                .contains("\"invoiced\":\"315.00\""));
        browser.manage().deleteAllCookies();
    }

    @Test
    void showsAnEvaluatorTheChartsOfTheirMunicipalityInDutchWithSmallNumbersSuppressed() throws Exception {
        signIn("evaluator-huizen");

        // the evaluator lands on Huizen, default period = the contract in force (2026-02-01..2027-01-31)
        waitForCharts();
        assertThat(browser.getCurrentUrl()).contains("/dashboard/municipalities/GM0406");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Huizen");
        assertThat(browser.findElement(By.cssSelector(".period")).getText()).isEqualTo("1 februari 2026 t/m 31 januari 2027");
        assertThat(browser.findElement(By.id("kpi-referrals")).getText()).isEqualTo("10");
        assertThat(browser.findElement(By.id("banner-suppressed")).getText()).contains("<5", "\u201cx\u201d");
        assertThat(browser.findElement(By.id("fixed-periods")).getText()).contains("2026-02-01 \u2013 2027-01-31");
        assertThat(browser.findElement(By.tagName("body")).getAttribute("data-charts")).isEqualTo("6");
        assertThat(browser.findElement(By.id("export-pdf")).getText()).isEqualTo("Evaluatierapport (PDF)");
        screenshot("dashboard-evaluator-huizen-nl.png");

        Pages.leaveBy(browser, () -> browser.findElement(By.id("lang-en")).click());
        waitForCharts();
        assertThat(browser.findElement(By.id("export-pdf")).getText()).isEqualTo("Evaluation report (PDF)");
        assertThat(browser.findElement(By.cssSelector(".period")).getText()).isEqualTo("1 February 2026 to 31 January 2027");
        screenshot("dashboard-evaluator-huizen-en.png");

        browser.get(url("/dashboard/municipalities/GM0917"));
        // the language chosen is remembered
        assertThat(browser.getPageSource()).contains("You may not see these figures.");
    }

    @Test
    void marksTheSimulatedPilotHistoryOfTheDemoAsSimulated() throws Exception {
        // what profile demo seeds at startup, seeded here into the shared test context's projections
        new SimulatedPilotHistory(projection, store).seed(versions.active());
        signIn("evaluator-huizen");
        waitForCharts();
        Pages.leaveBy(browser, () -> browser.findElement(By.cssSelector(".demo-link a")).click());
        waitForCharts();

        assertThat(browser.findElement(By.id("banner-simulated")).getText()).startsWith("Gesimuleerde gegevens");
        assertThat(browser.findElement(By.id("kpi-referrals")).getText()).isEqualTo("135");
        screenshot("dashboard-evaluator-huizen-simulated-pilot-2024-nl.png");
    }

    @Test
    void showsACoordinatorTheComparisonAcrossMunicipalities() throws Exception {
        signIn("coordinator");
        browser.get(url("/dashboard/comparison?from=2026-01-01&to=2026-12-31&lang=nl"));
        waitForCharts();

        assertThat(browser.findElement(By.id("comparison-table")).getText()).contains("Huizen (GM0406)", "Heerlen (GM0917)");
        screenshot("comparison-coordinator-nl.png");
    }

    /** Opens the dashboard, which sends the browser to the identity provider's sign-in page, and signs in there. */
    private void signIn(String user) {
        browser.get(url("/dashboard?lang=nl"));
        assertThat(browser.getCurrentUrl()).contains("/oauth2/authorize");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(user);
        Pages.leaveBy(browser, () -> browser.findElement(By.id("login")).click());
    }

    private void waitForCharts() throws Exception {
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            // a redirect can still swap the document under the wait: a stale body means "not yet"
            wait.ignoring(StaleElementReferenceException.class);
            wait.until(d -> {
                String drawn = d.findElement(By.tagName("body")).getAttribute("data-charts");
                return drawn != null && !drawn.isEmpty();
            });
        } catch (RuntimeException e) {
            screenshot("failed-" + System.currentTimeMillis() + ".png");
            Files.writeString(SCREENSHOTS.resolve("failed-" + System.currentTimeMillis() + ".html"), browser.getPageSource());
            throw e;
        }
    }

    private void screenshot(String name) throws Exception {
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(SCREENSHOTS.resolve(name), png);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
