package nl.startpakket.platform.testing;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Page navigation in the services' browser tests. */
public final class Pages {

    private Pages() {
    }

    /**
     * Does what loads a new page (a click on a link or a submit button) and waits until the page
     * it leaves is gone, so that no later lookup is answered by the old page.
     */
    public static void leaveBy(WebDriver browser, Runnable action) {
        WebElement html = browser.findElement(By.tagName("html"));
        action.run();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> {
            try {
                html.isEnabled();
                return false;
            } catch (WebDriverException gone) {
                // stale, or "does not belong to the document" while Chromium swaps documents: both mean gone
                return true;
            }
        });
    }
}
