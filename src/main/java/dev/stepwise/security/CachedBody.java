package dev.stepwise.security;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request whose body was read once (SigV4 signs the body's hash) and is read again from memory by
 * the endpoint. Reading stops one byte past {@code limit}, so an oversized body costs no more.
 */
final class CachedBody extends HttpServletRequestWrapper {
  private final byte[] body;

  private CachedBody(HttpServletRequest request, byte[] body) {
    super(request);
    this.body = body;
  }

  /** The request with its body read; null when the body is longer than {@code limit}. */
  static CachedBody read(HttpServletRequest request, long limit) throws IOException {
    if (request.getContentLengthLong() > limit) return null;
    InputStream in = request.getInputStream();
    byte[] body = in.readNBytes((int) limit + 1);
    return body.length > limit ? null : new CachedBody(request, body);
  }

  byte[] body() {
    return body;
  }

  @Override
  public ServletInputStream getInputStream() {
    var in = new ByteArrayInputStream(body);
    return new ServletInputStream() {
      @Override
      public int read() {
        return in.read();
      }

      @Override
      public int read(byte[] b, int off, int len) {
        return in.read(b, off, len);
      }

      @Override
      public boolean isFinished() {
        return in.available() == 0;
      }

      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setReadListener(ReadListener listener) {
        throw new UnsupportedOperationException("The body is already read");
      }
    };
  }
}
