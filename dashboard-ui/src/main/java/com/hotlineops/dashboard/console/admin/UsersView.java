package com.hotlineops.dashboard.console.admin;

import com.hotlineops.contract.user.UserPage;
import com.hotlineops.contract.user.UserView;
import com.hotlineops.dashboard.console.BackendProblem;
import com.hotlineops.dashboard.console.ConsoleLayout;
import com.hotlineops.dashboard.security.CurrentUser;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The accounts people and systems log in with (用户管理, decision 0032): filtered by text, role, unit, grid and state,
 * by username, fifty at a time. An administrator creates an account (typing its first password), edits its display
 * name, roles, unit and grid, disables or enables it — each confirmed with what it does to the user's sessions — and
 * resets its password to one they type. Their own account cannot be disabled from here, as the backend refuses it.
 * The list shows who must still change a password an administrator set (decision 0036) and whose logins are throttled
 * after too many failures, which the administrator can lift (decision 0037), and each account's change history: who
 * did what to it and when, newest first.
 */
@Route(value = "admin/users", layout = ConsoleLayout.class)
@Menu(order = 73, title = "console.admin.menu.users")
@RolesAllowed("ADMIN")
@StyleSheet("styles/admin.css")
public class UsersView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    /** Whether an account is enabled, as the state filter offers it. */
    enum State {
        ENABLED, DISABLED
    }

    private final AdminBackend backend;
    private final String me;
    private final TextField search = new TextField();
    private final Select<String> role = new Select<>();
    private final Select<AdminBackend.Unit> unit = new Select<>();
    private final Select<AdminBackend.Unit> grid = new Select<>();
    private final Select<State> state = new Select<>();
    private final Grid<UserView> users = new Grid<>();
    private final Button more = new Button();
    private final List<UserView> loaded = new ArrayList<>();
    private List<AdminBackend.Unit> units = List.of();
    private String nextCursor;

    public UsersView(AdminBackend backend, CurrentUser currentUser) {
        this.backend = backend;
        this.me = currentUser.require().username();
        setId("admin-users");
        addClassName("admin");

        Button create = new Button(getTranslation("console.admin.users.new"), click -> new UserForm(backend, units,
                null, saved -> {
                    AdminText.done(getTranslation("console.admin.users.created", saved.username()));
                    load();
                }).open());
        create.setId("users-new");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        filters();
        columns();
        more.setText(getTranslation("console.admin.users.more"));
        more.setId("users-more");
        more.addClickListener(click -> page(nextCursor));
        more.setVisible(false);

        Paragraph hint = new Paragraph(getTranslation("console.admin.users.hint"));
        hint.addClassName("admin-note");
        HorizontalLayout bar = new HorizontalLayout(create, hint);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        HorizontalLayout filterBar = new HorizontalLayout(search, role, unit, grid, state);
        filterBar.setAlignItems(FlexComponent.Alignment.BASELINE);
        filterBar.setWrap(true);
        add(new H2(getTranslation("console.admin.menu.users")), bar, filterBar, users, more);
    }

    private void filters() {
        search.setId("users-search");
        search.setLabel(getTranslation("console.admin.users.search"));
        search.setPlaceholder(getTranslation("console.admin.users.search.placeholder"));
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.ON_CHANGE);
        search.addValueChangeListener(change -> load());
        role.setId("users-role");
        role.setLabel(getTranslation("console.admin.users.roles"));
        role.setItems(UserForm.ROLES);
        role.setEmptySelectionAllowed(true);
        role.setEmptySelectionCaption(getTranslation("console.admin.users.all"));
        role.setItemLabelGenerator(r -> r == null ? getTranslation("console.admin.users.all")
                : getTranslation("console.role." + r));
        role.addValueChangeListener(change -> load());
        for (Select<AdminBackend.Unit> picker : List.of(unit, grid)) {
            picker.setEmptySelectionAllowed(true);
            picker.setEmptySelectionCaption(getTranslation("console.admin.users.all"));
            picker.setItemLabelGenerator(u -> u == null ? getTranslation("console.admin.users.all") : u.name());
            picker.addValueChangeListener(change -> load());
        }
        unit.setId("users-unit");
        unit.setLabel(getTranslation("console.admin.users.unit"));
        grid.setId("users-grid");
        grid.setLabel(getTranslation("console.admin.users.grid"));
        state.setId("users-state");
        state.setLabel(getTranslation("console.admin.users.col.state"));
        state.setItems(State.values());
        state.setEmptySelectionAllowed(true);
        state.setEmptySelectionCaption(getTranslation("console.admin.users.all"));
        state.setItemLabelGenerator(s -> s == null ? getTranslation("console.admin.users.all")
                : getTranslation("console.admin.users.state." + s.name()));
        state.addValueChangeListener(change -> load());
    }

    private void columns() {
        users.setId("users-grid");
        users.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        users.addColumn(UserView::username).setHeader(getTranslation("console.admin.users.username"))
                .setAutoWidth(true);
        users.addColumn(UserView::displayName).setHeader(getTranslation("console.admin.users.displayName"))
                .setAutoWidth(true);
        users.addColumn(u -> u.roles().stream().map(r -> getTranslation("console.role." + r))
                .collect(Collectors.joining("、"))).setHeader(getTranslation("console.admin.users.roles"))
                .setFlexGrow(1);
        users.addColumn(u -> unitName(u.unitId())).setHeader(getTranslation("console.admin.users.unit"))
                .setAutoWidth(true);
        users.addColumn(u -> unitName(u.gridId())).setHeader(getTranslation("console.admin.users.grid"))
                .setAutoWidth(true);
        users.addComponentColumn(this::stateCell).setHeader(getTranslation("console.admin.users.col.state"))
                .setAutoWidth(true).setFlexGrow(0);
        users.addComponentColumn(this::editButton).setAutoWidth(true).setFlexGrow(0);
        users.addComponentColumn(this::toggleButton).setAutoWidth(true).setFlexGrow(0);
        users.addComponentColumn(this::passwordButton).setAutoWidth(true).setFlexGrow(0);
        users.addComponentColumn(this::signInCell).setHeader(getTranslation("console.admin.users.col.signIn"))
                .setAutoWidth(true).setFlexGrow(0);
        users.addComponentColumn(this::historyButton).setAutoWidth(true).setFlexGrow(0);
        users.setHeight("60vh");
        users.setEmptyStateText(getTranslation("console.admin.users.empty"));
    }

    private String unitName(UUID id) {
        if (id == null) {
            return AdminText.NONE;
        }
        return units.stream().filter(u -> u.id().equals(id)).map(AdminBackend.Unit::name).findFirst()
                .orElse(id.toString());
    }

    private Component stateCell(UserView u) {
        Span badge = new Span(getTranslation("console.admin.users.state." + (u.enabled() ? "ENABLED" : "DISABLED")));
        badge.addClassNames("admin-badge", u.enabled() ? "admin-badge-ok" : "admin-badge-off");
        badge.setId("user-state-" + u.username());
        return badge;
    }

    private Component editButton(UserView u) {
        Button edit = new Button(getTranslation("console.admin.users.edit"), click -> new UserForm(backend, units, u,
                saved -> {
                    AdminText.done(getTranslation("console.admin.users.saved", saved.username()));
                    load();
                }).open());
        edit.setId("user-edit-" + u.username());
        edit.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return edit;
    }

    private Component toggleButton(UserView u) {
        Button toggle = u.enabled()
                ? new Button(getTranslation("console.admin.users.disable"), click -> confirmDisable(u))
                : new Button(getTranslation("console.admin.users.enable"), click -> confirmEnable(u));
        toggle.setId("user-toggle-" + u.username());
        toggle.addThemeVariants(ButtonVariant.LUMO_SMALL, u.enabled() ? ButtonVariant.LUMO_ERROR
                : ButtonVariant.LUMO_SUCCESS);
        if (u.enabled() && u.username().equals(me)) {
            toggle.setEnabled(false);
            toggle.setTooltipText(getTranslation("console.admin.users.notYourself"));
        }
        return toggle;
    }

    private Component passwordButton(UserView u) {
        Button reset = new Button(getTranslation("console.admin.users.resetPassword"),
                click -> new PasswordDialog(backend, u).open());
        reset.setId("user-password-" + u.username());
        reset.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return reset;
    }

    private Component historyButton(UserView u) {
        Button history = new Button(getTranslation("console.admin.users.history"),
                click -> new UserChangeHistory(backend, units, u).open());
        history.setId("user-history-" + u.username());
        history.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return history;
    }

    /**
     * Whether the user must still change a password an administrator set (decision 0036) and whether their logins
     * are throttled after too many failures (decision 0037), with the unlock beside it; empty when neither.
     */
    private Component signInCell(UserView u) {
        Div cell = new Div();
        cell.addClassName("admin-state-cell");
        cell.setId("user-signin-" + u.username());
        if (u.passwordChangeRequired()) {
            Span must = new Span(getTranslation("console.admin.users.mustChangePassword"));
            must.addClassNames("admin-badge", "admin-badge-pending");
            must.setId("user-mustchange-" + u.username());
            must.setTitle(getTranslation("console.admin.users.mustChangePassword.tip"));
            cell.add(must);
        }
        if (u.throttled()) {
            Span throttled = new Span(getTranslation("console.admin.users.throttled",
                    AdminText.time(u.throttledUntil())));
            throttled.addClassNames("admin-badge", "admin-badge-off");
            throttled.setId("user-throttled-" + u.username());
            throttled.setTitle(getTranslation("console.admin.users.throttled.tip"));
            Button unlock = new Button(getTranslation("console.admin.users.unlock"), click -> confirmUnlock(u));
            unlock.setId("user-unlock-" + u.username());
            unlock.addThemeVariants(ButtonVariant.LUMO_SMALL);
            cell.add(throttled, unlock);
        }
        return cell;
    }

    private void confirmUnlock(UserView u) {
        confirm("user-unlock-confirm", getTranslation("console.admin.users.unlock.title", u.username()),
                getTranslation("console.admin.users.unlock.explain"), getTranslation("console.admin.users.unlock"),
                false, () -> {
                    UserView after = backend.unlockUser(u.id());
                    AdminText.done(getTranslation("console.admin.users.unlocked", after.username()));
                    load();
                });
    }

    private void confirmDisable(UserView u) {
        confirm("user-disable-confirm", getTranslation("console.admin.users.disable.title", u.username()),
                getTranslation("console.admin.users.disable.explain"), getTranslation("console.admin.users.disable"),
                true, () -> {
                    UserView after = backend.disableUser(u.id());
                    AdminText.done(getTranslation("console.admin.users.disabled", after.username()));
                    load();
                });
    }

    private void confirmEnable(UserView u) {
        confirm("user-enable-confirm", getTranslation("console.admin.users.enable.title", u.username()),
                getTranslation("console.admin.users.enable.explain"), getTranslation("console.admin.users.enable"),
                false, () -> {
                    UserView after = backend.enableUser(u.id());
                    AdminText.done(getTranslation("console.admin.users.enabledNow", after.username()));
                    load();
                });
    }

    private void confirm(String id, String header, String text, String button, boolean danger, Runnable action) {
        AdminText.confirm(id, header, text, button, danger, this::getTranslation, action);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            units = backend.units();
        } catch (BackendProblem problem) {
            AdminText.problem(problem);
        }
        unit.setItems(units.stream().filter(u -> !u.isGrid()).toList());
        grid.setItems(units.stream().filter(AdminBackend.Unit::isGrid).toList());
        load();
    }

    /** The first page under the filters as they are now. */
    private void load() {
        loaded.clear();
        nextCursor = null;
        page(null);
    }

    private void page(String cursor) {
        State s = state.getValue();
        AdminBackend.UserQuery query = new AdminBackend.UserQuery(search.getValue(), role.getValue(),
                unit.getValue() == null ? null : unit.getValue().id(),
                grid.getValue() == null ? null : grid.getValue().id(), s == null ? null : s == State.ENABLED);
        try {
            UserPage page = backend.users(query, cursor);
            page.items().stream().filter(u -> loaded.stream().noneMatch(l -> l.id().equals(u.id())))
                    .forEach(loaded::add);
            nextCursor = page.nextCursor();
            users.setItems(List.copyOf(loaded));
            users.recalculateColumnWidths();
            more.setVisible(Objects.nonNull(nextCursor));
        } catch (BackendProblem problem) {
            AdminText.problem(problem);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("console.admin.menu.users") + " · " + getTranslation("console.title");
    }
}
