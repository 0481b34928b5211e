package com.hotlineops.dashboard;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.ColorScheme;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.theme.lumo.Lumo;

/**
 * Page-level settings shared by every view. Push, because figures arrive from the backend rather than from
 * clicks; dark, because the wall hangs in a call hall. Styles are plain stylesheets loaded at run time, so the
 * pre-compiled Vaadin bundle is enough and no frontend build runs.
 */
@Push
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles/wall.css")
@ColorScheme(ColorScheme.Value.DARK)
public class AppShell implements AppShellConfigurator {
}
