package com.crossdock.e2e;

import java.util.function.Supplier;

/**
 * A resource created once per test JVM. A failed creation is remembered, so the remaining tests fail at once
 * with the same cause instead of each waiting for another start that cannot succeed.
 */
final class Once<T extends AutoCloseable> implements AutoCloseable {

    private final T value;
    private final RuntimeException failure;

    private Once(T value, RuntimeException failure) {
        this.value = value;
        this.failure = failure;
    }

    static <T extends AutoCloseable> Once<T> of(Supplier<T> creator) {
        try {
            return new Once<>(creator.get(), null);
        } catch (RuntimeException e) {
            return new Once<>(null, e);
        }
    }

    T get() {
        if (failure != null) {
            throw new IllegalStateException("Set-up failed earlier in this run: " + failure.getMessage(), failure);
        }
        return value;
    }

    @Override
    public void close() {
        if (value == null) {
            return;
        }
        try {
            value.close();
        } catch (Exception e) {
            throw new IllegalStateException("Could not close " + value, e);
        }
    }
}
