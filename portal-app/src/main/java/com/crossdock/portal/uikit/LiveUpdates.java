package com.crossdock.portal.uikit;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Reloads a view when the server says its data changed, through server push (the app shell's {@code @Push}): while
 * the view is attached it holds a subscription, and each change runs {@code reload} in the view's UI with the
 * signed-in person's security context (a push arrives on a server thread, not a request). Nothing polls.
 */
public final class LiveUpdates {

    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);

    private final Component view;
    private final Function<Runnable, @Nullable AutoCloseable> subscribe;
    private final Runnable reload;
    private @Nullable AutoCloseable subscription;

    private LiveUpdates(Component view, Function<Runnable, @Nullable AutoCloseable> subscribe, Runnable reload) {
        this.view = view;
        this.subscribe = subscribe;
        this.reload = reload;
    }

    /**
     * Follows changes while {@code view} is attached. {@code subscribe} gets the callback and answers the
     * subscription (or null when there is nothing to follow, e.g. no tenant selected); it is asked again on
     * {@link #restart()}.
     */
    public static LiveUpdates follow(Component view, Function<Runnable, @Nullable AutoCloseable> subscribe,
            Runnable reload) {
        LiveUpdates live = new LiveUpdates(view, subscribe, reload);
        view.addAttachListener(attach -> live.start(attach.getUI()));
        view.addDetachListener(detach -> live.stop());
        return live;
    }

    /** Subscribes again (the view now shows another tenant, say); nothing while the view is not attached. */
    public void restart() {
        stop();
        view.getUI().ifPresent(this::start);
    }

    private void start(UI ui) {
        stop();
        SecurityContext context = SecurityContextHolder.getContext();
        try {
            subscription = subscribe.apply(() -> ui.access(() -> {
                SecurityContext before = SecurityContextHolder.getContext();
                SecurityContextHolder.setContext(context);
                try {
                    reload.run();
                } finally {
                    SecurityContextHolder.setContext(before);
                }
            }));
        } catch (RuntimeException e) {
            log.warn("Live updates of {} are not available; the page shows what it loaded", view.getClass()
                    .getSimpleName(), e);
            Notices.error("Live updates are not available: " + FailureMessages.explain(e));
        }
    }

    private void stop() {
        AutoCloseable current = subscription;
        subscription = null;
        if (current != null) {
            try {
                current.close();
            } catch (Exception e) {
                log.warn("Ending the live updates of {} failed", view.getClass().getSimpleName(), e);
            }
        }
    }
}
