package nl.startpakket.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.startpakket.events.IntermediaryType;
import nl.startpakket.platform.testing.Pages;
import nl.startpakket.platform.testing.ServiceIntegrationTest;
import nl.startpakket.referral.api.partner.PartnerTerms;
import nl.startpakket.referral.ReferralServiceIT.Household;
import nl.startpakket.referral.partner.PartnerAdministration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The web form in a real headless Chromium with a phone's screen: sign in, refer, see the
 * server's messages, switch language, cancel. Skipped where Debian's chromium and chromedriver
 * are not installed ({@code apt-get install -y chromium chromium-driver}).
 */
@ServiceIntegrationTest
class ReferralFormBrowserIT {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    static WebDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    PartnerAdministration partners;


    String username;

    @BeforeAll
    static void startBrowser() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Needs /usr/bin/chromium and /usr/bin/chromedriver (apt-get install -y chromium chromium-driver)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu");
        // a phone: 390 x 844 CSS pixels, touch, a phone's user agent
        options.setExperimentalOption("mobileEmulation", Map.of(
                "deviceMetrics", Map.of("width", 390, "height", 844, "pixelRatio", 3.0, "touch", true),
                "userAgent", "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void partnerUser() {
        String partnerId = "it-web-" + UUID.randomUUID().toString().substring(0, 8);
        partners.put("it-coordinator", partnerId,
                new PartnerTerms("Verloskundigen Testpraktijk", IntermediaryType.MIDWIFE, List.of("GM0406"), true));
        username = partnerId + "-user";
        partners.putUser("it-coordinator", partnerId, username, "correct horse battery");
        browser.manage().deleteAllCookies();
        signIn();
    }

    @Test
    void aPartnerUserRefersAParentFromAPhoneInDutch() {
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("nl");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Mijn verwijzingen");

        browser.findElement(By.id("new-referral")).click();
        assertFitsThePhone();
        fillForm(Household.random().postalCode());
        screenshot("referral-form");
        browser.findElement(By.id("submit")).click();

        assertThat(waitFor(By.id("referral-status")).getText()).isEqualTo("Geaccepteerd");
        screenshot("referral-accepted");
        assertThat(browser.findElement(By.id("outcome")).getText()).contains("geaccepteerd");
        assertThat(browser.findElement(By.id("history")).getText()).contains("Ingediend").contains("Geaccepteerd");
        assertFitsThePhone();

        browser.get(url("/referrals"));
        assertThat(browser.findElement(By.id("referral-list")).getText()).contains("J. de Boer").contains("Geaccepteerd");
    }

    @Test
    void theFormShowsTheApisMessagesAndKeepsWhatWasTyped() {
        browser.get(url("/referrals/new"));
        fillForm("1271 SS");
        browser.findElement(By.id("submit")).click();

        assertThat(waitFor(By.id("form-errors")).getText()).isEqualTo("Controleer de gemarkeerde velden.");
        assertThat(browser.findElement(By.cssSelector("#parent\\.postalCode + .field-error, #parent\\.postalCode ~ .field-error"))
                .getText()).isEqualTo("Een postcode bestaat uit vier cijfers en twee letters, bijv. 1271 AB.");
        assertThat(browser.findElement(By.id("parent.name")).getAttribute("value")).isEqualTo("J. de Boer");

        browser.get(url("/referrals"));
        assertThat(browser.findElement(By.id("no-referrals")).isDisplayed()).isTrue();
    }

    @Test
    void theLanguageSwitchesToEnglishAndStays() {
        Pages.leaveBy(browser, () -> browser.findElement(By.id("lang-en")).click());
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("My referrals");
        browser.findElement(By.id("new-referral")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("New referral");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        Pages.leaveBy(browser, () -> browser.findElement(By.id("lang-nl")).click());
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Nieuwe verwijzing");
    }

    @Test
    void aPartnerUserCancelsAReferral() {
        browser.get(url("/referrals/new"));
        fillForm(Household.random().postalCode());
        browser.findElement(By.id("submit")).click();
        waitFor(By.id("referral-status"));

        new Select(browser.findElement(By.id("reason"))).selectByValue("MOVED_AWAY");
        browser.findElement(By.id("cancel")).click();

        patiently().until(b -> b.findElement(By.id("referral-status")).getText().equals("Ingetrokken"));
        assertThat(browser.findElements(By.id("cancel-form"))).isEmpty();
        assertThat(browser.findElement(By.id("history")).getText()).contains("Ingetrokken");
    }

    @Test
    void aWrongPasswordIsRefusedAndPagesNeedSigningIn() {
        browser.findElement(By.cssSelector("form.logout button")).click();
        patiently().until(b -> b.getCurrentUrl().contains("/login"));
        browser.get(url("/referrals"));
        assertThat(browser.getCurrentUrl()).contains("/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys("wrong password");
        browser.findElement(By.id("login")).click();
        assertThat(waitFor(By.id("login-error")).getText()).isEqualTo("Onjuiste gebruikersnaam of wachtwoord.");
    }

    // --- helpers

    void signIn() {
        browser.get(url("/login?lang=nl"));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys("correct horse battery");
        browser.findElement(By.id("login")).click();
        waitFor(By.id("new-referral"));
    }

    void fillForm(String postalCode) {
        new Select(browser.findElement(By.id("municipality"))).selectByValue("GM0406");
        browser.findElement(By.cssSelector("input[name=phase][value=BABY]")).click();
        setValue(browser.findElement(By.id("expectedDueDate")), LocalDate.now().plusWeeks(12).toString());
        browser.findElement(By.id("parent.name")).sendKeys("J. de Boer");
        browser.findElement(By.id("parent.street")).sendKeys("Havenstraat");
        browser.findElement(By.id("parent.houseNumber")).sendKeys(Integer.toString(1 + (int) (Math.random() * 900)));
        browser.findElement(By.id("parent.postalCode")).sendKeys(postalCode);
        browser.findElement(By.id("parent.city")).sendKeys("Huizen");
        browser.findElement(By.cssSelector("input[name=deliveryMethod][value=HOME_DELIVERY]")).click();
        browser.findElement(By.cssSelector("input[name=consentFollowUp][value=true]")).click();
    }

    /** Keeps what the phone showed under target/screenshots, for a look after the build. */
    void screenshot(String name) {
        try {
            Path target = Path.of("target", "screenshots");
            Files.createDirectories(target);
            byte[] png = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
            Files.write(target.resolve(name + ".png"), png);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    void setValue(WebElement input, String value) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", input, value);
    }

    void assertFitsThePhone() {
        Object widths = ((JavascriptExecutor) browser).executeScript(
                "return [document.documentElement.scrollWidth, window.innerWidth]");
        List<?> pair = (List<?>) widths;
        assertThat(((Number) pair.get(1)).intValue()).isLessThanOrEqualTo(400);
        assertThat(((Number) pair.get(0)).intValue()).isLessThanOrEqualTo(((Number) pair.get(1)).intValue());
    }

    WebElement waitFor(By by) {
        return patiently().until(b -> b.findElement(by));
    }

    /** Waits across page loads: an element of the page being left is not an error, just not yet. */
    static WebDriverWait patiently() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        wait.ignoring(org.openqa.selenium.WebDriverException.class);
        return wait;
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }
}
