package io.cuadra.it.support;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

/**
 * Debian's headless Chromium driven by its chromedriver (README, "Tests": both are installed by
 * .ci/run). Nothing is downloaded: the binaries' paths come from the build.
 */
public final class Browser implements AutoCloseable {

    private final WebDriver driver;
    private final WebDriverWait wait;

    public Browser() throws Exception {
        this("es-PE", "es-PE,es");
    }

    /**
     * A browser whose language is {@code languageTag} (e.g. "fr-FR" for the French clinic's people), asking
     * pages in {@code acceptLanguages} order.
     */
    public Browser(String languageTag, String acceptLanguages) throws Exception {
        Path profile = Files.createTempDirectory("cuadra-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--no-first-run",
                "--window-size=1366,900", "--lang=" + languageTag, "--user-data-dir=" + profile);
        // By default the back office's own language, Spanish: browse as a Peruvian user would.
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", acceptLanguages));
        // The console is kept, so a test can see what the page's Content-Security-Policy refused.
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver")))
                .build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    /** A new browser signed in through the login page as {@code user}. */
    public static Browser signedIn(DemoUsers user) throws Exception {
        Browser browser = new Browser();
        String base = TestEnvironment.baseUrl();
        browser.open(base).waitForUrl("login.xhtml");
        browser.type("#login\\:email", user.email)
                .type("#login\\:password_input, #login\\:password", user.password)
                .click("#login\\:submit")
                .waitForText(".cuadra-who", user.email);
        return browser;
    }

    public WebDriver driver() {
        return driver;
    }

    public Browser open(String url) {
        driver.get(url);
        return this;
    }

    public WebElement find(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    public Browser type(String css, String text) {
        WebElement e = find(css);
        e.clear();
        e.sendKeys(text);
        return this;
    }

    public Browser click(String css) {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
        return this;
    }

    /**
     * Picks {@code label} in the PrimeFaces select menu {@code menuCss} as a person would (open, click the
     * item) and waits until the menu shows it. The menu is opened only once no AJAX request is pending (a
     * request in flight may re-render the menu and close its panel), and a click that lands while the panel
     * is still sliding open, or on a panel that a late update closed, is tried again.
     */
    public Browser choose(String menuCss, String label) {
        By item = By.cssSelector(menuCss + "_items li[data-label='" + label + "']");
        By shown = By.cssSelector(menuCss + "_label");
        WebDriverWait shortWait = new WebDriverWait(driver, Duration.ofSeconds(5));
        for (int attempt = 1; ; attempt++) {
            try {
                waitForAjaxIdle();
                if (driver.findElements(item).stream().noneMatch(WebElement::isDisplayed)) {
                    click(menuCss);
                }
                shortWait.until(ExpectedConditions.visibilityOfElementLocated(item));
                shortWait.until(ExpectedConditions.elementToBeClickable(item)).click();
                shortWait.until(ExpectedConditions.textToBePresentInElementLocated(shown, label));
                return this;
            } catch (org.openqa.selenium.TimeoutException | org.openqa.selenium.StaleElementReferenceException
                     | org.openqa.selenium.ElementClickInterceptedException missed) {
                if (attempt == 4) {
                    throw missed;
                }
            }
        }
    }

    /** Waits until neither PrimeFaces' AJAX queue nor jQuery has a request in flight. */
    public Browser waitForAjaxIdle() {
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return (typeof PrimeFaces === 'undefined' || !PrimeFaces.ajax || PrimeFaces.ajax.Queue.isEmpty())"
                        + " && (typeof jQuery === 'undefined' || jQuery.active === 0);")));
        return this;
    }

    public Browser waitForUrl(String fragment) {
        wait.until(ExpectedConditions.urlContains(fragment));
        return this;
    }

    public Browser waitForText(String css, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
        return this;
    }

    public String pageSource() {
        return driver.getPageSource();
    }

    /** Resizes the window (a phone is 390×844, the office screen 1440×900). */
    public Browser size(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        return this;
    }

    /**
     * Writes the visible page at {@code width}×{@code height} to {@code target/screenshots/NAME-WxH.png}
     * for people to look at (nothing asserts on it), then restores the window's size.
     */
    public Path screenshot(String name, int width, int height) throws java.io.IOException {
        Dimension before = driver.manage().window().getSize();
        size(width, height);
        try {
            script("window.scrollTo(0, 0)");
            Path dir = Path.of(System.getProperty("cuadra.it.work", "target"), "screenshots");
            Files.createDirectories(dir);
            Path file = dir.resolve(name + "-" + width + "x" + height + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } finally {
            // the test goes on at the size it had (only a phone test asks for a phone window)
            driver.manage().window().setSize(before);
        }
    }

    /**
     * What would make a form or a detail page hard to read inside {@code containerCss}, one line each: a label
     * neither beside nor just above its input, an input outside the window (when {@code inputsInView}: a form that
     * just opened), a term (dt) running into its value (dd), a header wider than its box. Empty when it reads well.
     */
    @SuppressWarnings("unchecked")
    public List<String> layoutProblems(String containerCss, boolean inputsInView) {
        return (List<String>) script("""
                const root = document.querySelector(arguments[0]);
                const out = [];
                const words = e => e.textContent.trim().replace(/\\s+/g, ' ');
                root.querySelectorAll('label[for]').forEach(l => {
                    const input = document.getElementById(l.htmlFor);
                    if (!input || input.offsetParent === null || l.offsetParent === null) { return; }
                    const a = l.getBoundingClientRect(), b = input.getBoundingClientRect();
                    const sameRow = Math.abs((a.top + a.bottom) / 2 - (b.top + b.bottom) / 2) <= Math.max(a.height, b.height) / 2;
                    const above = b.top >= a.bottom - 2 && b.top - a.bottom <= 24 && Math.abs(b.left - a.left) <= 40;
                    if (!sameRow && !above) { out.push('label "' + words(l) + '" is not beside or just above its input'); }
                    if (arguments[1] && (b.top < 0 || b.bottom > window.innerHeight)) { out.push('the input of "' + words(l) + '" is off the screen'); }
                });
                root.querySelectorAll('dt').forEach(dt => {
                    const dd = dt.nextElementSibling;
                    if (!dd || dd.tagName !== 'DD' || dt.offsetParent === null) { return; }
                    const a = dt.getBoundingClientRect(), b = dd.getBoundingClientRect();
                    if (!(b.top >= a.bottom - 1 || b.left >= a.right + 4 || a.left >= b.right + 4)) {
                        out.push('"' + words(dt) + '" runs into its value "' + words(dd) + '"');
                    }
                });
                root.querySelectorAll('h1, h2, h3, .ui-panel-title, .ui-card-title, th').forEach(h => {
                    if (h.offsetParent !== null && h.scrollWidth > h.clientWidth + 1) {
                        out.push('header "' + words(h) + '" overflows its box');
                    }
                });
                return out;
                """, containerCss, inputsInView);
    }

    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /**
     * Runs axe-core (from npm, see integration-tests/package.json) in the page against WCAG 2.0–2.2 A and AA
     * and answers its serious and critical violations, one line each: rule, then the elements it found.
     */
    public List<String> seriousAccessibilityViolations() throws java.io.IOException {
        String axe = Files.readString(Path.of(System.getProperty("axe.script", "node_modules/axe-core/axe.min.js")));
        JavascriptExecutor js = (JavascriptExecutor) driver;
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        js.executeScript(axe);
        Object found = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})
                  .then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 4)
                      .map(n => n.target.join(' ') + ' ' + (n.failureSummary || '').replace(/\s+/g, ' ').slice(0, 160))
                      .join(' | '))))
                  .catch(e => done(['axe failed: ' + e]));
                """);
        @SuppressWarnings("unchecked")
        List<String> lines = (List<String>) found;
        return lines;
    }

    /** What the browser's console said since the last call that a Content-Security-Policy refused. */
    public List<String> policyViolations() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Content-Security-Policy"))
                .toList();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
