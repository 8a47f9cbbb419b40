package org.gongkai.problems;

import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Ends a connection whose request body was refused unread, after its answer, without losing that answer.
 *
 * <p>Closing at once while the client is still sending makes the kernel answer the next bytes with a reset, and a
 * reset can discard the refusal before the client has read it (the client then sees "connection reset", not the
 * 413). So, as web servers do ("lingering close"), the rest of the body is read and discarded, never held, until
 * it ends or {@link #LINGER_MILLIS} have passed, and only then is the connection closed.
 */
final class LingeringClose {

    /** The longest a refused body is read and discarded before its connection is closed regardless. */
    static final long LINGER_MILLIS = 5_000;

    private LingeringClose() {}

    /** Answers with {@code Connection: close}, and closes once the answer is written and the body drained. */
    static void afterAnswer(RoutingContext context) {
        context.response().putHeader("Connection", "close");
        context.addEndHandler(written -> drainThenClose(context));
    }

    private static void drainThenClose(RoutingContext context) {
        HttpServerRequest request = context.request();
        HttpConnection connection = request.connection();
        if (request.isEnded()) {
            connection.close();
            return;
        }
        long timer = context.vertx().setTimer(LINGER_MILLIS, late -> connection.close());
        try {
            request.handler(discarded -> {});
            request.endHandler(end -> {
                context.vertx().cancelTimer(timer);
                connection.close();
            });
            request.exceptionHandler(failure -> connection.close());
            request.resume();
        } catch (IllegalStateException alreadyRead) {
            context.vertx().cancelTimer(timer);
            connection.close();
        }
    }
}
