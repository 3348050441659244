package sportello.whatsapp.outbound;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Remembers whether a send got as far as an open connection. Sends are not idempotent (Graph has no idempotency
 * key), so a failure before that point (DNS, connect, TLS) is safe to retry, and any failure after it is in doubt.
 */
final class DeliveryAttempt {

    private volatile boolean connected;

    /** True once OkHttp had a connection and was about to write the request: Meta may have it. */
    boolean mayHaveArrived() {
        return connected;
    }

    /**
     * A network interceptor runs only after the connection (and TLS) is established and just before the request is
     * written, so it marks exactly the point after which the request may have arrived.
     */
    static final class Marker implements Interceptor {
        @Override
        public Response intercept(Chain chain) throws IOException {
            DeliveryAttempt attempt = chain.request().tag(DeliveryAttempt.class);
            if (attempt != null) {
                attempt.connected = true;
            }
            return chain.proceed(chain.request());
        }
    }
}
