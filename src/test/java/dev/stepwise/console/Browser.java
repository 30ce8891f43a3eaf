package dev.stepwise.console;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
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
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser for the console's tests: Debian's headless Chromium driven through its
 * chromedriver (packages {@code chromium} and {@code chromium-driver}). Nothing is downloaded: the
 * driver and the browser are named by path, so Selenium Manager is never asked. Without them the
 * tests are skipped, saying how to enable them.
 */
final class Browser implements AutoCloseable {
  static final String DRIVER =
      System.getProperty("stepwise.test.chromedriver", "/usr/bin/chromedriver");
  static final String CHROMIUM = System.getProperty("stepwise.test.chromium", "/usr/bin/chromium");
  static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

  final WebDriver driver;
  private final Path profile;
  private final ChromeDriverService service;

  private Browser(WebDriver driver, ChromeDriverService service, Path profile) {
    this.driver = driver;
    this.service = service;
    this.profile = profile;
  }

  /** Skips the calling test class when no browser is installed. */
  static void assumeInstalled() {
    boolean installed = new File(DRIVER).canExecute() && new File(CHROMIUM).canExecute();
    String message =
        "Browser tests skipped: no "
            + CHROMIUM
            + " or "
            + DRIVER
            + ". Enable them with `apt-get install chromium chromium-driver` (Debian), or name"
            + " other paths with -Dstepwise.test.chromium=... -Dstepwise.test.chromedriver=...";
    // Said on the build's output too: a class skipped in @BeforeAll counts no skipped test.
    if (!installed) System.err.println(message);
    Assumptions.assumeTrue(installed, message);
  }

  static Browser start() {
    try {
      Path profile = Files.createTempDirectory("stepwise-chromium-");
      var service =
          new ChromeDriverService.Builder()
              .usingDriverExecutable(new File(DRIVER))
              .usingAnyFreePort()
              .build();
      var options = new ChromeOptions();
      options.setBinary(CHROMIUM);
      options.addArguments(
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--disable-dev-shm-usage",
          "--window-size=1280,800",
          "--user-data-dir=" + profile);
      var driver = new ChromeDriver(service, options);
      driver.manage().window().setSize(new Dimension(1280, 800));
      return new Browser(driver, service, profile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void open(String url) {
    driver.get(url);
  }

  <T> T await(ExpectedCondition<T> condition) {
    return new WebDriverWait(driver, Duration.ofSeconds(30)).until(condition);
  }

  WebElement await(By by) {
    return await(
        d -> d.findElements(by).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
  }

  List<WebElement> all(By by) {
    return driver.findElements(by);
  }

  WebElement state(String name) {
    return await(By.cssSelector("#main [data-state-name='" + name + "']"));
  }

  /** Clicks what {@code by} finds, finding it again should the page have drawn it anew. */
  void click(By by) {
    await(
        d -> {
          try {
            var element = d.findElement(by);
            if (!element.isDisplayed()) return null;
            element.click();
            return true;
          } catch (org.openqa.selenium.StaleElementReferenceException
              | org.openqa.selenium.NoSuchElementException e) {
            return null;
          }
        });
  }

  /** The text of the first element {@code css} selects now, or null (never a stale element). */
  String text(String css) {
    Object text =
        script("const e = document.querySelector(arguments[0]); return e && e.textContent", css);
    return text == null ? null : String.valueOf(text);
  }

  Object script(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(js, args);
  }

  /**
   * Saves a PNG of the window, {@code height} pixels tall for the picture (then 800 again), to
   * target/console-screenshots: the README's pictures come from here.
   */
  Path screenshot(String name, int height) {
    driver.manage().window().setSize(new Dimension(1280, height));
    try {
      script("return new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
      return screenshot(name);
    } finally {
      driver.manage().window().setSize(new Dimension(1280, 800));
    }
  }

  Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(name + ".png");
      Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
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
      service.stop();
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      } catch (IOException e) {
        // A temporary directory left behind is harmless.
      }
    }
  }
}
