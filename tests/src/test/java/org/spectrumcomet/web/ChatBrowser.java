package org.spectrumcomet.web;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless chromium tab on the chat page, with the page's actions in its own words. Uses
 * Debian's {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} by path, so Selenium Manager
 * never runs and nothing is downloaded; a missing browser fails the test with the packages to install.
 */
final class ChatBrowser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** Generous: chromium and Redis tests of other modules share 2 loaded cores. */
    static final Duration WAIT = Duration.ofSeconds(20);
    /**
     * Selenium warns on every start that it has no DevTools binding for this chromium version; the
     * tests use WebDriver only. Held here because java.util.logging keeps loggers weakly.
     */
    private static final java.util.logging.Logger[] QUIET = {
            java.util.logging.Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder"),
            java.util.logging.Logger.getLogger("org.openqa.selenium.chromium.ChromiumDriver")};

    static {
        for (java.util.logging.Logger logger : QUIET) {
            logger.setLevel(java.util.logging.Level.SEVERE);
        }
    }

    final ChromeDriver driver;
    private final WebDriverWait wait;
    private final Path profile;
    private final String url;

    private ChatBrowser(String url) throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new AssertionError("the browser tests need Debian's chromium and chromium-driver ("
                    + CHROMIUM + ", " + CHROMEDRIVER + "): apt-get install chromium chromium-driver (.ci/run does)");
        }
        this.url = url;
        this.profile = Files.createTempDirectory("chat-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1100,720", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        this.wait = new WebDriverWait(driver, WAIT, Duration.ofMillis(50));
        // The page re-renders lists (members, buddies) when they change: an element read between the
        // find and its attribute can be replaced; that is "not yet", the next poll reads the new one.
        wait.ignoring(StaleElementReferenceException.class);
        driver.get(url);
    }

    static ChatBrowser open(String url) throws IOException {
        return new ChatBrowser(url);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    WebElement await(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    void awaitTrue(String what, java.util.function.BooleanSupplier condition) {
        wait.withMessage(what).until(d -> condition.getAsBoolean());
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** Fills the sign-in form and submits it; does not wait for the outcome. */
    void submitSignIn(String user, String key, String nick) {
        find("#signin-user").sendKeys(user);
        find("#signin-key").sendKeys(key);
        if (nick != null) {
            find("#signin-nick").sendKeys(nick);
        }
        find("#signin-submit").click();
    }

    /** Signs in and waits until the page's own socket says online and authorised. */
    void signIn(long user, String key, String nick) {
        submitSignIn(Long.toString(user), key, nick);
        awaitOnline();
    }

    void awaitOnline() {
        awaitTrue("own state online", () -> "online".equals(find("#me-state").getAttribute("data-state")));
    }

    void addBuddy(long id) {
        find("#buddy-add-id").sendKeys(Long.toString(id));
        find("#buddy-add").click();
        await(".buddy[data-user='" + id + "']");
    }

    String buddyState(long id) {
        return find(".buddy[data-user='" + id + "']").getAttribute("data-state");
    }

    void openChat(long id) {
        find("#chat-to").sendKeys(Long.toString(id));
        find("#chat-open").click();
        awaitTrue("chat with " + id + " open", () -> ("user:" + id).equals(find("#conversation").getAttribute("data-key")));
    }

    void joinRoom(String pipe) {
        find("#room-name").sendKeys(pipe);
        find("#room-join").click();
        awaitTrue("room " + pipe + " open", () -> ("room:" + pipe).equals(find("#conversation").getAttribute("data-key")));
    }

    /** Types into the compose field (the page sends "typing"). */
    void type(String text) {
        find("#compose-text").sendKeys(text);
    }

    void send() {
        find("#compose-send").click();
    }

    /** The shown text of every message of the open conversation, in order. */
    List<String> texts() {
        return all("#messages .message .text").stream().map(WebElement::getText).toList();
    }

    /** Waits until a message with exactly {@code text} is shown in the open conversation. */
    WebElement awaitMessage(String text) {
        return wait.withMessage("message \"" + text + "\" shown").until(d -> all("#messages .message").stream()
                .filter(m -> m.findElement(By.cssSelector(".text")).getText().equals(text)).findFirst().orElse(null));
    }

    long count(String text) {
        return texts().stream().filter(text::equals).count();
    }

    String receiptOf(String text) {
        return awaitMessage(text).findElement(By.cssSelector(".receipt")).getAttribute("data-status");
    }

    String typing() {
        return find("#typing").getText();
    }

    List<String> members() {
        return all("#members .member").stream().map(m -> m.getAttribute("data-user")).toList();
    }

    void reload() {
        driver.navigate().refresh();
    }

    void leave() {
        driver.get("about:blank");
    }

    void comeBack() {
        driver.get(url);
    }

    /** Saves a PNG of the window as {@code target/screenshots/<name>.png}. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a leftover temp profile is harmless
            }
        }
    }
}
