package nl.startpakket.fulfilment.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.startpakket.events.DeliveryMethod;
import nl.startpakket.events.Phase;
import nl.startpakket.events.delivery.v1.DeliveryDetailsShared;
import nl.startpakket.events.fulfilment.v1.PackageHandedOver;
import nl.startpakket.events.funding.v1.FundingReserved;
import nl.startpakket.fulfilment.api.FindJobQuery;
import nl.startpakket.fulfilment.api.FindStockQuery;
import nl.startpakket.fulfilment.api.StockLine;
import nl.startpakket.fulfilment.query.JobQueueQueries;
import nl.startpakket.fulfilment.query.StockQueries;
import nl.startpakket.platform.testing.Pages;
import nl.startpakket.platform.testing.ServiceIntegrationTest;
import nl.startpakket.platform.testing.TopicProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The packing pages in a real headless Chromium on a phone-sized screen: a volunteer signs in,
 * sees the most urgent job first, claims, packs from the checklist (stock goes down by the
 * template) and hands over; a second volunteer cannot claim it meanwhile. Skipped where Debian's
 * chromium and chromium-driver are not installed (CI installs them).
 */
@ServiceIntegrationTest
class VolunteerPagesBrowserIT {

    static final File CHROMIUM = new File("/usr/bin/chromium");
    static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    JobQueueQueries jobs;

    @Autowired
    StockQueries stock;

    final List<WebDriver> browsers = new java.util.ArrayList<>();

    @BeforeEach
    void requireChromium() {
        assumeTrue(CHROMIUM.canExecute() && CHROMEDRIVER.canExecute(), "chromium and chromedriver are not installed");
    }

    @AfterEach
    void close() {
        browsers.forEach(WebDriver::quit);
    }

    WebDriver phone() {
        WebDriver browser = newPhone();
        browsers.add(browser);
        return browser;
    }

    static WebDriver newPhone() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=390,844", "--lang=nl-NL");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
        return driver;
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    void signIn(WebDriver browser, String user) {
        browser.get(url("/jobs"));
        assertThat(browser.getCurrentUrl()).as("sent to the identity provider").contains("/oauth2/authorize");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(user);
        submit(browser, browser.findElement(By.id("login")));
        assertThat(browser.getCurrentUrl()).contains("/jobs").doesNotContain("/login");
    }

    String queueOverdueToddlerJob(int fundedDaysAgo) {
        String referralId = "R-" + UUID.randomUUID();
        TopicProbe.publish(new FundingReserved(UUID.randomUUID(), Instant.now(), referralId, "heerlen-2026", "GM0917",
                Phase.TODDLER, LocalDate.now().minusDays(fundedDaysAgo)));
        TopicProbe.publish(new DeliveryDetailsShared(UUID.randomUUID(), Instant.now(), referralId, "GM0917", Phase.TODDLER,
                null, LocalDate.now().minusMonths(14), DeliveryMethod.PICKUP_BY_INTERMEDIARY,
                new DeliveryDetailsShared.Recipient("C. Bakker", "Akerstraat", "12", "6411 HB", "Heerlen", null, null), null));
        String jobId = "J-" + referralId;
        await().atMost(TIMEOUT).until(() -> jobs.handle(new FindJobQuery(jobId)).isPresent());
        return jobId;
    }

    Map<String, Integer> onHand() {
        Map<String, Integer> result = new HashMap<>();
        for (StockLine line : stock.handle(new FindStockQuery())) {
            result.put(line.itemId(), line.onHand());
        }
        return result;
    }

    /** Keeps what the volunteer saw, for a human to look at (target/browser-screens). */
    static void snap(WebDriver browser, String name) {
        try {
            java.nio.file.Path dir = java.nio.file.Path.of("target", "browser-screens");
            java.nio.file.Files.createDirectories(dir);
            byte[] png = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
            java.nio.file.Files.write(dir.resolve(name + ".png"), png);
        } catch (java.io.IOException e) {
            // a missing screenshot does not fail the test
        }
    }

    /** Clicks something that loads a new page and waits until it did. */
    static void submit(WebDriver browser, WebElement element) {
        Pages.leaveBy(browser, element::click);
    }

    String status(WebDriver browser) {
        return browser.findElement(By.id("status")).getAttribute("data-status");
    }

    @Test
    void shouldLetAVolunteerClaimPackAndHandOverOnAPhoneWhileASecondCannotClaim() {
        // funded longer ago than any other job of these tests: the most overdue
        String jobId = queueOverdueToddlerJob(365);
        WebDriver volunteer = phone();
        WebDriver volunteer2 = phone();

        signIn(volunteer, "volunteer");
        signIn(volunteer2, "volunteer2");
        // the most urgent job first, readable on a phone without sideways scrolling
        List<WebElement> cards = volunteer.findElements(By.cssSelector(".card.job"));
        assertThat(cards).isNotEmpty();
        assertThat(cards.get(0).getAttribute("id")).isEqualTo("job-" + jobId);
        assertThat(cards.get(0).getText()).contains("Te laat");
        Object overflow = ((JavascriptExecutor) volunteer).executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth;");
        assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
        snap(volunteer, "1-queue");
        WebElement claim = cards.get(0).findElement(By.cssSelector("button.claim"));
        assertThat(claim.getSize().getHeight()).isGreaterThanOrEqualTo(44);

        // volunteer2 has the same queue open
        volunteer2.navigate().refresh();
        WebElement otherClaim = volunteer2.findElement(By.cssSelector("#job-" + jobId + " button.claim"));

        submit(volunteer, claim);
        assertThat(volunteer.getCurrentUrl()).endsWith("/jobs/" + jobId);
        assertThat(status(volunteer)).isEqualTo("CLAIMED");
        assertThat(volunteer.findElement(By.id("address")).getText()).contains("Akerstraat 12");

        // the second volunteer's tap comes too late
        submit(volunteer2, otherClaim);
        assertThat(volunteer2.findElement(By.id("error")).getText()).contains("al ingepakt door volunteer");
        volunteer2.get(url("/jobs/" + jobId));
        assertThat(volunteer2.findElement(By.id("held-by-other")).getText()).contains("volunteer");
        assertThat(volunteer2.findElements(By.id("claim"))).isEmpty();
        assertThat(volunteer2.findElements(By.id("address"))).isEmpty();
        assertThat(volunteer2.getPageSource()).doesNotContain("Akerstraat");
        snap(volunteer2, "2-held-by-other");

        // pack from the girl's toddler checklist: stock goes down by the template
        Map<String, Integer> before = onHand();
        submit(volunteer, volunteer.findElement(By.id("template-peuter-meisje")));
        List<WebElement> checklist = volunteer.findElements(By.cssSelector("#checklist input[type=checkbox]"));
        assertThat(checklist).hasSize(10);
        checklist.forEach(WebElement::click);
        snap(volunteer, "3-checklist");
        submit(volunteer, volunteer.findElement(By.id("packed")));
        assertThat(status(volunteer)).isEqualTo("PACKED");
        await().atMost(TIMEOUT).untilAsserted(() -> {
            Map<String, Integer> after = onHand();
            assertThat(after.get("shirt-74-80-meisje")).isEqualTo(before.get("shirt-74-80-meisje") - 3);
            assertThat(after.get("prentenboek")).isEqualTo(before.get("prentenboek") - 2);
            assertThat(after.get("knuffel")).isEqualTo(before.get("knuffel") - 1);
            assertThat(after.get("shirt-74-80-jongen")).isEqualTo(before.get("shirt-74-80-jongen"));
        });

        // the packing slip prints the label with the address for the holder
        submit(volunteer, volunteer.findElement(By.id("slip")));
        assertThat(volunteer.findElement(By.id("label")).getText()).contains("C. Bakker");
        snap(volunteer, "4-slip");
        volunteer.navigate().back();

        // hand over to the intermediary
        volunteer.findElement(By.id("method-PICKUP_BY_INTERMEDIARY")).click();
        submit(volunteer, volunteer.findElement(By.id("handed-over")));
        assertThat(status(volunteer)).isEqualTo("HANDED_OVER");
        snap(volunteer, "5-handed-over");
        PackageHandedOver handedOver = TopicProbe.await(PackageHandedOver.class, e -> e.jobId().equals(jobId), TIMEOUT);
        assertThat(handedOver.deliveryMethod()).isEqualTo(DeliveryMethod.PICKUP_BY_INTERMEDIARY);
    }

    @Test
    void shouldSpeakDutchByDefaultAndEnglishOnRequest() {
        WebDriver volunteer = phone();
        signIn(volunteer, "volunteer");
        assertThat(volunteer.findElement(By.tagName("h1")).getText()).isEqualTo("Wachtrij");
        submit(volunteer, volunteer.findElement(By.id("lang-en")));
        assertThat(volunteer.findElement(By.tagName("h1")).getText()).isEqualTo("Queue");
        volunteer.get(url("/stock"));
        assertThat(volunteer.findElement(By.tagName("h1")).getText()).isEqualTo("Stock");
    }

    @Test
    void shouldLetACoordinatorEditATemplateAndBringAProblemJobBack() {
        String jobId = queueOverdueToddlerJob(90);
        WebDriver coordinator = phone();
        signIn(coordinator, "coordinator");

        coordinator.get(url("/templates/baby-meisje"));
        WebElement quantity = coordinator.findElement(By.id("line-quantity-0"));
        String firstItem = coordinator.findElement(By.id("line-item-0")).getAttribute("value");
        quantity.clear();
        quantity.sendKeys("5");
        submit(coordinator, coordinator.findElement(By.cssSelector("#template-form button[type=submit]")));
        assertThat(coordinator.getCurrentUrl()).endsWith("/templates");
        await().atMost(TIMEOUT).until(() -> stock.template("baby-meisje").orElseThrow().lines().stream()
                .anyMatch(l -> l.itemId().equals(firstItem) && l.quantity() == 5));

        coordinator.get(url("/jobs/" + jobId));
        assertThat(coordinator.findElement(By.id("address")).getText()).contains("Akerstraat");
        coordinator.findElement(By.cssSelector("#report-exception summary")).click();
        coordinator.findElement(By.id("kind-NOT_REACHABLE")).click();
        coordinator.findElement(By.id("reason")).sendKeys("Telefoon wordt niet opgenomen");
        submit(coordinator, coordinator.findElement(By.cssSelector("#report-exception button[type=submit]")));
        assertThat(status(coordinator)).isEqualTo("EXCEPTION");
        assertThat(coordinator.findElement(By.id("exception")).getText()).contains("Telefoon wordt niet opgenomen");
        snap(coordinator, "6-exception");

        coordinator.findElement(By.id("note")).sendKeys("Verwijzer heeft contact gehad");
        submit(coordinator, coordinator.findElement(By.id("resume")));
        assertThat(status(coordinator)).isEqualTo("QUEUED");
    }
}
