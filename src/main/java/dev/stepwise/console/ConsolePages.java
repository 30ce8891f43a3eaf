package dev.stepwise.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The console's pages. Each is the same shell ({@code static/console/index.html}); its script draws
 * the page the address names, so every page can be bookmarked and reloaded. Only GET: {@code POST
 * /} belongs to other clients.
 */
@Controller
class ConsolePages {
  /**
   * Scripts and styles from this origin only, no framing by other sites; fetches and event streams
   * to this origin only.
   */
  static final String POLICY =
      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline';"
          + " frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

  private final byte[] shell;

  ConsolePages() {
    try {
      shell = new ClassPathResource("static/console/index.html").getContentAsByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @GetMapping({
    "/",
    "/state-machines",
    "/state-machines/{name}",
    "/editor",
    "/executions",
    "/executions/{executionId}",
    "/approvals",
    "/overview"
  })
  ResponseEntity<byte[]> page() {
    return ResponseEntity.ok()
        .contentType(MediaType.TEXT_HTML)
        .cacheControl(CacheControl.noCache())
        .header("Content-Security-Policy", POLICY)
        .header("X-Content-Type-Options", "nosniff")
        .header("Referrer-Policy", "same-origin")
        .body(shell);
  }
}
