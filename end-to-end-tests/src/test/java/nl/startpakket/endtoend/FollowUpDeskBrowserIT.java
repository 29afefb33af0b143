package nl.startpakket.endtoend;

import static nl.startpakket.endtoend.ChainEndToEndIT.CHAIN;
import static nl.startpakket.endtoend.ChainEndToEndIT.awaitQueuedJob;
import static nl.startpakket.endtoend.ChainEndToEndIT.awaitStatus;
import static nl.startpakket.endtoend.ChainEndToEndIT.workJobThrough;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import nl.startpakket.localstack.Service;
import nl.startpakket.platform.testing.Pages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The step to further help, in a real headless Chromium on the running services: Huizen's social
 * team signs in, finds the family who agreed to be contacted once its package was delivered (and
 * never the family who did not), sees the contact details the parent shared, records that help
 * was accepted, and the evaluation counts it; once the family's data is erased, its task is gone.
 */
class FollowUpDeskBrowserIT {


    private static WebDriver browser;

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = HeadlessChromium.start(1280, 1400);
        RunningStack.get();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theSocialTeamFollowsUpAConsentingFamilyAndTheEvaluationCountsIt() throws Exception {
        Api midwife = RunningStack.api(Service.REFERRAL).asPartner("demo-verloskundige-huizen");
        Map<String, Object> consentingBody = Referrals.baby("GM0406", "Huizen");
        String parentName = ((Map<?, ?>) consentingBody.get("parent")).get("name").toString();
        String consenting = midwife.post("/api/v1/referrals", consentingBody).json().get("referralId").asText();
        Map<String, Object> withoutConsent = Referrals.baby("GM0406", "Huizen");
        withoutConsent.put("consentFollowUp", false);
        String notConsenting = midwife.post("/api/v1/referrals", withoutConsent).json().get("referralId").asText();
        for (String referralId : new String[] {consenting, notConsenting}) {
            awaitStatus(midwife, referralId, "FUNDED");
            workJobThrough(awaitQueuedJob(referralId), "volunteer");
            awaitStatus(midwife, referralId, "DELIVERED");
        }
        Api coordinatorReports = RunningStack.api(Service.REPORTING).asStaff("coordinator");
        int acceptedBefore = coordinatorReports.get("/api/v1/reports/municipalities/GM0406").json()
                .at("/followUp/byOutcome/HELP_ACCEPTED").asInt();

        // the social team signs in on the referral pages (staff sign-in at the identity provider)
        String referral = RunningStack.service(Service.REFERRAL).baseUrl();
        browser.get(referral + "/login?lang=nl");
        Pages.leaveBy(browser, () -> browser.findElement(By.id("staff-sign-in")).click());
        browser.findElement(By.id("username")).sendKeys("sociaal-team-huizen");
        browser.findElement(By.id("password")).sendKeys("sociaal-team-huizen");
        Pages.leaveBy(browser, () -> browser.findElement(By.id("login")).click());
        await().atMost(CHAIN).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            browser.get(referral + "/follow-up");
            assertThat(browser.findElements(By.id("task-" + consenting))).as("the consenting family's task").hasSize(1);
        });
        assertThat(browser.getPageSource()).as("no consent, no task").doesNotContain(notConsenting);
        screenshot("follow-up-1-desk.png");

        Pages.leaveBy(browser, () -> browser.findElement(By.cssSelector("#task-" + consenting + " a")).click());
        assertThat(browser.findElement(By.id("contact-name")).getText()).isEqualTo(parentName);
        browser.findElement(By.id("outcome-HELP_ACCEPTED")).click();
        screenshot("follow-up-2-family.png");
        Pages.leaveBy(browser, () -> browser.findElement(By.id("record-outcome")).click());
        assertThat(browser.findElement(By.id("recorded")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("task-" + consenting)).getText()).contains("Hulp aanvaard");

        // the evaluation counts the outcome (exact for the coordinator; suppressed for evaluators like every count)
        await().atMost(CHAIN).untilAsserted(() -> assertThat(coordinatorReports.get("/api/v1/reports/municipalities/GM0406").json()
                .at("/followUp/byOutcome/HELP_ACCEPTED").asInt()).isEqualTo(acceptedBefore + 1));

        // erased: the family disappears from the desk
        Api.Response erased = RunningStack.api(Service.REFERRAL).asStaff("coordinator")
                .post("/api/v1/referrals/" + consenting + "/erasure", Map.of("reason", "test: the parent asked"));
        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
        await().atMost(CHAIN).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            browser.get(referral + "/follow-up");
            assertThat(browser.findElements(By.id("task-" + consenting))).isEmpty();
        });
    }

    private static void screenshot(String name) {
        HeadlessChromium.screenshot(browser, name);
    }
}
