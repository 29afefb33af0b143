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

    WebDriver volunteer;
    WebDriver volunteer2;

    @BeforeEach
    void browsers() {
        assumeTrue(CHROMIUM.canExecute() && CHROMEDRIVER.canExecute(), "chromium and chromedriver are not installed");
        volunteer = phone();
        volunteer2 = phone();
    }

    @AfterEach
    void close() {
        if (volunteer != null) {
            volunteer.quit();
        }
        if (volunteer2 != null) {
            volunteer2.quit();
        }
    }

    static WebDriver phone() {
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
        assertThat(browser.getCurrentUrl()).contains("/login");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(user);
        browser.findElement(By.id("login")).click();
        assertThat(browser.getCurrentUrl()).contains("/jobs").doesNotContain("/login");
    }

    String queueUrgentToddlerJob() {
        String referralId = "R-" + UUID.randomUUID();
        TopicProbe.publish(new FundingReserved(UUID.randomUUID(), Instant.now(), referralId, "heerlen-2026", "GM0917",
                Phase.TODDLER, LocalDate.now().minusDays(90)));
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

    String status(WebDriver browser) {
        return browser.findElement(By.id("status")).getAttribute("data-status");
    }

    @Test
    void shouldLetAVolunteerClaimPackAndHandOverOnAPhoneWhileASecondCannotClaim() {
        String jobId = queueUrgentToddlerJob();

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

        claim.click();
        assertThat(volunteer.getCurrentUrl()).endsWith("/jobs/" + jobId);
        assertThat(status(volunteer)).isEqualTo("CLAIMED");
        assertThat(volunteer.findElement(By.id("address")).getText()).contains("Akerstraat 12");

        // the second volunteer's tap comes too late
        otherClaim.click();
        assertThat(volunteer2.findElement(By.id("error")).getText()).contains("al ingepakt door volunteer");
        volunteer2.get(url("/jobs/" + jobId));
        assertThat(volunteer2.findElement(By.id("held-by-other")).getText()).contains("volunteer");
        assertThat(volunteer2.findElements(By.id("claim"))).isEmpty();
        assertThat(volunteer2.findElements(By.id("address"))).isEmpty();
        assertThat(volunteer2.getPageSource()).doesNotContain("Akerstraat");
        snap(volunteer2, "2-held-by-other");

        // pack from the girl's toddler checklist: stock goes down by the template
        Map<String, Integer> before = onHand();
        volunteer.findElement(By.id("template-peuter-meisje")).click();
        List<WebElement> checklist = volunteer.findElements(By.cssSelector("#checklist input[type=checkbox]"));
        assertThat(checklist).hasSize(10);
        checklist.forEach(WebElement::click);
        snap(volunteer, "3-checklist");
        volunteer.findElement(By.id("packed")).click();
        assertThat(status(volunteer)).isEqualTo("PACKED");
        await().atMost(TIMEOUT).untilAsserted(() -> {
            Map<String, Integer> after = onHand();
            assertThat(after.get("shirt-74-80-meisje")).isEqualTo(before.get("shirt-74-80-meisje") - 3);
            assertThat(after.get("prentenboek")).isEqualTo(before.get("prentenboek") - 2);
            assertThat(after.get("knuffel")).isEqualTo(before.get("knuffel") - 1);
            assertThat(after.get("shirt-74-80-jongen")).isEqualTo(before.get("shirt-74-80-jongen"));
        });

        // the packing slip prints the label with the address for the holder
        volunteer.findElement(By.id("slip")).click();
        assertThat(volunteer.findElement(By.id("label")).getText()).contains("C. Bakker");
        snap(volunteer, "4-slip");
        volunteer.navigate().back();

        // hand over to the intermediary
        volunteer.findElement(By.id("method-PICKUP_BY_INTERMEDIARY")).click();
        volunteer.findElement(By.id("handed-over")).click();
        assertThat(status(volunteer)).isEqualTo("HANDED_OVER");
        snap(volunteer, "5-handed-over");
        PackageHandedOver handedOver = TopicProbe.await(PackageHandedOver.class, e -> e.jobId().equals(jobId), TIMEOUT);
        assertThat(handedOver.deliveryMethod()).isEqualTo(DeliveryMethod.PICKUP_BY_INTERMEDIARY);
    }

    @Test
    void shouldSpeakDutchByDefaultAndEnglishOnRequest() {
        signIn(volunteer, "volunteer");
        assertThat(volunteer.findElement(By.tagName("h1")).getText()).isEqualTo("Wachtrij");
        volunteer.findElement(By.id("lang-en")).click();
        assertThat(volunteer.findElement(By.tagName("h1")).getText()).isEqualTo("Queue");
        volunteer.get(url("/stock"));
        assertThat(volunteer.findElement(By.tagName("h1")).getText()).isEqualTo("Stock");
    }
}
