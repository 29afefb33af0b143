package nl.startpakket.reporting.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.startpakket.municipalities.MunicipalityRegister;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The dashboard pages: one municipality over a period (an evaluator only their own), and for a
 * coordinator the comparison across municipalities. Charts are drawn in the browser from data
 * in the page; figures and suppression come from the same {@link EvaluationView} as the API and
 * the exports.
 */
@Controller
public class DashboardController {

    private final Evaluations evaluations;
    private final ReportAccess access;
    private final MessageSource messages;
    private final ObjectMapper json;
    private final MunicipalityRegister municipalities;

    public DashboardController(Evaluations evaluations, ReportAccess access, MessageSource messages, ObjectMapper json,
                               MunicipalityRegister municipalities) {
        this.evaluations = evaluations;
        this.access = access;
        this.messages = messages;
        this.json = json;
        this.municipalities = municipalities;
    }

    @GetMapping("/login")
    public String login() {
        return "login";
    }

    @GetMapping({"/", "/dashboard"})
    public String home(Authentication viewer) {
        String own = access.ownMunicipality(viewer);
        if (own != null && !access.isCoordinator(viewer)) {
            return "redirect:/dashboard/municipalities/" + own;
        }
        List<String> known = evaluations.municipalities();
        return known.isEmpty() ? "redirect:/dashboard/comparison" : "redirect:/dashboard/municipalities/" + known.get(0);
    }

    @GetMapping("/dashboard/municipalities/{code}")
    public String municipality(@PathVariable String code,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                               Authentication viewer, Locale locale, Model model) throws JsonProcessingException {
        Optional<String> successor = evaluations.mergedInto(code);
        if (successor.isPresent()) {
            // its figures count as the successor's: show them there, over the same period
            return pick(successor.get(), from, to);
        }
        Optional<nl.startpakket.reporting.query.ReportPeriod> fixed = evaluations.fixedPeriodInstead(viewer, code, from, to);
        if (fixed.isPresent()) {
            // an evaluator sees the fixed period that contains the day asked for
            return pick(code, fixed.get().from(), fixed.get().to());
        }
        EvaluationView view = evaluations.view(viewer, code, from, to);
        Labels labels = new Labels(messages, locale);
        model.addAttribute("view", view);
        model.addAttribute("contractPeriods", view.suppressed() ? evaluations.contractPeriods(code) : List.of());
        model.addAttribute("labels", labels);
        model.addAttribute("chartJson", json.writeValueAsString(ChartData.of(view, labels)));
        model.addAttribute("coordinator", access.isCoordinator(viewer));
        model.addAttribute("municipalities", choices(viewer, code));
        model.addAttribute("query", "from=" + view.from() + "&to=" + view.to());
        model.addAttribute("lang", locale.getLanguage());
        model.addAttribute("user", viewer.getName());
        model.addAttribute("simulatedPeriods", evaluations.simulatedPeriods(code));
        return "dashboard";
    }

    @GetMapping("/dashboard/comparison")
    public String comparison(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                             Authentication viewer, Locale locale, Model model) throws JsonProcessingException {
        List<MunicipalityReport> reports = evaluations.comparison(viewer, from, to);
        Labels labels = new Labels(messages, locale);
        LocalDate shownFrom = reports.isEmpty() ? from : reports.get(0).from();
        LocalDate shownTo = reports.isEmpty() ? to : reports.get(0).to();
        List<String> names = new ArrayList<>();
        List<Object> referrals = new ArrayList<>();
        List<Object> deliveries = new ArrayList<>();
        reports.forEach(r -> {
            names.add(municipalities.nameOrCode(r.municipality()));
            referrals.add(r.referrals().total());
            deliveries.add(r.deliveries().total());
        });
        model.addAttribute("reports", reports);
        model.addAttribute("labels", labels);
        model.addAttribute("from", shownFrom);
        model.addAttribute("to", shownTo);
        model.addAttribute("coordinator", true);
        model.addAttribute("lang", locale.getLanguage());
        model.addAttribute("user", viewer.getName());
        model.addAttribute("chartJson", json.writeValueAsString(Map.of(
                "title", labels.get("chart.comparison.title"), "labels", names,
                "firstName", labels.get("chart.monthly.referrals"), "first", referrals,
                "secondName", labels.get("chart.monthly.deliveries"), "second", deliveries)));
        return "comparison";
    }

    private List<String> choices(Authentication viewer, String current) {
        if (!access.isCoordinator(viewer)) {
            return List.of(current);
        }
        List<String> codes = new ArrayList<>(evaluations.municipalities());
        if (!codes.contains(current)) {
            codes.add(current);
        }
        return codes;
    }

    /** The coordinator's municipality picker submits the code as a parameter. */
    @GetMapping("/dashboard/municipalities")
    public String pick(@RequestParam String code,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        StringBuilder target = new StringBuilder("redirect:/dashboard/municipalities/")
                .append(code.replaceAll("[^A-Za-z0-9]", ""));
        if (from != null && to != null) {
            target.append("?from=").append(from).append("&to=").append(to);
        }
        return target.toString();
    }
}
