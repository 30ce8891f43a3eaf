package dev.stepwise.aws;

import java.util.function.Function;

/**
 * One operation of the wire API: AWS's name for it, its request shape (a record read from the body)
 * and what it does with a request, answering a record of its response shape.
 */
public record Operation<R>(String name, Class<R> requestType, Function<R, Object> handler) {

  public static <R> Operation<R> of(
      String name, Class<R> requestType, Function<R, Object> handler) {
    return new Operation<>(name, requestType, handler);
  }

  Object invoke(byte[] body) {
    return handler.apply(WireJson.read(body, requestType));
  }
}
