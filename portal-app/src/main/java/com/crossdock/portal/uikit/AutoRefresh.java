package com.crossdock.portal.uikit;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.shared.Registration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Refreshes a view every few seconds while it is on screen (the UI polls; the view reloads what changed), so work
 * done in the background (a webhook, a flow's run) shows up without a click. Stops when the view is left.
 */
public final class AutoRefresh {

    private AutoRefresh() {
    }

    public static void every(Component view, int millis, Runnable reload) {
        AtomicReference<Registration> polling = new AtomicReference<>();
        view.addAttachListener(attach -> {
            attach.getUI().setPollInterval(millis);
            polling.set(attach.getUI().addPollListener(poll -> reload.run()));
        });
        view.addDetachListener(detach -> {
            Registration registration = polling.getAndSet(null);
            if (registration != null) {
                registration.remove();
            }
            detach.getUI().setPollInterval(-1);
        });
    }
}
