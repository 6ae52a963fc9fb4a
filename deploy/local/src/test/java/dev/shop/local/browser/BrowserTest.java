package dev.shop.local.browser;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every browser journey starts from: the one browser shop of this test
 * run and a fresh headless Chromium on the storefront for each test, closed
 * after it.
 */
abstract class BrowserTest {

    protected final BrowserShop shop = BrowserShop.get();
    protected Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = Browser.open(shop.storefrontUrl());
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }
}
