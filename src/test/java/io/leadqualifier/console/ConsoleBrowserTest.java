package io.leadqualifier.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.leadqualifier.policy.PolicyWorkspace;
import io.leadqualifier.security.Roles;
import io.leadqualifier.security.TestCredentials;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The console in a real browser (headless Chromium): what RevOps do with it, from logging in to logging out. Saves
 * screenshots of the main pages at 1280×800 into {@code target/console-screenshots} ({@code -Dconsole.screenshots=docs/console}
 * refreshes README's).
 */
@QuarkusTest
@TestProfile(ConsoleProfile.class)
class ConsoleBrowserTest {
    private static final Path SCREENSHOTS = Path.of(System.getProperty("console.screenshots", "target/console-screenshots"));

    @TestHTTPResource("/")
    URL service;
    private ChromeDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void revopsFixesARefusedChangeActivatesItReadsTheDiffRollsBackAndLogsOut() throws IOException {
        browser = Chromium.start(1280, 800);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(90));

        open("/console/policy");
        wait.until(ExpectedConditions.urlContains("/console/login"));
        screenshot("login");
        logIn(Roles.REVOPS, wait);

        // The active policy: tables as tables, rules with their source, the versions
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Active policy"));
        String original = browser.findElement(By.id("active-version")).getText();
        WebElement engagement = browser.findElement(By.xpath("//table[caption='Sheet Engagement']"));
        assertThat(engagement.findElement(By.xpath(".//tr[th='Engagement: CONTENT_DOWNLOAD']")).getText()).contains("10");
        screenshot("policy");
        WebElement rule = browser.findElement(By.xpath("//details[summary='Score: fit + engagement']"));
        rule.findElement(By.tagName("summary")).click();
        assertThat(rule.findElement(By.tagName("pre")).getText()).startsWith("rule ").contains("then").endsWith("end");

        // A change that fails a scenario is refused, and the report says why
        Path workspace = Files.createTempDirectory("console-upload-");
        PolicyWorkspace changed = PolicyWorkspace.copyOfDefault()
                .setCell("engagement-scoring.xlsx", "Engagement", "Engagement: CONTENT_DOWNLOAD", "Points", 12);
        Path engagementFile = Files.write(workspace.resolve("engagement-scoring.xlsx"), changed.bytes("decision-tables/engagement-scoring.xlsx"));
        navigate("Changes");
        browser.findElement(By.id("files")).sendKeys(engagementFile.toString());
        browser.findElement(By.xpath("//button[text()='Check']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("report-title")));
        assertThat(browser.findElement(By.id("report-title")).getText()).contains("refused");
        assertThat(browser.findElement(By.id("report")).getText()).contains("Contract example: warm lead, nurtured")
                .contains("expected total 60, got 62");
        assertThat(browser.findElements(By.xpath("//button[text()='Activate']"))).isEmpty();
        screenshot("change-refused");

        // Fixed (the scenario now expects 62), it passes and is activated
        changed.setCell("qualification-scenarios.xlsx", "Scenarios", "Contract example: warm lead, nurtured", "Expected total", 62);
        Path scenarioFile = Files.write(workspace.resolve("qualification-scenarios.xlsx"), changed.bytes("decision-tables/qualification-scenarios.xlsx"));
        browser.findElement(By.id("files")).sendKeys(engagementFile + "\n" + scenarioFile);
        browser.findElement(By.xpath("//button[text()='Check']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("report-title"), "passes"));
        assertThat(browser.findElement(By.id("error-count")).getText()).isEqualTo("0");
        browser.findElement(By.xpath("//button[text()='Activate']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p.notice"), "passed its checks and serves"));
        String activated = browser.findElement(By.tagName("h1")).getText().replace("Policy version ", "");
        assertThat(activated).isNotEqualTo(original);
        navigate("Policy");
        assertThat(browser.findElement(By.id("active-version")).getText()).isEqualTo(activated);

        // The diff, in business terms, side by side
        navigate("Diff");
        new Select(browser.findElement(By.id("from"))).selectByValue(original);
        browser.findElement(By.xpath("//button[text()='Compare']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("diff-title")));
        WebElement points = browser.findElement(By.xpath("//article[h3[contains(., 'Engagement: CONTENT_DOWNLOAD, Points')]]"));
        assertThat(points.findElement(By.className("before")).getText()).isEqualTo("10");
        assertThat(points.findElement(By.className("after")).getText()).isEqualTo("12");
        assertThat(browser.findElement(By.id("diff-title")).getText()).contains(original).contains(activated);
        screenshot("diff");

        // Roll back from the old version's page: it passes the checks again and serves
        navigate("Policy");
        browser.findElement(By.xpath("//table[@class='versions']//a[normalize-space()='" + original + "']")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[text()='Activate this version (roll back)']"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p.notice"), "passed its checks and serves"));
        navigate("Policy");
        assertThat(browser.findElement(By.id("active-version")).getText()).isEqualTo(original);

        // Log out: the console is closed again
        browser.findElement(By.xpath("//button[text()='Log out']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p.notice"), "You are logged out."));
        open("/console/policy");
        wait.until(ExpectedConditions.urlContains("/console/login"));
    }

    @Test
    void anAuditorReadsRejectedAttemptsButIsToldWhyHeCannotChangeThePolicy() throws IOException {
        // 13 points fails the scenario whether it expects the shipped 60 or the 62 another test may have activated
        byte[] refused = PolicyWorkspace.copyOfDefault()
                .setCell("engagement-scoring.xlsx", "Engagement", "Engagement: CONTENT_DOWNLOAD", "Points", 13)
                .bytes("decision-tables/engagement-scoring.xlsx");
        TestCredentials.as(Roles.REVOPS).multiPart("file", "engagement-scoring.xlsx", refused).post("/api/v1/policy/files")
                .then().statusCode(422);
        browser = Chromium.start(1280, 800);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        open("/console/login");
        logIn(Roles.AUDITOR, wait);

        navigate("Rejected");
        WebElement attempt = browser.findElement(By.xpath("//section[h2[contains(., 'API_UPLOAD by revops')]]"));
        assertThat(attempt.getText()).contains("decision-tables/qualification-scenarios.xlsx")
                .contains("Contract example: warm lead, nurtured").contains(", got 63");
        screenshot("rejected");

        browser.findElement(By.xpath("//nav[@aria-label='Console']//a[text()='Changes']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".refusal")));
        assertThat(browser.findElement(By.cssSelector(".refusal")).getText()).contains("Forbidden").contains("Your role may not do this");
    }

    @Test
    void keyboardUsersSkipToTheContentAndPhonesNeedNoSidewaysScrolling() throws IOException {
        browser = Chromium.start(390, 844);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        open("/console/login");
        logIn(Roles.REVOPS, wait);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Active policy"));

        browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        WebElement skip = browser.switchTo().activeElement();
        assertThat(skip.getText()).isEqualTo("Skip to content");
        skip.sendKeys(Keys.ENTER);
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("main");

        Object overflow = browser.executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
        assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
        screenshot("policy-phone");
    }

    private void logIn(String role, WebDriverWait wait) {
        browser.findElement(By.id("j_username")).sendKeys(role);
        browser.findElement(By.id("j_password")).sendKeys(TestCredentials.secret(role));
        browser.findElement(By.xpath("//button[text()='Log in']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//button[text()='Log out']")));
    }

    private void navigate(String section) {
        browser.findElement(By.xpath("//nav[@aria-label='Console']//a[text()='" + section + "']")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//nav[@aria-label='Console']//a[@aria-current='page' and text()='" + section + "']")));
    }

    private void open(String path) {
        browser.get(service.toString().replaceFirst("/$", "") + path);
    }

    private void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((org.openqa.selenium.TakesScreenshot) (WebDriver) browser).getScreenshotAs(OutputType.BYTES));
    }
}
