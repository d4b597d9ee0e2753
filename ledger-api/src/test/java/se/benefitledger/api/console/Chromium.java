package se.benefitledger.api.console;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;

/**
 * Headless Chromium from the operating system's packages ({@code .ci/run} installs Debian's chromium and
 * chromium-driver), driven by Selenium. Both paths are given, so Selenium Manager never looks for, or downloads, a
 * browser or driver. Each run gets a fresh profile; downloads go to a directory of the test's own.
 */
final class Chromium {

    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    private static final String BROWSER = System.getProperty("console.chromium", "/usr/bin/chromium");
    private static final String DRIVER = System.getProperty("console.chromedriver", "/usr/bin/chromedriver");

    private Chromium() {
    }

    static WebDriver start(Path profile, Path downloads) {
        if (!new File(BROWSER).canExecute() || !new File(DRIVER).canExecute()) {
            throw new IllegalStateException("the console's browser tests need " + BROWSER + " and " + DRIVER
                    + " (apt-get install chromium chromium-driver; .ci/run installs them)");
        }
        var service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER)).usingAnyFreePort().build();
        var options = new ChromeOptions().setBinary(BROWSER)
                                         .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                                                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                                                 "--disable-dev-shm-usage", "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1280,1000",
                                                 "--lang=sv-SE");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toAbsolutePath().toString(),
                "download.prompt_for_download", false));
        var driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    /**
     * Does what leaves the page (a click on a link or button, Enter in a form), then waits until the next page has
     * replaced it: neither waits by itself, and a look at the page right after may still find the old one.
     */
    static void navigate(WebDriver browser, Runnable action) {
        var script = (JavascriptExecutor) browser;
        script.executeScript("window.leaving = true");
        action.run();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> Boolean.TRUE.equals(
                script.executeScript("return window.leaving === undefined && document.readyState === 'complete'")));
    }

    /** A long page (the three charts), photographed in a window as tall as the page. */
    static void screenshotOfWholePage(WebDriver browser, String name) {
        var window = browser.manage().window();
        var size = window.getSize();
        window.setSize(new Dimension(size.getWidth(), browser.findElement(By.tagName("body")).getSize().getHeight() + 200));
        screenshot(browser, name);
        window.setSize(size);
    }

    /** The page as the browser shows it, for the closing note and for whoever reads a failure. */
    static void screenshot(WebDriver browser, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
