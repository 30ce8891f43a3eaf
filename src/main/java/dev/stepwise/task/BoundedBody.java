package dev.stepwise.task;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.ResponseInfo;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * An answer's body, read up to a limit (the payload limit). What lies beyond is never read: the
 * subscription is cancelled, which makes the HTTP client drop the connection, so a huge or endless
 * answer costs at most {@code limit} bytes of memory.
 *
 * @param text the body as text, or its first {@code limit} bytes when {@code overLimit}
 * @param overLimit whether the answer was longer than the limit (or said so in Content-Length)
 */
record BoundedBody(String text, boolean overLimit) {

  /** Reads bodies of at most {@code limitBytes} bytes. */
  static BodyHandler<BoundedBody> handler(long limitBytes) {
    return info -> {
      long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
      // A declared length above the limit is refused at once, without reading a byte.
      long limit = declared > limitBytes ? 0 : limitBytes;
      return new Subscriber(limit, declared > limitBytes, charset(info));
    };
  }

  private static Charset charset(ResponseInfo info) {
    String type = info.headers().firstValue("Content-Type").orElse("");
    for (String parameter : type.split(";")) {
      String[] pair = parameter.trim().split("=", 2);
      if (pair.length == 2 && pair[0].trim().toLowerCase(Locale.ROOT).equals("charset")) {
        try {
          return Charset.forName(pair[1].trim().replace("\"", ""));
        } catch (IllegalArgumentException e) {
          return StandardCharsets.UTF_8;
        }
      }
    }
    return StandardCharsets.UTF_8;
  }

  private static final class Subscriber implements BodySubscriber<BoundedBody> {
    private final long limit;
    private final boolean refused;
    private final Charset charset;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<BoundedBody> body = new CompletableFuture<>();
    private Flow.Subscription subscription;

    Subscriber(long limit, boolean refused, Charset charset) {
      this.limit = limit;
      this.refused = refused;
      this.charset = charset;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      if (refused) {
        overLimit();
      } else {
        subscription.request(Long.MAX_VALUE);
      }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      if (body.isDone()) return;
      for (ByteBuffer buffer : buffers) {
        long room = limit - bytes.size();
        if (buffer.remaining() > room) {
          append(buffer, (int) room);
          overLimit();
          return;
        }
        append(buffer, buffer.remaining());
      }
    }

    private void append(ByteBuffer buffer, int length) {
      byte[] chunk = new byte[length];
      buffer.get(chunk);
      bytes.write(chunk, 0, length);
    }

    private void overLimit() {
      subscription.cancel();
      body.complete(new BoundedBody(text(), true));
    }

    @Override
    public void onError(Throwable failure) {
      body.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
      body.complete(new BoundedBody(text(), false));
    }

    private String text() {
      return bytes.toString(charset);
    }

    @Override
    public CompletionStage<BoundedBody> getBody() {
      return body;
    }
  }
}
