package nl.startpakket.fulfilment.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.startpakket.events.Phase;
import nl.startpakket.fulfilment.api.DefineTemplateCommand;
import nl.startpakket.fulfilment.api.FindStockQuery;
import nl.startpakket.fulfilment.api.FindTemplatesQuery;
import nl.startpakket.fulfilment.api.ItemQuantity;
import nl.startpakket.fulfilment.api.StockLine;
import nl.startpakket.fulfilment.api.TemplateVariant;
import nl.startpakket.fulfilment.query.StockQueries;
import nl.startpakket.fulfilment.query.TemplateView;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Coordinators decide what goes into each package variant. */
@Controller
public class TemplatePageController {

    private static final int EMPTY_ROWS = 3;

    private final CommandGateway commands;
    private final StockQueries stock;
    private final PageMessages messages;

    public TemplatePageController(CommandGateway commands, StockQueries stock, PageMessages messages) {
        this.commands = commands;
        this.stock = stock;
        this.messages = messages;
    }

    @GetMapping("/templates")
    public String templates(Model model) {
        model.addAttribute("templates", stock.handle(new FindTemplatesQuery(null)));
        Map<String, String> names = new HashMap<>();
        stock.handle(new FindStockQuery()).forEach(l -> names.put(l.itemId(), l.nameNl()));
        model.addAttribute("itemNames", names);
        return "templates";
    }

    @GetMapping("/templates/new")
    public String create(Model model) {
        return edit(new TemplateForm(), false, model);
    }

    @GetMapping("/templates/{templateId}")
    public String edit(@PathVariable String templateId, Model model) {
        TemplateView template = stock.template(templateId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No template " + templateId));
        TemplateForm form = new TemplateForm();
        form.setTemplateId(template.templateId());
        form.setName(template.name());
        form.setPhase(template.phase());
        form.setVariant(template.variant());
        form.setSizes(template.sizes());
        template.lines().forEach(l -> form.getLines().add(new LineForm(l.itemId(), l.quantity())));
        return edit(form, true, model);
    }

    @PostMapping("/templates/save")
    public String save(@ModelAttribute TemplateForm form, Authentication user, RedirectAttributes redirect) {
        List<ItemQuantity> lines = new ArrayList<>();
        for (LineForm line : form.getLines()) {
            if (line.getItemId() != null && !line.getItemId().isBlank() && line.getQuantity() != null && line.getQuantity() > 0) {
                lines.add(new ItemQuantity(line.getItemId(), line.getQuantity()));
            }
        }
        if (messages.attempt(redirect, () -> commands.sendAndWait(new DefineTemplateCommand(form.getTemplateId(),
                form.getPhase(), form.getVariant(), form.getName(), form.getSizes(), lines, user.getName(), false)))) {
            messages.success(redirect, "flash.templateSaved");
            return "redirect:/templates";
        }
        return form.getTemplateId() == null || form.getTemplateId().isBlank() || stock.template(form.getTemplateId()).isEmpty()
                ? "redirect:/templates/new" : "redirect:/templates/" + form.getTemplateId();
    }

    private String edit(TemplateForm form, boolean existing, Model model) {
        for (int i = 0; i < EMPTY_ROWS; i++) {
            form.getLines().add(new LineForm(null, null));
        }
        List<StockLine> items = new ArrayList<>(stock.handle(new FindStockQuery()));
        items.sort((a, b) -> a.nameNl().compareToIgnoreCase(b.nameNl()));
        model.addAttribute("form", form);
        model.addAttribute("existing", existing);
        model.addAttribute("items", items);
        model.addAttribute("phases", Phase.values());
        model.addAttribute("variants", TemplateVariant.values());
        return "template-edit";
    }

    /** The edit form (bound from request parameters). */
    public static class TemplateForm {
        private String templateId;
        private String name;
        private Phase phase;
        private TemplateVariant variant;
        private String sizes;
        private List<LineForm> lines = new ArrayList<>();

        public String getTemplateId() {
            return templateId;
        }

        public void setTemplateId(String templateId) {
            this.templateId = templateId;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public Phase getPhase() {
            return phase;
        }

        public void setPhase(Phase phase) {
            this.phase = phase;
        }

        public TemplateVariant getVariant() {
            return variant;
        }

        public void setVariant(TemplateVariant variant) {
            this.variant = variant;
        }

        public String getSizes() {
            return sizes;
        }

        public void setSizes(String sizes) {
            this.sizes = sizes;
        }

        public List<LineForm> getLines() {
            return lines;
        }

        public void setLines(List<LineForm> lines) {
            this.lines = lines;
        }
    }

    /** One line of the edit form. */
    public static class LineForm {
        private String itemId;
        private Integer quantity;

        public LineForm() {
        }

        LineForm(String itemId, Integer quantity) {
            this.itemId = itemId;
            this.quantity = quantity;
        }

        public String getItemId() {
            return itemId;
        }

        public void setItemId(String itemId) {
            this.itemId = itemId;
        }

        public Integer getQuantity() {
            return quantity;
        }

        public void setQuantity(Integer quantity) {
            this.quantity = quantity;
        }
    }
}
