package org.gongkai.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its ChromeDriver, both at the paths Debian installs them (so that Selenium
 * Manager never looks for, let alone downloads, a browser), with what the dashboard's tests need: a download folder,
 * the page's console errors collected from its first script on, screenshots under {@code target/screenshots}.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /** Console errors, uncaught errors and unhandled rejections, collected before any of the page's scripts run. */
    private static final String CONSOLE_TRAP =
            """
            window.__errors = [];
            (function () {
              const original = console.error;
              console.error = function (...args) { window.__errors.push(args.map(String).join(' ')); return original.apply(this, args); };
              window.addEventListener('error', (e) => window.__errors.push('error: ' + e.message));
              window.addEventListener('unhandledrejection', (e) => window.__errors.push('unhandled rejection: ' + (e.reason && e.reason.message || e.reason)));
            })();
            """;

    final ChromeDriver driver;
    final Path downloads;
    private final Path profile;

    static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    Browser() throws IOException {
        downloads = Files.createTempDirectory("gongkai-downloads");
        profile = Files.createTempDirectory("gongkai-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // as root, on a machine whose only network is loopback: no sandbox, and no background connections
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-extensions",
                "--lang=zh-CN",
                "--window-size=1280,1000",
                "--user-data-dir=" + profile.toAbsolutePath());
        options.setExperimentalOption(
                "prefs",
                Map.of(
                        "download.default_directory", downloads.toAbsolutePath().toString(),
                        "download.prompt_for_download", false,
                        "safebrowsing.enabled", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", CONSOLE_TRAP));
        driver.executeCdpCommand(
                "Browser.setDownloadBehavior",
                Map.of(
                        "behavior",
                        "allow",
                        "downloadPath",
                        downloads.toAbsolutePath().toString()));
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Waits until the page the hash names has rendered ({@code main[data-ready]} is the current hash). */
    void awaitPage() {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> {
                Object ready = js("const m = document.getElementById('main');"
                        + " return m && m.getAttribute('aria-busy') === 'false' && m.dataset.ready === location.hash;");
                return Boolean.TRUE.equals(ready);
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            // say what the page shows instead, and what its console saw
            throw new AssertionError(
                    "the page did not render " + hash() + "; it shows: "
                            + js("return document.body.innerText.slice(0, 2000)") + "; console: " + consoleErrors()
                            + "; ready: " + js("return document.getElementById('main').dataset.ready"),
                    e);
        }
    }

    String hash() {
        return (String) js("return location.hash");
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    void size(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** The errors the page's console has seen since the last call. */
    @SuppressWarnings("unchecked")
    List<String> consoleErrors() {
        Object errors = js("const e = window.__errors || []; window.__errors = []; return e;");
        return errors instanceof List<?> l ? new ArrayList<>((List<String>) l) : List.of();
    }

    /** A screenshot of the viewport, as target/screenshots/NAME.png. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for a downloaded file with this ending that was not there before. */
    Path awaitDownload(String ending, List<Path> before) {
        return new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> {
            try (var files = Files.list(downloads)) {
                return files.filter(p -> p.getFileName().toString().endsWith(ending))
                        .filter(p -> !before.contains(p))
                        .findFirst()
                        .orElse(null);
            } catch (IOException e) {
                return null;
            }
        });
    }

    List<Path> downloaded() {
        try (var files = Files.list(downloads)) {
            return files.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
