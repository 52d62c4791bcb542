package com.crossdock.portal.channel.amazon;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** How a marketplace connector's calls reach Amazon or Walmart (or their sandboxes): one HTTP exchange. */
@FunctionalInterface
public interface SpApiTransport {

    /** A call: method, the address, the headers and the form body of a POST (empty for a GET). */
    record Call(String method, URI uri, Map<String, String> headers, String body) {
    }

    /** Amazon's answer. */
    record Answer(int status, Map<String, List<String>> headers, String body) {

        public Optional<String> header(String name) {
            return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .flatMap(entry -> entry.getValue().stream()).findFirst();
        }
    }

    /** Sends the call; a network failure is an {@link SpApiException} with status 0. */
    Answer send(Call call);

    /** Over HTTP with {@code java.net.http}. */
    static SpApiTransport http(HttpClient client) {
        return call -> {
            HttpRequest.Builder request = HttpRequest.newBuilder(call.uri()).timeout(Duration.ofSeconds(30));
            call.headers().forEach(request::header);
            request.method(call.method(), call.body().isEmpty() ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(call.body()));
            try {
                HttpResponse<byte[]> response = client.send(request.build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                String type = response.headers().firstValue("content-type").orElse("").toLowerCase(
                        java.util.Locale.ROOT);
                // text as UTF-8; anything else (a gzipped report) byte for byte, as ISO-8859-1
                boolean text = type.isEmpty() || type.contains("json") || type.contains("text")
                        || type.contains("xml");
                return new Answer(response.statusCode(), response.headers().map(), new String(response.body(),
                        text ? java.nio.charset.StandardCharsets.UTF_8 : java.nio.charset.StandardCharsets.ISO_8859_1));
            } catch (IOException e) {
                throw new SpApiException("No answer from " + call.uri().getHost() + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SpApiException("interrupted while calling " + call.uri().getHost(), e);
            }
        };
    }
}
