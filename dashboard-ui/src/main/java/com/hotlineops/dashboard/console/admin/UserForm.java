package com.hotlineops.dashboard.console.admin;

import com.hotlineops.contract.user.NewUser;
import com.hotlineops.contract.user.UserEdit;
import com.hotlineops.contract.user.UserView;
import com.hotlineops.dashboard.console.BackendProblem;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.select.Select;
import com.hotlineops.dashboard.console.PasswordRules;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Creates an account, or edits one (decision 0032): its display name, roles, unit and grid; on creation also the
 * username, which never changes, and the first password, which the administrator types and tells the user. The form
 * checks the backend's rules before anything is sent (the username's pattern, at least one role, a grid for a grid
 * worker and only for one, a unit for a unit handler, the grid within the unit, the password policy); picking a grid
 * picks its township. A refusal — a username taken is a 409 — is shown as the backend gave it and the form stays open.
 */
class UserForm extends Dialog {

    /** The backend's rule for a username ({@code UserAdministration.USERNAME}). */
    static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,39}");
    static final int DISPLAY_NAME_MAX = 60;
    /** The roles of DESIGN.md §3 in the backend's order. */
    static final List<String> ROLES = List.of("AGENT", "DIRECTOR", "DISPATCHER", "SUPERVISOR", "AUDITOR", "REVISIT",
            "UNIT_HANDLER", "GRID_WORKER", "WALL", "ADMIN", "PARTNER");

    private final UserView editing;
    final TextField username = new TextField();
    final TextField displayName = new TextField();
    final CheckboxGroup<String> roles = new CheckboxGroup<>();
    final Select<AdminBackend.Unit> unit = new Select<>();
    final Select<AdminBackend.Unit> grid = new Select<>();
    final PasswordField password = new PasswordField();
    private final List<AdminBackend.Unit> units;

    /** @param editing the account to edit, or null to create one */
    UserForm(AdminBackend backend, List<AdminBackend.Unit> units, UserView editing, Consumer<UserView> saved) {
        this.editing = editing;
        this.units = units;
        setId("user-form");
        setHeaderTitle(editing == null ? getTranslation("console.admin.users.form.new")
                : getTranslation("console.admin.users.form.edit", editing.username()));

        username.setId("user-username");
        username.setLabel(getTranslation("console.admin.users.username"));
        username.setHelperText(getTranslation("console.admin.users.username.help"));
        username.setMaxLength(40);
        username.setWidthFull();
        username.setRequiredIndicatorVisible(true);
        displayName.setId("user-display-name");
        displayName.setLabel(getTranslation("console.admin.users.displayName"));
        displayName.setMaxLength(DISPLAY_NAME_MAX);
        displayName.setWidthFull();
        displayName.setRequiredIndicatorVisible(true);
        roles.setId("user-roles");
        roles.setLabel(getTranslation("console.admin.users.roles"));
        roles.setItems(ROLES);
        roles.setItemLabelGenerator(r -> getTranslation("console.role." + r));
        roles.setRequiredIndicatorVisible(true);
        unit.setId("user-unit");
        unit.setLabel(getTranslation("console.admin.users.unit"));
        unit.setHelperText(getTranslation("console.admin.users.unit.help"));
        unit.setItems(units.stream().filter(u -> !u.isGrid()).toList());
        unit.setEmptySelectionAllowed(true);
        unit.setEmptySelectionCaption(getTranslation("console.admin.users.none"));
        unit.setItemLabelGenerator(u -> u == null ? getTranslation("console.admin.users.none") : u.name());
        unit.setWidthFull();
        grid.setId("user-grid");
        grid.setLabel(getTranslation("console.admin.users.grid"));
        grid.setHelperText(getTranslation("console.admin.users.grid.help"));
        grid.setEmptySelectionAllowed(true);
        grid.setEmptySelectionCaption(getTranslation("console.admin.users.none"));
        grid.setItemLabelGenerator(g -> g == null ? getTranslation("console.admin.users.none") : g.name());
        grid.setWidthFull();
        gridsOf(null);
        unit.addValueChangeListener(change -> gridsOf(change.getValue()));
        grid.addValueChangeListener(change -> {
            AdminBackend.Unit g = change.getValue();
            if (g != null && !Objects.equals(g.parentId(), idOf(unit.getValue()))) {
                units.stream().filter(u -> u.id().equals(g.parentId())).findFirst().ifPresent(unit::setValue);
            }
        });
        password.setId("user-password");
        password.setLabel(getTranslation("console.admin.users.initialPassword"));
        password.setHelperText(getTranslation("console.admin.users.password.help"));
        password.setWidthFull();
        password.setRequiredIndicatorVisible(true);

        if (editing == null) {
            add(username);
        } else {
            displayName.setValue(editing.displayName());
            roles.setValue(Set.copyOf(editing.roles()));
            units.stream().filter(u -> u.id().equals(editing.unitId())).findFirst().ifPresent(unit::setValue);
            units.stream().filter(u -> u.id().equals(editing.gridId())).findFirst().ifPresent(grid::setValue);
        }
        add(displayName, roles, unit, grid);
        if (editing == null) {
            add(password);
        }
        add(AdminText.explanation("user-form-explain", getTranslation(editing == null
                ? "console.admin.users.form.explain.new" : "console.admin.users.form.explain.edit")));

        Button cancel = new Button(getTranslation("console.admin.cancel"), click -> close());
        cancel.setId("user-cancel");
        Button save = new Button(getTranslation(editing == null ? "console.admin.users.create"
                : "console.admin.save"), click -> save(backend, saved));
        save.setId("user-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(cancel, save);
        setWidth("44em");
    }

    private void save(AdminBackend backend, Consumer<UserView> saved) {
        Optional<Object> request = read();
        if (request.isEmpty()) {
            return;
        }
        try {
            UserView answer = request.get() instanceof NewUser created ? backend.createUser(created)
                    : backend.updateUser(editing.id(), (UserEdit) request.get());
            close();
            saved.accept(answer);
        } catch (BackendProblem problem) {
            AdminText.problem(problem);
        }
    }

    /** Shows only the grids of the unit picked (all grids when none is), keeping the grid if it is among them. */
    private void gridsOf(AdminBackend.Unit township) {
        AdminBackend.Unit kept = grid.getValue();
        List<AdminBackend.Unit> grids = units.stream().filter(AdminBackend.Unit::isGrid)
                .filter(g -> township == null || township.id().equals(g.parentId())).toList();
        grid.setItems(grids);
        if (kept != null && grids.contains(kept)) {
            grid.setValue(kept);
        }
    }

    private static UUID idOf(AdminBackend.Unit unit) {
        return unit == null ? null : unit.id();
    }

    /** The {@link NewUser} or {@link UserEdit} the fields describe, or empty with the wrong fields marked. */
    Optional<Object> read() {
        String name = username.getValue().strip();
        boolean nameOk = editing != null || USERNAME.matcher(name).matches();
        mark(username, nameOk, "console.admin.users.error.username");
        String display = displayName.getValue().strip();
        boolean displayOk = !display.isEmpty() && display.length() <= DISPLAY_NAME_MAX;
        mark(displayName, displayOk, "console.admin.users.error.displayName");
        Set<String> chosen = roles.getValue();
        AdminBackend.Unit u = unit.getValue();
        AdminBackend.Unit g = grid.getValue();
        String rolesError = chosen.isEmpty() ? "console.admin.users.error.roles" : null;
        roles.setInvalid(rolesError != null);
        roles.setErrorMessage(rolesError == null ? null : getTranslation(rolesError));
        String gridError = chosen.contains("GRID_WORKER") && g == null ? "console.admin.users.error.gridNeeded"
                : !chosen.contains("GRID_WORKER") && g != null ? "console.admin.users.error.gridOnlyWorkers"
                : g != null && u != null && !u.id().equals(g.parentId()) ? "console.admin.users.error.gridUnit"
                : null;
        grid.setInvalid(gridError != null);
        grid.setErrorMessage(gridError == null ? null : getTranslation(gridError));
        boolean unitOk = !chosen.contains("UNIT_HANDLER") || u != null || g != null;
        unit.setInvalid(!unitOk);
        unit.setErrorMessage(unitOk ? null : getTranslation("console.admin.users.error.unitNeeded"));
        String passwordError = editing == null ? passwordProblem(password.getValue(), name) : null;
        password.setInvalid(passwordError != null);
        password.setErrorMessage(passwordError == null ? null : getTranslation(passwordError));
        if (!nameOk || !displayOk || rolesError != null || gridError != null || !unitOk || passwordError != null) {
            return Optional.empty();
        }
        List<String> sorted = ROLES.stream().filter(chosen::contains).toList();
        UUID unitId = idOf(u);
        UUID gridId = idOf(g);
        return Optional.of(editing == null ? new NewUser(name, display, sorted, unitId, gridId, password.getValue())
                : new UserEdit(display, sorted, unitId, gridId));
    }

    private void mark(TextField field, boolean ok, String error) {
        field.setInvalid(!ok);
        field.setErrorMessage(ok ? null : getTranslation(error));
    }

    /** The translation key of the rule the password breaks, or null ({@link PasswordRules}). */
    static String passwordProblem(String password, String username) {
        return PasswordRules.problem(password, username);
    }
}
