package io.leadqualifier.console;

import static io.leadqualifier.console.ConsoleLeads.newLead;
import static io.leadqualifier.console.ConsoleLeads.qualifyMql;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.leadqualifier.security.Roles;
import io.leadqualifier.security.TestCredentials;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * An auditor in a real browser finds a decision, reads its explanation, replays it and verifies the chains; a sales
 * manager sees the SLA charts drawn, at 1280×800 and at a phone's width; RevOps run a simulation and read its heatmap.
 * Skipped, saying why, where Chromium is not installed ({@link Chromium}). Screenshots go to
 * {@code target/console-screenshots} ({@code -Dconsole.screenshots=docs/console} refreshes README's).
 */
@QuarkusTest
class AuditConsoleBrowserTest {
    private static final Path SCREENSHOTS = Path.of(System.getProperty("console.screenshots", "target/console-screenshots"));

    @TestHTTPResource("/")
    URL base;
    private ChromeDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private void logIn(String role) {
        browser.get(base + "console/login");
        browser.findElement(By.id("j_username")).sendKeys(role);
        browser.findElement(By.id("j_password")).sendKeys(TestCredentials.secret(role));
        browser.findElement(By.cssSelector("form.login button[type=submit]")).click();
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.logout")));
    }

    private WebDriverWait waitFor() {
        return new WebDriverWait(browser, Duration.ofSeconds(60));
    }

    private void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void anAuditorOpensAnExplanationFromTheSearchReplaysItAndVerifiesTheChain() {
        String lead = newLead("browser-audit");
        String id = qualifyMql(lead, Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(2, ChronoUnit.HOURS));
        browser = Chromium.start(1280, 800);
        logIn(Roles.AUDITOR);

        browser.findElement(By.linkText("Decisions")).click();
        waitFor().until(ExpectedConditions.titleContains("Decisions"));
        browser.findElement(By.id("leadId")).sendKeys(lead);
        browser.findElement(By.cssSelector("form.search button[type=submit]")).click();
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("results"), "1 decision"));
        screenshot("decisions-search");

        browser.findElement(By.cssSelector("a[href='/console/decisions/" + id + "']")).click();
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("total")));
        assertThat(browser.findElement(By.id("stage")).getText()).isEqualTo("MQL");
        int lines = browser.findElements(By.cssSelector("table.ledger tr.line td.points")).stream().map(WebElement::getText)
                .mapToInt(Integer::parseInt).sum();
        int fit = Integer.parseInt(browser.findElement(By.id("fit")).getText());
        int engagement = Integer.parseInt(browser.findElement(By.id("engagement")).getText());
        assertThat(lines).isEqualTo(fit + engagement).isEqualTo(Integer.parseInt(browser.findElement(By.id("total")).getText()));
        screenshot("decision-explanation");

        browser.findElement(By.id("replay-button")).click();
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("replay-result"), "identical"));

        browser.findElement(By.xpath("//button[normalize-space()='Verify the hash chains']")).click();
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("decision-verdict"), "intact"));
        assertThat(browser.findElement(By.id("event-verdict")).getText()).startsWith("intact");
        screenshot("verify");
    }

    @Test
    void theSlaPageDrawsItsChartsAtDesktopAndPhoneWidths() {
        qualifyMql(newLead("browser-sla"), Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(30, ChronoUnit.HOURS));
        qualifyMql(newLead("browser-sla"), Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(3, ChronoUnit.HOURS));
        browser = Chromium.start(1280, 800);
        logIn(Roles.REVOPS);

        browser.findElement(By.linkText("SLA")).click();
        for (String chart : new String[] {"queue-chart", "funnel-chart", "rates-chart"}) {
            waitFor().until(ExpectedConditions.attributeToBe(By.id(chart), "data-drawn", "true"));
            assertThat(browser.findElement(By.id(chart)).findElements(By.tagName("canvas"))).as(chart).isNotEmpty();
        }
        screenshot("sla");

        browser.quit();
        browser = Chromium.start(390, 844);
        logIn(Roles.REVOPS);
        browser.get(base + "console/sla");
        waitFor().until(ExpectedConditions.attributeToBe(By.id("queue-chart"), "data-drawn", "true"));
        Number page = (Number) browser.executeScript("return document.documentElement.scrollWidth;");
        Number window = (Number) browser.executeScript("return window.innerWidth;");
        assertThat(page.intValue()).as("no sideways scrolling of the page on a phone").isLessThanOrEqualTo(window.intValue());
        screenshot("sla-phone");
    }

    @Test
    void revopsStartsASimulationWatchesItRunAndReadsTheHeatmap() {
        qualifyMql(newLead("browser-sim"), Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(1, ChronoUnit.HOURS));
        String serving = TestCredentials.as(Roles.REVOPS).get("/api/v1/policy").then().extract().path("version");
        browser = Chromium.start(1280, 800);
        logIn(Roles.REVOPS);

        browser.findElement(By.linkText("Simulations")).click();
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("version")));
        new Select(browser.findElement(By.id("version"))).selectByValue(serving);
        browser.findElement(By.xpath("//button[normalize-space()='Start the simulation']")).click();

        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("simulation-status"), "DONE"));
        waitFor().until(ExpectedConditions.attributeToBe(By.id("heatmap-Stages"), "data-drawn", "true"));
        assertThat(browser.findElement(By.id("summary-text")).getText()).contains("0 would get another verdict");
        assertThat(browser.findElement(By.id("heatmap-Stages")).findElements(By.tagName("canvas"))).isNotEmpty();
        browser.executeScript("document.getElementById('transitions').scrollIntoView()");
        screenshot("simulation-report");
    }
}
