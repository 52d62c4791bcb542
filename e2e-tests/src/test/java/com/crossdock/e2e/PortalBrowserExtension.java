package com.crossdock.e2e;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each test a {@link Page} in a fresh browser context pointed at the running portal. The portal and the
 * browser are started once per test JVM (root store, closed when the run ends); a failing test leaves a
 * screenshot named after it.
 */
final class PortalBrowserExtension implements BeforeEachCallback, AfterTestExecutionCallback, ParameterResolver {

    private static final Namespace NAMESPACE = Namespace.create(PortalBrowserExtension.class);

    static {
        // a Vaadin round trip on a busy two-core machine can take longer than Playwright's default 5 s
        PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
        Screenshots.removeFailuresFromEarlierRuns();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        ExtensionContext.Store runWide = context.getRoot().getStore(NAMESPACE);
        PortalProcess portal = shared(runWide, PortalProcess.class, PortalProcess::start);
        SharedBrowser browser = shared(runWide, SharedBrowser.class, SharedBrowser::launch);
        BrowserContext browserContext = browser.newContext(portal.baseUrl());
        context.getStore(NAMESPACE).put(BrowserSession.class, new BrowserSession(browserContext, browserContext.newPage()));
    }

    @SuppressWarnings("unchecked")
    private static <T extends AutoCloseable> T shared(ExtensionContext.Store store, Class<T> type,
            java.util.function.Supplier<T> creator) {
        return ((Once<T>) store.computeIfAbsent(type, key -> Once.of(creator), Once.class)).get();
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        BrowserSession session = context.getStore(NAMESPACE).get(BrowserSession.class, BrowserSession.class);
        if (session != null && context.getExecutionException().isPresent()) {
            Screenshots.save(session.page(), "failed-" + testName(context));
        }
    }

    private static String testName(ExtensionContext context) {
        String method = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
        String displayName = context.getDisplayName();
        return displayName.startsWith(context.getRequiredTestMethod().getName()) ? method : method + "-" + displayName;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Page.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(NAMESPACE).get(BrowserSession.class, BrowserSession.class).page();
    }

    /** Closed by JUnit when the test's store is discarded, after any failure screenshot was taken. */
    private record BrowserSession(BrowserContext context, Page page) implements AutoCloseable {

        @Override
        public void close() {
            context.close();
        }
    }
}
