package com.crossdock.e2e.keycloak;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.ScreenshotAnimations;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each test a {@link Page} in a fresh browser context and the {@link KeycloakPortal}, which is started once
 * per test JVM (root store, closed when the run ends; a failed start fails the remaining tests at once). A failing
 * test leaves a screenshot.
 */
final class KeycloakPortalExtension implements BeforeEachCallback, AfterTestExecutionCallback, ParameterResolver {

    private static final Namespace NAMESPACE = Namespace.create(KeycloakPortalExtension.class);

    static {
        // a Vaadin round trip on a busy two-core machine can take longer than Playwright's default 5 s
        PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NAMESPACE).put(Page.class, new OpenPage(portal(context).newPage()));
    }

    /** Kept in the root store only, so JUnit closes it when the run ends, not after each test. */
    private static KeycloakPortal portal(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(Started.class, key -> Started.attempt(), Started.class)
                .portal();
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        OpenPage open = context.getStore(NAMESPACE).get(Page.class, OpenPage.class);
        if (open != null && context.getExecutionException().isPresent()) {
            Path file = Path.of(System.getProperty("screenshots.dir", "target/screenshots"))
                    .resolve("failed-" + context.getRequiredTestClass().getSimpleName() + "."
                            + context.getRequiredTestMethod().getName() + ".png");
            open.page().screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true)
                    .setAnimations(ScreenshotAnimations.DISABLED));
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Page.class || type == KeycloakPortal.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (parameter.getParameter().getType() == Page.class) {
            return context.getStore(NAMESPACE).get(Page.class, OpenPage.class).page();
        }
        return portal(context);
    }

    /** The outcome of the one start of this JVM: the running portal, or why it could not start. */
    private record Started(KeycloakPortal running, RuntimeException failure) implements AutoCloseable {

        static Started attempt() {
            try {
                return new Started(KeycloakPortal.start(), null);
            } catch (RuntimeException e) {
                return new Started(null, e);
            }
        }

        KeycloakPortal portal() {
            if (failure != null) {
                throw new IllegalStateException("Keycloak or the portal failed to start earlier in this run: "
                        + failure.getMessage(), failure);
            }
            return running;
        }

        @Override
        public void close() {
            if (running != null) {
                running.close();
            }
        }
    }

    /** Closed by JUnit when the test's store is discarded, after any failure screenshot was taken. */
    private record OpenPage(Page page) implements AutoCloseable {

        @Override
        public void close() {
            page.context().close();
        }
    }
}
