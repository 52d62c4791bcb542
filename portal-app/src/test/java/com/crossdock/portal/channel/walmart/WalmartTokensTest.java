package com.crossdock.portal.channel.walmart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.crossdock.portal.channel.amazon.FakePace;
import com.crossdock.portal.channel.amazon.LwaTokens;
import com.crossdock.portal.channel.sandbox.WalmartSandboxStore;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Walmart's 15-minute tokens: one exchange for every concurrent caller, renewed before expiry and after a 401. */
class WalmartTokensTest {

    private final FakePace pace = new FakePace(Instant.parse("2026-11-27T12:00:00Z"));
    private final AtomicInteger exchanges = new AtomicInteger();
    private volatile CountDownLatch gate = new CountDownLatch(0);

    private LwaTokens.AccessToken gatedExchange() {
        int n = exchanges.incrementAndGet();
        try {
            if (!gate.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never opened the gate");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new LwaTokens.AccessToken("walmart-token-" + n, Duration.ofSeconds(900));
    }

    /** Lets the exchange finish once every caller is parked: all of them arrived while it was on its way. */
    private void releaseOnceAllArrived(List<Thread> callers, int callerCount, int exchangesBy) {
        await().atMost(Duration.ofSeconds(10)).until(() -> exchanges.get() == exchangesBy
                && callers.size() == callerCount && callers.stream().allMatch(thread -> switch (thread.getState()) {
                    case WAITING, TIMED_WAITING, BLOCKED -> true;
                    default -> false;
                }));
        gate.countDown();
    }

    private List<String> concurrently(int threads, java.util.concurrent.Callable<String> call, int exchangesBy)
            throws Exception {
        List<Thread> callers = new CopyOnWriteArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        gate = new CountDownLatch(1);
        List<String> tokens = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task);
            callers.add(thread);
            return thread;
        })) {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            releaseOnceAllArrived(callers, threads, exchangesBy);
            for (Future<String> answer : answers) {
                tokens.add(answer.get(10, TimeUnit.SECONDS));
            }
        }
        return tokens;
    }

    @Test
    void concurrentCallersShareOneExchangeAndAStaleTokenIsRenewedOnce() throws Exception {
        WalmartTokens tokens = new WalmartTokens(this::gatedExchange, pace);
        assertThat(concurrently(48, tokens::token, 1)).containsOnly("walmart-token-1");
        assertThat(exchanges).hasValue(1);
        assertThat(concurrently(24, () -> tokens.rejected("walmart-token-1"), 2)).containsOnly("walmart-token-2");
        assertThat(exchanges).hasValue(2);
    }

    @Test
    void keptUntilAMinuteBeforeItsFifteenMinutesRunOut() {
        WalmartTokens tokens = new WalmartTokens(this::gatedExchange, pace);
        assertThat(tokens.token()).isEqualTo("walmart-token-1");
        pace.advance(Duration.ofSeconds(900 - 61));
        assertThat(tokens.token()).isEqualTo("walmart-token-1");
        pace.advance(Duration.ofSeconds(2));
        assertThat(tokens.token()).isEqualTo("walmart-token-2");
        assertThat(exchanges).hasValue(2);
    }

    @Test
    void theClientCredentialsGrantAgainstTheSandbox() {
        WalmartSandboxStore sandbox = new WalmartSandboxStore("client-id", "client-secret", List.of("10001"), pace);
        URI endpoint = URI.create("http://sandbox/v3/token");
        LwaTokens.AccessToken token = WalmartTokens.clientCredentials(endpoint, sandbox, "client-id", "client-secret")
                .exchange();
        assertThat(token.value()).startsWith("sandbox-walmart-token-");
        assertThat(token.expiresIn()).isEqualTo(Duration.ofSeconds(900));
        assertThatThrownBy(() -> WalmartTokens.clientCredentials(endpoint, sandbox, "client-id", "wrong").exchange())
                .isInstanceOfSatisfying(WalmartApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.getMessage()).contains("Developer Portal");
                });
        assertThat(WalmartTokens.parse("{\"access_token\":\"eyJ.x\",\"token_type\":\"Bearer\",\"expires_in\":900}")
                .expiresIn()).isEqualTo(Duration.ofMinutes(15));
    }
}
