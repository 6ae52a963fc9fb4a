package dev.shop.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Debian Chromium, driven through Debian's chromedriver, used
 * the way a person uses the shop: by visible text, labels and roles. Both
 * paths are given to Selenium, so Selenium Manager never runs and nothing is
 * downloaded; a machine without them fails here with the command to fix it.
 */
final class Browser implements AutoCloseable {

    static final String CHROMIUM = System.getProperty("shop.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("shop.chromedriver", "/usr/bin/chromedriver");
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final ChromeDriver driver;
    private final WebDriverWait wait;
    private final String baseUrl;
    private final Path profile;

    private Browser(ChromeDriver driver, String baseUrl, Path profile) {
        this.driver = driver;
        this.baseUrl = baseUrl;
        this.profile = profile;
        this.wait = new WebDriverWait(driver, PATIENCE);
    }

    /** A fresh browser (its own profile: no session, no guest cart) at a desktop size. */
    static Browser open(String storefrontUrl) {
        for (String binary : List.of(CHROMIUM, CHROMEDRIVER)) {
            assertThat(new File(binary).canExecute()).as("The browser tests need Debian's Chromium and its driver at " + binary
                + "; install them with: apt-get install -y chromium chromium-driver (.ci/run does this)").isTrue();
        }
        try {
            Path profile = Files.createTempDirectory("shop-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--user-data-dir=" + profile, "--window-size=1280,900");
            ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            return new Browser(driver, storefrontUrl, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens a page of the storefront by its hash route, e.g. "#/cart". */
    Browser visit(String route) {
        driver.get(baseUrl + "/" + route);
        return this;
    }

    WebDriver driver() {
        return driver;
    }

    void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    WebElement heading(String text) {
        By by = By.xpath("//h1[normalize-space()=" + literal(text) + "]");
        return new WebDriverWait(driver, PATIENCE)
            .withMessage(() -> "No heading \"" + text + "\"; the page shows:\n" + pageText())
            .until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    WebElement link(String text) {
        return visible(By.xpath("//a[normalize-space()=" + literal(text) + "]"));
    }

    WebElement linkContaining(String text) {
        return visible(By.xpath("//a[contains(normalize-space(), " + literal(text) + ")]"));
    }

    WebElement button(String text) {
        return wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space()=" + literal(text) + "]")));
    }

    /** The control a label names, through its {@code for} attribute, as a screen reader finds it. */
    WebElement field(String label) {
        // A label may be visually hidden (a table's quantity box) and still name its control.
        WebElement labelElement = wait.until(ExpectedConditions.presenceOfElementLocated(
            By.xpath("//label[normalize-space(.)=" + literal(label) + "]")));
        return driver.findElement(By.id(labelElement.getAttribute("for")));
    }

    Browser fill(String label, String value) {
        WebElement control = field(label);
        control.clear();
        control.sendKeys(value);
        return this;
    }

    /**
     * The message the storefront shows under a field the API refused; the
     * field is then marked invalid and described by it, for screen readers too.
     */
    String problemBeside(String label) {
        WebElement control = field(label);
        wait.until(d -> "true".equals(control.getAttribute("aria-invalid")));
        return visible(By.id(control.getAttribute("aria-describedby"))).getText();
    }

    /** Signs in through the page, and waits until the guest cart has merged and the page moved on. */
    void signIn(String email, String password) {
        visit("#/signin");
        heading("Sign in");
        fill("Email", email).fill("Password", password).click(button("Sign in"));
        sees("Signed in as " + email);
        sees("You are signed in.");
    }

    Browser click(WebElement element) {
        element.click();
        return this;
    }

    void doubleClick(WebElement element) {
        new Actions(driver).doubleClick(element).perform();
    }

    void acceptConfirmation() {
        wait.until(ExpectedConditions.alertIsPresent()).accept();
    }

    /** Waits until the page shows the text somewhere, and returns the page's text. */
    String sees(String text) {
        new WebDriverWait(driver, PATIENCE).withMessage(() -> "The page never showed \"" + text + "\"; it shows:\n" + pageText())
            .until(d -> pageText().contains(text));
        return pageText();
    }

    /** The text of the first alert that shows up (a problem next to a form or action). */
    String alertText() {
        return visible(By.cssSelector("[role=alert]:not([hidden])")).getText();
    }

    String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    boolean showsLink(String text) {
        return driver.findElements(By.xpath("//a[normalize-space()=" + literal(text) + "]")).stream().anyMatch(WebElement::isDisplayed);
    }

    String currentUrl() {
        return driver.getCurrentUrl();
    }

    WebElement visible(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** A picture of the window once every image on the page has loaded. */
    void screenshot(Path file) {
        new WebDriverWait(driver, PATIENCE).withMessage("images still loading").until(d -> Boolean.TRUE.equals(
            ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                "return [...document.images].every(i => { i.loading = 'eager'; return i.complete; })")));
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String literal(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        return "concat('" + text.replace("'", "', \"'\", '") + "')";
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException ignored) {
            // a temporary profile left behind is harmless
        }
    }
}
