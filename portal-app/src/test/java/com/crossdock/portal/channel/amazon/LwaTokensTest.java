package com.crossdock.portal.channel.amazon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LwaTokensTest {

    private final FakePace pace = new FakePace(Instant.parse("2026-11-27T12:00:00Z"));
    private final AtomicInteger exchanges = new AtomicInteger();

    /** Open unless a test closes it: then the exchange waits until every caller has arrived. */
    private volatile CountDownLatch gate = new CountDownLatch(0);

    private LwaTokens.AccessToken slowExchange() {
        int n = exchanges.incrementAndGet();
        try {
            if (!gate.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never opened the gate");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new LwaTokens.AccessToken("Atza|token-" + n, Duration.ofSeconds(3600));
    }

    /**
     * Holds the exchange until every caller thread is parked (one in the exchange, the others on the token's lock),
     * so all of them are known to have arrived while the exchange was on its way; then lets it finish.
     */
    private void releaseOnceAllArrived(List<Thread> callers, int callerCount, int exchangesBy) {
        await().atMost(Duration.ofSeconds(10)).until(() -> exchanges.get() == exchangesBy
                && callers.size() == callerCount && callers.stream().allMatch(thread -> switch (thread.getState()) {
                    case WAITING, TIMED_WAITING, BLOCKED -> true;
                    default -> false;
                }));
        gate.countDown();
    }

    private static ExecutorService pool(int threads, List<Thread> created) {
        return Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task);
            created.add(thread);
            return thread;
        });
    }

    @Test
    void manyConcurrentCallersShareOneExchange() throws Exception {
        LwaTokens tokens = new LwaTokens(this::slowExchange, pace);
        int threads = 64;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> callers = new java.util.concurrent.CopyOnWriteArrayList<>();
        gate = new CountDownLatch(1);
        try (ExecutorService pool = pool(threads, callers)) {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return tokens.token();
                }));
            }
            start.countDown();
            releaseOnceAllArrived(callers, threads, 1);
            for (Future<String> answer : answers) {
                assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo("Atza|token-1");
            }
        }
        assertThat(exchanges).hasValue(1);
    }

    @Test
    void keptUntilAMinuteBeforeExpiryThenRenewedOnce() {
        LwaTokens tokens = new LwaTokens(this::slowExchange, pace);
        assertThat(tokens.token()).isEqualTo("Atza|token-1");
        pace.advance(Duration.ofSeconds(3600 - 61));
        assertThat(tokens.token()).isEqualTo("Atza|token-1");
        pace.advance(Duration.ofSeconds(2));
        assertThat(tokens.token()).isEqualTo("Atza|token-2");
        assertThat(tokens.token()).isEqualTo("Atza|token-2");
        assertThat(exchanges).hasValue(2);
    }

    @Test
    void aRejectedTokenIsExchangedOnceForAllWhoBringIt() throws Exception {
        LwaTokens tokens = new LwaTokens(this::slowExchange, pace);
        String stale = tokens.token();
        int threads = 32;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> callers = new java.util.concurrent.CopyOnWriteArrayList<>();
        gate = new CountDownLatch(1);
        try (ExecutorService pool = pool(threads, callers)) {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return tokens.rejected(stale);
                }));
            }
            start.countDown();
            releaseOnceAllArrived(callers, threads, 2);
            for (Future<String> answer : answers) {
                assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo("Atza|token-2");
            }
        }
        assertThat(exchanges).hasValue(2);
    }

    @Test
    void readsTheLwaTokenResponseFixture() {
        LwaTokens.AccessToken token = LwaExchange.parse(AmazonFixtures.text("lwa-token-response-authorization-code.json"));
        assertThat(token.value()).isEqualTo("Atza|example-Dme37rR6CuUpSR");
        assertThat(token.expiresIn()).isEqualTo(Duration.ofHours(1));
        assertThat(token.toString()).doesNotContain("Dme37rR6CuUpSR");
    }
}
