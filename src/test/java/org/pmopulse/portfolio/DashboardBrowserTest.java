package org.pmopulse.portfolio;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pmopulse.support.Http;
import org.pmopulse.support.RunningPulse;
import tools.jackson.databind.JsonNode;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard in a real browser: Debian's Chromium, headless, through its chromedriver. Skipped where they are
 * not installed (.ci/run installs them). Saves screenshots of each page to target/ (sign-in, portfolio, project, admin).
 */
class DashboardBrowserTest {
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static RunningPulse pulse;
    private static WebDriver browser;

    @BeforeAll
    static void start() {
        Assumptions.assumeTrue(new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute(),
                "no browser installed: install Debian's chromium and chromium-driver to run the dashboard test");
        pulse = RunningPulse.start("--pulse.demo.load=true");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless=new", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,1000");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).build(), options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (pulse != null) {
            pulse.close();
        }
    }

    private static List<WebElement> rows() {
        return browser.findElements(By.cssSelector("#portfolio tbody tr.project-row"));
    }

    /** Opens the dashboard without a session, lands on the sign-in page and signs in there. */
    private static WebDriverWait signIn(String user) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.manage().deleteAllCookies();
        browser.get("http://localhost:" + pulse.port() + "/");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sign-in")));
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(Http.ADMIN_PASSWORD);
        browser.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("signed-in-as"), user));
        return wait;
    }

    @Test
    void aWrongPasswordStaysOnTheSignInPageAndSaysSo() throws IOException {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.manage().deleteAllCookies();
        browser.get("http://localhost:" + pulse.port() + "/login");
        browser.findElement(By.id("username")).sendKeys("pmo");
        browser.findElement(By.id("password")).sendKeys("not the password");
        browser.findElement(By.id("sign-in")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sign-in-message")));
        assertThat(browser.findElement(By.id("sign-in-message")).getText()).contains("Wrong user name or password");
        assertThat(browser.getCurrentUrl()).endsWith("/login?error");
        screenshot("sign-in.png");
    }

    @Test
    void aProjectManagerSeesOnlyTheirProjects() {
        WebDriverWait wait = signIn("pm");
        wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#portfolio tbody tr.project-row"), 0));

        assertThat(rows()).extracting(row -> row.getAttribute("data-project"))
                .containsExactlyInAnyOrder("ERP-2026", "DATALAKE", "WAREHOUSE");
        assertThat(browser.findElement(By.id("admin-link")).isDisplayed()).isFalse();
    }

    @Test
    void theAdminMakesATokenThatWorksAndSignsOut() throws Exception {
        WebDriverWait wait = signIn("admin");
        browser.findElement(By.id("admin-link")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("create-token")));
        WebElement form = browser.findElement(By.id("create-token"));
        form.findElement(By.name("name")).sendKeys("nightly export");
        new Select(form.findElement(By.name("role"))).selectByValue("PROJECT_MANAGER");
        form.findElement(By.name("projects")).sendKeys("ERP-2026");
        form.findElement(By.tagName("button")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#admin-message .secret")));
        String said = browser.findElement(By.cssSelector("#admin-message .secret")).getText();
        String secret = said.substring(said.lastIndexOf(' ') + 1);
        assertThat(pulse.http().bearer(secret).get("/api/projects").json()).hasSize(1);
        assertThat(browser.findElement(By.id("tokens")).getText()).contains("nightly export");
        screenshot("dashboard-admin.png");

        browser.findElement(By.id("sign-out")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sign-in-message")));
        assertThat(browser.findElement(By.id("sign-in-message")).getText()).contains("signed out");
        browser.get("http://localhost:" + pulse.port() + "/");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sign-in")));
    }

    @Test
    void earlyInAWeekThePmoLeadSeesWhichProjectsHaveNotReportedYet() throws Exception {
        // ERP-2026 reports the week after the demo's last one before anybody else
        String early = Files.readString(Path.of("data/demo/ERP-2026_2026-11-20.json"))
                .replace("\"asOf\" : \"2026-11-20\"", "\"asOf\" : \"2026-11-27\"");
        assertThat(early).contains("2026-11-27");
        Http admin = pulse.http();
        assertThat(admin.put("/api/projects/ERP-2026/snapshots/2026-11-27", early.getBytes(StandardCharsets.UTF_8),
                "application/json").status()).isEqualTo(201);
        try {
            WebDriverWait wait = signIn("pmo");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("not-reported")));

            assertThat(rows()).extracting(row -> row.getAttribute("data-project")).containsExactly("ERP-2026");
            assertThat(browser.findElement(By.id("not-reported")).getText())
                    .startsWith("Not reported yet for week 2026-W48: ").contains("CRM-2026 (last 2026-W47, ");
            screenshot("dashboard-not-reported.png");
        } finally {
            assertThat(admin.delete("/api/projects/ERP-2026/snapshots/2026-11-27").status()).isEqualTo(200);
        }
    }

    @Test
    void thePmoLeadFiltersToRedProjectsAndOpensOne() throws Exception {
        WebDriverWait wait = signIn("pmo");
        wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#portfolio tbody tr.project-row"), 0));

        JsonNode api = pulse.http().get("/api/portfolio").json();
        List<WebElement> rows = rows();
        assertThat(rows).hasSize(api.get("projects").size());
        for (int i = 0; i < rows.size(); i++) {
            assertThat(rows.get(i).getAttribute("data-project")).isEqualTo(api.get("projects").get(i).get("projectId").asString());
            assertThat(rows.get(i).getText()).contains(api.get("projects").get(i).get("rag").asString());
        }
        for (String rag : List.of("RED", "AMBER", "GREEN", "NO_DATA")) {
            assertThat(browser.findElement(By.id("count-" + rag)).getText()).isEqualTo(api.at("/summary/byRag/" + rag).asString());
        }

        screenshot("dashboard-portfolio.png");

        new Select(browser.findElement(By.id("filter-rag"))).selectByValue("RED");
        List<WebElement> red = rows();
        assertThat(red).hasSize(api.at("/summary/byRag/RED").asInt())
                .allSatisfy(row -> assertThat(row.getAttribute("data-rag")).isEqualTo("RED"));

        String project = red.get(0).getAttribute("data-project");
        red.get(0).findElement(By.tagName("a")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("findings")));
        JsonNode assessment = pulse.http().get("/api/projects/" + project + "/assessments/latest").json();
        assertThat(browser.findElement(By.id("project-title")).getText()).contains(project).contains("RED");
        assertThat(browser.findElements(By.cssSelector("#findings .finding"))).hasSize(assessment.get("findings").size());
        assertThat(browser.findElement(By.id("findings")).getText())
                .contains(assessment.at("/findings/0/because").asString());
        List<WebElement> recommendations = browser.findElements(By.cssSelector("#recommendations > li"));
        assertThat(recommendations).hasSize(assessment.get("recommendations").size());
        assertThat(recommendations.get(0).getText()).contains(assessment.at("/recommendations/0/title").asString());
        assertThat(browser.findElement(By.cssSelector("#forecasts tr[data-source=MODEL]")).getText())
                .contains(assessment.at("/forecast/expectedSlipDays").asInt() + " d")
                .contains(assessment.at("/forecast/range80/0").asInt() + " to " + assessment.at("/forecast/range80/1").asInt());
        assertThat(browser.findElement(By.cssSelector("#forecasts tr[data-source=EARNED_SCHEDULE]")).getText())
                .contains(assessment.at("/indicators/esForecastFinish").asString());
        assertThat(browser.findElement(By.cssSelector(".factors")).getText())
                .contains(assessment.at("/forecast/mainFactors/0/explanation").asString());
        assertThat(browser.findElement(By.id("dimensions")).getText()).contains("data ");

        screenshot("dashboard.png");
    }

    private static void screenshot(String name) throws IOException {
        Path file = Path.of("target", name);
        Files.createDirectories(file.getParent());
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), file,
                StandardCopyOption.REPLACE_EXISTING);
        assertThat(file).isNotEmptyFile();
    }
}
