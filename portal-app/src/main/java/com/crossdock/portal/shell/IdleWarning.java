package com.crossdock.portal.shell;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.time.Duration;

/**
 * Warns a person shortly before their idle session ends. The browser counts idle time (reset by any click or
 * key press); when little is left it shows this banner, and "Stay signed in" makes a server round trip, which
 * starts the server's idle clock again. Without it the session simply ends and the next click asks to sign in.
 */
class IdleWarning extends Div {

    /** How long before the end the banner appears. */
    static final Duration LEAD = Duration.ofMinutes(2);

    private final Duration sessionTimeout;

    IdleWarning(Duration sessionTimeout) {
        this.sessionTimeout = sessionTimeout;
        setId("idle-warning");
        addClassName("cd-idle-warning");
        Button stay = new Button("Stay signed in", click -> setVisible(false));
        stay.setId("stay-signed-in");
        stay.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.SMALL);
        add(new Span("You have been inactive for a while. Your session ends in about "
                + LEAD.toMinutes() + " minutes unless you continue."), stay);
        getElement().getStyle().set("display", "none");
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        long warnAfterMillis = Math.max(sessionTimeout.minus(LEAD).toMillis(), sessionTimeout.toMillis() / 2);
        getElement().executeJs("""
                const banner = this;
                let timer;
                const arm = () => {
                  clearTimeout(timer);
                  banner.style.display = 'none';
                  timer = setTimeout(() => { banner.style.display = 'flex'; }, $0);
                };
                ['click', 'keydown'].forEach(type => document.addEventListener(type, arm, true));
                arm();
                """, warnAfterMillis);
    }
}
