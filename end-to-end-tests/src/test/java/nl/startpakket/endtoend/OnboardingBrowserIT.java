package nl.startpakket.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import nl.startpakket.localstack.Service;
import nl.startpakket.platform.testing.Pages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The coordinator's part of onboarding a municipality without demo data (GM0363 Amsterdam), done
 * in the pages of the running services with a real headless Chromium: sign in once at the
 * identity provider, make an evaluator's and a volunteer's account (one-time passwords shown),
 * register the contract in billing, register the partner with a key and a web-form user in
 * referral. What was made works: the key refers, the evaluator sees Amsterdam and only Amsterdam,
 * the web-form user signs in. Screenshots under {@code target/screenshots}. Skipped where the
 * browser is missing.
 */
class OnboardingBrowserIT {

    private static final String AMSTERDAM = "GM0363";

    private static WebDriver browser;

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = HeadlessChromium.start(1280, 1800);
        RunningStack.get();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aCoordinatorOnboardsAMunicipalityInThePages() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        // the provider as the services send browsers to it: its issuer address (localhost), where its session lives
        String identity = "http://localhost:" + RunningStack.service(Service.IDENTITY).port();

        // one sign-in at the identity provider serves every service's pages
        browser.get(identity + "/accounts?lang=nl");
        assertThat(browser.getCurrentUrl()).contains("/login");
        browser.findElement(By.id("username")).sendKeys("coordinator");
        browser.findElement(By.id("password")).sendKeys("coordinator");
        leaveBy(() -> browser.findElement(By.id("login")).click());
        assertThat(browser.getCurrentUrl()).contains("/accounts");

        String evaluator = "evaluator-amsterdam-" + suffix;
        String evaluatorPassword = newAccount(evaluator, "Evaluator Amsterdam", "EVALUATOR", AMSTERDAM);
        screenshot("onboarding-1-account.png");
        String volunteer = "volunteer-amsterdam-" + suffix;
        newAccount(volunteer, "Vrijwilliger Amsterdam", "VOLUNTEER", null);

        // the contract, in billing's pages (signed in already: the provider remembers the coordinator)
        String contractId = "amsterdam-" + suffix;
        browser.get(base(Service.BILLING) + "/contracts");
        awaitPath("/contracts");
        leaveBy(() -> browser.findElement(By.id("new-contract")).click());
        browser.findElement(By.id("contractId")).sendKeys(contractId);
        new Select(browser.findElement(By.id("municipality"))).selectByValue(AMSTERDAM);
        date("validFrom", LocalDate.now().minusDays(30));
        date("validTo", LocalDate.now().plusYears(1));
        browser.findElement(By.id("priceBaby")).sendKeys("80.00");
        browser.findElement(By.id("priceToddler")).sendKeys("80.00");
        browser.findElement(By.id("maxPackages")).sendKeys("550");
        new Select(browser.findElement(By.id("invoicePeriod"))).selectByValue("QUARTERLY");
        leaveBy(() -> browser.findElement(By.id("register-contract")).click());
        awaitPath("/contracts/" + contractId);
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("Amsterdam");
        screenshot("onboarding-2-contract.png");

        // the partner, its key and a web-form user, in referral's pages (staff sign-in beside the partners' form)
        String partnerId = "ggd-amsterdam-" + suffix;
        browser.get(base(Service.REFERRAL) + "/partners");
        if (browser.getCurrentUrl().contains("/login")) {
            leaveBy(() -> browser.findElement(By.id("staff-sign-in")).click());
        }
        awaitPath("/partners");
        leaveBy(() -> browser.findElement(By.id("new-partner")).click());
        browser.findElement(By.id("partnerId")).sendKeys(partnerId);
        browser.findElement(By.id("name")).sendKeys("GGD Amsterdam " + suffix);
        new Select(browser.findElement(By.id("intermediaryType"))).selectByValue("SOCIAL_CARE");
        new Select(browser.findElement(By.id("municipalities"))).selectByValue(AMSTERDAM);
        leaveBy(() -> browser.findElement(By.id("save")).click());
        awaitPath("/partners/" + partnerId);
        leaveBy(() -> browser.findElement(By.id("issue-key")).click());
        String apiKey = browser.findElement(By.id("new-api-key")).getText().trim();
        assertThat(apiKey).startsWith("spk_");
        screenshot("onboarding-3-partner-key.png");
        String webUser = "ggd-web-" + suffix;
        browser.findElement(By.id("username")).sendKeys(webUser);
        leaveBy(() -> browser.findElement(By.id("add-user")).click());
        String webPassword = browser.findElement(By.id("new-password")).getText().trim();
        assertThat(webPassword).isNotBlank();
        browser.navigate().refresh();
        assertThat(browser.findElements(By.id("new-api-key"))).as("a key is shown once").isEmpty();

        // what the coordinator made works
        Api.Response referral = RunningStack.api(Service.REFERRAL).asPartner(apiKey)
                .post("/api/v1/referrals", Referrals.baby(AMSTERDAM, "Amsterdam"));
        assertThat(referral.status()).as(referral.toString()).isEqualTo(201);
        Api reports = RunningStack.api(Service.REPORTING).asStaff(evaluator, evaluatorPassword);
        assertThat(reports.get("/api/v1/reports/municipalities/" + AMSTERDAM).status()).isEqualTo(200);
        assertThat(reports.get("/api/v1/reports/municipalities/GM0406").status()).isEqualTo(403);
        assertThat(WebForm.signIn(base(Service.REFERRAL), webUser, webPassword).referralsPage())
                .contains(referral.json().get("referralId").asText());
    }

    /** Creates the account on the account pages; the one-time password it shows. */
    private static String newAccount(String username, String displayName, String role, String municipality) throws Exception {
        browser.get("http://localhost:" + RunningStack.service(Service.IDENTITY).port() + "/accounts");
        leaveBy(() -> browser.findElement(By.id("new-account")).click());
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("displayName")).sendKeys(displayName);
        browser.findElement(By.id("role-" + role)).click();
        if (municipality != null) {
            browser.findElement(By.id("municipality")).sendKeys(municipality);
        }
        leaveBy(() -> browser.findElement(By.id("save")).click());
        WebElement once = browser.findElement(By.cssSelector("#one-time-password strong"));
        String password = once.getText().trim();
        assertThat(password).hasSize(16);
        return password;
    }

    private static void date(String id, LocalDate date) {
        // a date input takes the digits in the browser's locale order (nl: day, month, year)
        browser.findElement(By.id(id)).sendKeys(date.format(DateTimeFormatter.ofPattern("ddMMyyyy")));
    }

    private static String base(Service service) {
        return RunningStack.service(service).baseUrl();
    }

    private static void awaitPath(String path) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> {
            String url = d.getCurrentUrl();
            String withoutQuery = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
            return withoutQuery.endsWith(path);
        });
    }

    private static void leaveBy(Runnable action) {
        Pages.leaveBy(browser, action);
    }

    private static void screenshot(String name) {
        HeadlessChromium.screenshot(browser, name);
    }
}
