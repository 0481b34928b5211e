package com.hotlineops.server.partner;

import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * Why a status callback attempt failed, in one line an administrator can read to a partner (decision 0033): "HTTP 500:
 * {"error":"db down"}", "connection refused: hooks.example.cn:443", "no answer within 10 s from …". What the
 * partner answered is cut to its first {@value #BODY_CHARS} characters, and the whole line to {@value #MAX} — the
 * endpoint is the partner's, so nothing it sends may grow a row without bound.
 */
final class AttemptFailure {

    /** How much of a refusing endpoint's body is kept. */
    static final int BODY_CHARS = 200;
    /** Bytes read of that body at most: {@value #BODY_CHARS} characters of UTF-8 need no more. */
    static final int BODY_BYTES = BODY_CHARS * 4;
    static final int MAX = 300;

    private AttemptFailure() {
    }

    /**
     * How long an attempt may take in all, the body included: the request timeout bounds the wait for the answer's
     * head only. Well within the lease of three timeouts, so no other instance claims the row while it runs.
     */
    static Duration wholeAnswer(Duration timeout) {
        return timeout.multipliedBy(2);
    }

    /** A non-2xx answer: its status, the first characters of its body and, for a redirect, where it pointed. */
    static String answered(int status, String body, String location) {
        StringBuilder line = new StringBuilder("HTTP ").append(status);
        if (status / 100 == 3) {
            line.append(" (redirects are not followed)");
            if (location != null && !location.isBlank()) {
                line.append(" to ").append(cut(oneLine(location), BODY_CHARS));
            }
        }
        String text = oneLine(body);
        if (!text.isEmpty()) {
            line.append(": ").append(cut(text, BODY_CHARS));
        }
        return cut(line.toString(), MAX);
    }

    /** No answer came back: what stopped it, and from where. */
    static String unanswered(Throwable error, URI url, Duration timeout) {
        Throwable e = unwrap(error);
        String where = where(url);
        String line;
        if (e instanceof HttpConnectTimeoutException) {
            line = "connect timed out after " + seconds(timeout) + ": " + where;
        } else if (e instanceof HttpTimeoutException) {
            line = "no answer within " + seconds(timeout) + " from " + where;
        } else if (e instanceof TimeoutException) {
            line = "answer not complete within " + seconds(wholeAnswer(timeout)) + " from " + where;
        } else if (causedBy(e, UnresolvedAddressException.class) || causedBy(e, UnknownHostException.class)) {
            line = "unknown host: " + (url == null ? "?" : url.getHost());
        } else if (e instanceof ConnectException) {
            String why = deepestMessage(e);
            line = why == null || why.toLowerCase().contains("refused") ? "connection refused: " + where
                    : "cannot connect to " + where + ": " + why;
        } else if (causedBy(e, SSLException.class)) {
            line = "TLS failed with " + where + ": " + deepestMessage(e);
        } else if (e instanceof IllegalArgumentException) {
            line = "invalid webhook URL: " + e.getMessage();
        } else {
            String why = deepestMessage(e);
            line = "request to " + where + " failed: " + e.getClass().getSimpleName() + (why == null ? "" : ": " + why);
        }
        return cut(oneLine(line), MAX);
    }

    /**
     * Reads nothing of a 2xx answer (its body is ignored) and at most {@value #BODY_BYTES} bytes of any other, then
     * stops reading: a partner's error page can be megabytes.
     */
    static HttpResponse.BodyHandler<String> bodyPrefix() {
        return info -> {
            if (info.statusCode() / 100 == 2) {
                return HttpResponse.BodySubscribers.replacing("");
            }
            Charset charset = info.headers().firstValue("Content-Type").map(AttemptFailure::charset)
                    .orElse(StandardCharsets.UTF_8);
            return HttpResponse.BodySubscribers.mapping(new Prefix(BODY_BYTES), bytes -> decode(bytes, charset));
        };
    }

    private static Charset charset(String contentType) {
        for (String part : contentType.split(";")) {
            String p = part.strip();
            if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                try {
                    return Charset.forName(p.substring(8).replace("\"", "").strip());
                } catch (IllegalArgumentException e) {
                    return StandardCharsets.UTF_8;
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    /** Decodes leniently; a character cut in half at the end is dropped. */
    private static String decode(byte[] bytes, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            String text = decoder.decode(ByteBuffer.wrap(bytes)).toString();
            return bytes.length >= BODY_BYTES && text.endsWith("\uFFFD") ? text.substring(0, text.length() - 1) : text;
        } catch (java.nio.charset.CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    private static String where(URI url) {
        if (url == null || url.getHost() == null) {
            return "?";
        }
        int port = url.getPort() != -1 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
        return url.getHost() + ":" + port;
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** The message nearest the root cause, where the JDK's HTTP client puts the useful one. */
    private static String deepestMessage(Throwable e) {
        String message = null;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        return message;
    }

    /** Control characters and runs of white space as one space, so a body's layout cannot break the line. */
    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** Keeps the first {@code limit} bytes of a body, then cancels the rest of it. */
    private static final class Prefix implements HttpResponse.BodySubscriber<byte[]> {

        private final byte[] kept;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private int size;
        private Flow.Subscription subscription;

        Prefix(int limit) {
            kept = new byte[limit];
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer b : buffers) {
                int n = Math.min(b.remaining(), kept.length - size);
                b.get(kept, size, n);
                size += n;
            }
            if (size == kept.length) {
                done();
                subscription.cancel();
            }
        }

        /** A body cut short still says what came of it. */
        @Override
        public void onError(Throwable throwable) {
            done();
        }

        @Override
        public void onComplete() {
            done();
        }

        private void done() {
            result.complete(java.util.Arrays.copyOf(kept, size));
        }
    }
}
