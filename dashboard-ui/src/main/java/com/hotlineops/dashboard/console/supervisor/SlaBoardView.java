package com.hotlineops.dashboard.console.supervisor;

import com.hotlineops.contract.sla.SlaState;
import com.hotlineops.dashboard.console.BackendProblem;
import com.hotlineops.dashboard.console.ConsoleLayout;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The SLA board (DESIGN.md §2.3): open tickets nearest their deadline first, filtered by SLA state, unit, tag,
 * supervision and text; tabs for the at-risk, overdue and supervised views. A supervisor selects a ticket and
 * supervises it (督办, §2.2) with a reason, or tags it for mark &amp; track. Countdowns are recomputed every {@value #TICK_MS} ms without asking the
 * backend; the list itself is reloaded when the supervisor searches or acts.
 */
@Route(value = "supervisor/sla", layout = ConsoleLayout.class)
@Menu(order = 50, title = "console.supervisor.menu.sla")
@RolesAllowed({"SUPERVISOR", "ADMIN"})
@StyleSheet("styles/supervisor.css")
public class SlaBoardView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    static final int TICK_MS = 30_000;
    static final int REASON_MAX = 500;

    /** Preset views of the board; each is a filter the supervisor can refine further. */
    enum View {
        ALL, AT_RISK, OVERDUE, SUPERVISED
    }

    private final SupervisorBackend backend;
    private final TicketBoard board;
    private final Tabs tabs = new Tabs();
    private final Map<Tab, View> tabViews;
    private final Select<SlaState> sla = new Select<>();
    private final ComboBox<SupervisorBackend.Unit> unit = new ComboBox<>();
    private final Select<String> tag = new Select<>();
    private final Select<Boolean> supervised = new Select<>();
    private final TextField text = new TextField();
    private final Button supervise = new Button();
    private final Button mark = new Button();
    private Registration poll;

    public SlaBoardView(SupervisorBackend backend, Clock clock) {
        this.backend = backend;
        setId("supervisor-sla");
        setSizeFull();
        board = new TicketBoard("sla", backend, clock, this::getTranslation);

        Tab all = tab("sla-tab-all", "console.supervisor.tab.all");
        Tab atRisk = tab("sla-tab-at-risk", "console.supervisor.tab.atRisk");
        Tab overdue = tab("sla-tab-overdue", "console.supervisor.tab.overdue");
        Tab supervisedTab = tab("sla-tab-supervised", "console.supervisor.tab.supervised");
        tabViews = Map.of(all, View.ALL, atRisk, View.AT_RISK, overdue, View.OVERDUE, supervisedTab,
                View.SUPERVISED);
        tabs.add(all, atRisk, overdue, supervisedTab);
        tabs.setId("sla-tabs");
        tabs.addSelectedChangeListener(change -> preset(tabViews.get(change.getSelectedTab())));

        sla.setId("sla-filter-state");
        sla.setLabel(getTranslation("console.supervisor.filter.sla"));
        sla.setItems(SlaState.ON_TRACK, SlaState.AT_RISK, SlaState.OVERDUE, SlaState.PAUSED);
        sla.setEmptySelectionAllowed(true);
        sla.setEmptySelectionCaption(getTranslation("console.supervisor.filter.any"));
        sla.setItemLabelGenerator(s -> s == null ? getTranslation("console.supervisor.filter.any")
                : getTranslation("console.enum.sla." + s.name()));

        unit.setId("sla-filter-unit");
        unit.setLabel(getTranslation("console.supervisor.filter.unit"));
        unit.setItemLabelGenerator(SupervisorBackend.Unit::name);
        unit.setClearButtonVisible(true);

        tag.setId("sla-filter-tag");
        tag.setLabel(getTranslation("console.supervisor.filter.tag"));
        tag.setItems("PROMISED", "UNSATISFIED", "DIRECTOR_TAKEN");
        tag.setEmptySelectionAllowed(true);
        tag.setEmptySelectionCaption(getTranslation("console.supervisor.filter.any"));
        tag.setItemLabelGenerator(v -> v == null ? getTranslation("console.supervisor.filter.any")
                : getTranslation("console.enum.tag." + v));

        supervised.setId("sla-filter-supervised");
        supervised.setLabel(getTranslation("console.supervisor.filter.supervised"));
        supervised.setItems(Boolean.TRUE, Boolean.FALSE);
        supervised.setEmptySelectionAllowed(true);
        supervised.setEmptySelectionCaption(getTranslation("console.supervisor.filter.any"));
        supervised.setItemLabelGenerator(v -> v == null ? getTranslation("console.supervisor.filter.any")
                : getTranslation(v ? "console.supervisor.supervised.yes" : "console.supervisor.supervised.no"));

        text.setId("sla-filter-text");
        text.setLabel(getTranslation("console.supervisor.filter.text"));
        text.setMaxLength(100);
        text.setClearButtonVisible(true);

        Button search = new Button(getTranslation("console.supervisor.filter.search"), click -> search());
        search.setId("sla-search");
        search.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        search.addClickShortcut(Key.ENTER);

        supervise.setText(getTranslation("console.supervisor.supervise"));
        supervise.setId("sla-supervise");
        supervise.setEnabled(false);
        supervise.addClickListener(click -> board.grid().asSingleSelect().getOptionalValue()
                .ifPresent(this::openSuperviseDialog));
        mark.setText(getTranslation("console.supervisor.mark"));
        mark.setId("sla-mark");
        mark.setEnabled(false);
        mark.addClickListener(click -> board.grid().asSingleSelect().getOptionalValue().ifPresent(this::openMarkDialog));
        board.grid().asSingleSelect().addValueChangeListener(change -> {
            supervise.setEnabled(change.getValue() != null && !change.getValue().supervised());
            mark.setEnabled(change.getValue() != null);
        });

        HorizontalLayout filters = new HorizontalLayout(sla, unit, tag, supervised, text, search, supervise, mark);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        add(new H2(getTranslation("console.supervisor.menu.sla")), tabs, filters, board);
    }

    private Tab tab(String id, String key) {
        Tab tab = new Tab(getTranslation(key));
        tab.setId(id);
        return tab;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<String> view = event.getLocation().getQueryParameters().getParameters().getOrDefault("view", List.of());
        View preset = View.ALL;
        for (View v : View.values()) {
            if (view.contains(v.name().toLowerCase().replace('_', '-'))) {
                preset = v;
            }
        }
        loadUnits();
        if (tabViews.get(tabs.getSelectedTab()) == preset) {
            preset(preset);
        } else {
            View chosen = preset;
            tabViews.forEach((tab, v) -> {
                if (v == chosen) {
                    tabs.setSelectedTab(tab); // its listener sets the filter and searches
                }
            });
        }
    }

    private void loadUnits() {
        try {
            unit.setItems(backend.units().stream().filter(SupervisorBackend.Unit::receivesDispatch).toList());
        } catch (BackendProblem problem) {
            SupervisorText.problem(problem);
        }
    }

    /** A tab's filter: the SLA and supervision parts change, the unit, tag and text the supervisor chose stay. */
    void preset(View view) {
        sla.setValue(switch (view) {
            case AT_RISK -> SlaState.AT_RISK;
            case OVERDUE -> SlaState.OVERDUE;
            default -> null;
        });
        supervised.setValue(view == View.SUPERVISED ? Boolean.TRUE : null);
        search();
    }

    void search() {
        board.show(new BoardFilter(sla.getValue(), unit.getValue() == null ? null : unit.getValue().id(),
                tag.getValue(), supervised.getValue(), text.getValue()));
        supervise.setEnabled(false);
        mark.setEnabled(false);
    }

    private void openSuperviseDialog(BoardRow row) {
        Dialog dialog = new Dialog();
        dialog.setId("supervise-dialog");
        dialog.setHeaderTitle(getTranslation("console.supervisor.supervise.title", row.ticket().number()));
        TextArea reason = new TextArea(getTranslation("console.supervisor.supervise.reason"));
        reason.setId("supervise-reason");
        reason.setRequired(true);
        reason.setMaxLength(REASON_MAX);
        reason.setWidthFull();
        reason.setMinHeight("6em");
        Button confirm = new Button(getTranslation("console.supervisor.supervise.confirm"), click -> {
            if (reason.getValue().isBlank()) {
                reason.setInvalid(true);
                reason.setErrorMessage(getTranslation("console.supervisor.supervise.reasonRequired"));
                return;
            }
            try {
                backend.supervise(row.id(), reason.getValue().strip());
                dialog.close();
                SupervisorText.done(getTranslation("console.supervisor.supervise.done", row.ticket().number()));
                board.reload();
            } catch (BackendProblem problem) {
                SupervisorText.problem(problem);
            }
        });
        confirm.setId("supervise-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("console.supervisor.cancel"), click -> dialog.close());
        dialog.add(new Span(row.ticket().title()), reason);
        dialog.getFooter().add(cancel, confirm);
        dialog.setWidth("32em");
        dialog.open();
    }

    /** Mark &amp; track (§2.6): tag the ticket PROMISED or UNSATISFIED; a tag it already has changes nothing. */
    private void openMarkDialog(BoardRow row) {
        Dialog dialog = new Dialog();
        dialog.setId("mark-dialog");
        dialog.setHeaderTitle(getTranslation("console.supervisor.mark.title", row.ticket().number()));
        Select<String> which = new Select<>();
        which.setId("mark-tag");
        which.setLabel(getTranslation("console.supervisor.filter.tag"));
        which.setItems("PROMISED", "UNSATISFIED");
        which.setItemLabelGenerator(v -> getTranslation("console.enum.tag." + v));
        which.setValue("PROMISED");
        TextArea reason = new TextArea(getTranslation("console.supervisor.mark.reason"));
        reason.setId("mark-reason");
        reason.setMaxLength(REASON_MAX);
        reason.setWidthFull();
        Button confirm = new Button(getTranslation("console.supervisor.mark"), click -> {
            try {
                backend.tag(row.id(), which.getValue(), reason.getValue().isBlank() ? null : reason.getValue().strip());
                dialog.close();
                SupervisorText.done(getTranslation("console.supervisor.mark.done", row.ticket().number(),
                        getTranslation("console.enum.tag." + which.getValue())));
                board.reload();
            } catch (BackendProblem problem) {
                SupervisorText.problem(problem);
            }
        });
        confirm.setId("mark-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("console.supervisor.cancel"), click -> dialog.close());
        dialog.add(new Span(row.ticket().title()), which, reason);
        dialog.getFooter().add(cancel, confirm);
        dialog.setWidth("32em");
        dialog.open();
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        attach.getUI().setPollInterval(TICK_MS);
        poll = attach.getUI().addPollListener(event -> board.tick());
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        poll.remove();
        if (detach.getUI().getPollInterval() == TICK_MS) { // not if the next view has set its own already
            detach.getUI().setPollInterval(-1);
        }
    }

    TicketBoard board() {
        return board;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("console.supervisor.menu.sla") + " · " + getTranslation("console.title");
    }
}
