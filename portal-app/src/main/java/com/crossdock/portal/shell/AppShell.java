package com.crossdock.portal.shell;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;

/**
 * The HTML shell: Lumo, then the Crossdock stylesheet from the themes jar; server push on, so background work (a UAT
 * run's steps) shows in the browser as it happens.
 */
@Push
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("crossdock/styles.css")
public class AppShell implements AppShellConfigurator {

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("Crossdock");
    }
}
