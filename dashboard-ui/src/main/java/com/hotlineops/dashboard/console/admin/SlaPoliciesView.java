package com.hotlineops.dashboard.console.admin;

import com.hotlineops.contract.sla.SlaPolicyEditResult;
import com.hotlineops.contract.sla.SlaPolicyView;
import com.hotlineops.dashboard.console.BackendProblem;
import com.hotlineops.dashboard.console.ConsoleLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/**
 * The SLA policies (时限标准, DESIGN.md §2.3, decision 0022): per grade the sign-for and finish limits, and the revisit's
 * limit, with who changed each last. An edit replaces the grade's whole policy and moves the deadlines of open tickets;
 * the answer says whether anything changed and how many tickets moved, and that is shown.
 */
@Route(value = "admin/sla-policies", layout = ConsoleLayout.class)
@Menu(order = 71, title = "console.admin.menu.sla")
@RolesAllowed("ADMIN")
@StyleSheet("styles/admin.css")
public class SlaPoliciesView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final AdminBackend backend;
    private final Grid<SlaPolicyView> grid = new Grid<>();
    private final Paragraph result = new Paragraph();

    public SlaPoliciesView(AdminBackend backend) {
        this.backend = backend;
        setId("admin-sla-policies");
        addClassName("admin");

        grid.setId("sla-policies");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(p -> grade(p.grade())).setHeader(getTranslation("console.admin.sla.col.grade"))
                .setAutoWidth(true);
        grid.addColumn(p -> p.signFor() == null ? getTranslation("console.admin.sla.noSignFor")
                : AdminText.limit(p.signFor(), this::getTranslation))
                .setHeader(getTranslation("console.admin.sla.signFor")).setAutoWidth(true);
        grid.addColumn(p -> AdminText.limit(p.finish(), this::getTranslation))
                .setHeader(getTranslation("console.admin.sla.col.finish")).setAutoWidth(true);
        grid.addColumn(p -> p.updatedAt() == null ? getTranslation("console.admin.sla.default")
                : getTranslation("console.admin.sla.updated", AdminText.time(p.updatedAt()), p.updatedBy()))
                .setHeader(getTranslation("console.admin.sla.col.updated")).setFlexGrow(1);
        grid.addComponentColumn(p -> {
            Button edit = new Button(getTranslation("console.admin.sla.edit"), click -> openForm(p));
            edit.setId("sla-edit-" + p.grade());
            edit.addThemeVariants(ButtonVariant.LUMO_SMALL);
            return edit;
        }).setAutoWidth(true).setFlexGrow(0);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(AdminText.NONE);

        Paragraph hint = new Paragraph(getTranslation("console.admin.sla.hint"));
        hint.addClassName("admin-note");
        result.setId("sla-result");
        result.addClassName("admin-result");
        result.setVisible(false);
        add(new H2(getTranslation("console.admin.menu.sla")), hint, grid, result);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        load();
    }

    private void load() {
        try {
            grid.setItems(backend.policies());
        } catch (BackendProblem problem) {
            AdminText.problem(problem);
        }
    }

    private String grade(String grade) {
        return getTranslation("REVISIT".equals(grade) ? "console.admin.sla.grade.REVISIT"
                : "console.enum.grade." + grade);
    }

    private void openForm(SlaPolicyView policy) {
        new SlaPolicyForm(policy, grade(policy.grade()), backend, this::saved).open();
    }

    private void saved(SlaPolicyEditResult answer) {
        String grade = grade(answer.policy().grade());
        String text = answer.changed()
                ? getTranslation("console.admin.sla.changed", grade, answer.ticketsMoved())
                : getTranslation("console.admin.sla.unchanged", grade);
        result.setText(text);
        result.setVisible(true);
        AdminText.done(text);
        load();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("console.admin.menu.sla") + " · " + getTranslation("console.title");
    }
}
