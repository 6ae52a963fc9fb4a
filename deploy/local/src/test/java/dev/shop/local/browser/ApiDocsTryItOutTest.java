package dev.shop.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import dev.shop.local.browser.BrowserShop.Shopper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The local stack's API documentation (docsUrl, docs/api.md) used as a person uses it, in a real browser:
 * the page loads from the stack's own files (no request leaves loopback), "Try it out" calls the local API,
 * and "Authorize" with a token pasted from the local Cognito endpoint opens the token routes.
 */
class ApiDocsTryItOutTest extends BrowserTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);




    @Test
    void tryItOutAnswersPublicRoutesAndTokenRoutesOnlyWithThePastedToken() {
        Shopper shopper = shop.newShopper();
        String token = shop.token(shopper.email(), BrowserShop.PASSWORD);

        browser.driver().get(shop.info().docsUrl());
        assertThat(browser.visible(By.cssSelector(".info .title")).getText()).startsWith("Shop API");

        assertThat(execute("catalog", "getCatalogProducts", "200")).contains("\"items\"");
        assertThat(execute("cart", "getCart", "401")).contains("Unauthorized");

        authorize(token);
        assertThat(execute("cart", "getCart", "200")).contains("\"items\"");

        assertThat(requestedHosts()).as("every file and call of the page, the API's included")
            .isNotEmpty()
            .allMatch(host -> host.equals("127.0.0.1") || host.equals("localhost"));
        assertThat(requestedUrls()).as("Swagger UI's files and the document came from the stack's own site")
            .anyMatch(url -> url.startsWith(shop.storefrontUrl() + "/api-docs/swagger-ui-bundle.js"))
            .anyMatch(url -> url.startsWith(shop.storefrontUrl() + "/api-docs/openapi.yaml"))
            .anyMatch(url -> url.startsWith(shop.info().apiUrl() + "/cart"));
    }

    /** Opens one operation, presses "Try it out" (once) and "Execute", and returns the response body the page shows. */
    private String execute(String tag, String operationId, String expectedStatus) {
        By operation = By.id("operations-" + tag + "-" + operationId);
        WebElement block = browser.visible(operation);
        if (block.findElements(By.cssSelector(".opblock-body")).isEmpty()) {
            click(block.findElement(By.cssSelector(".opblock-summary-control")));
        }
        List<WebElement> tryOut = block.findElements(By.cssSelector("button.try-out__btn:not(.cancel)"));
        if (!tryOut.isEmpty()) {
            click(tryOut.get(0));
        }
        List<WebElement> clear = block.findElements(By.cssSelector("button.btn-clear"));
        if (!clear.isEmpty()) {
            click(clear.get(0));
        }
        click(new WebDriverWait(browser.driver(), PATIENCE).until(ExpectedConditions.elementToBeClickable(
            block.findElement(By.cssSelector("button.execute")))));
        By status = By.cssSelector("#" + operation.toString().substring("By.id: ".length())
            + " .live-responses-table .response-col_status:not(.col_header)");
        new WebDriverWait(browser.driver(), PATIENCE)
            .withMessage(() -> operationId + " never showed " + expectedStatus + "; the page shows:\n" + browser.pageText())
            .until(driver -> driver.findElements(status).stream().anyMatch(cell -> cell.getText().startsWith(expectedStatus)));
        return block.findElement(By.cssSelector(".live-responses-table .response-col_description:not(.col_header)")).getText();
    }

    /** Pastes the token into "Authorize" for the cognito bearer scheme, as a person copies it from a sign-in. */
    private void authorize(String token) {
        click(browser.visible(By.cssSelector(".auth-wrapper button.authorize")));
        WebElement value = browser.visible(By.cssSelector("input[aria-label='auth-bearer-value']"));
        value.sendKeys(token);
        click(browser.visible(By.cssSelector(".auth-btn-wrapper button.authorize")));
        browser.sees("Authorized");
        click(browser.visible(By.cssSelector(".auth-btn-wrapper button.btn-done")));
    }

    private void click(WebElement element) {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        new WebDriverWait(browser.driver(), PATIENCE).until(ExpectedConditions.elementToBeClickable(element));
        element.click();
    }

    /** What the page fetched, as the browser's resource timing records it: files, the document and XHR/fetch calls. */
    @SuppressWarnings("unchecked")
    private List<String> requestedUrls() {
        List<String> urls = new java.util.ArrayList<>((List<String>) ((JavascriptExecutor) browser.driver()).executeScript(
            "return performance.getEntriesByType('resource').map(e => e.name);"));
        urls.add(browser.currentUrl());
        return urls;
    }

    private List<String> requestedHosts() {
        return requestedUrls().stream().map(url -> URI.create(url).getHost()).toList();
    }
}
