package nl.startpakket.fulfilment.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import nl.startpakket.events.DeliveryMethod;
import nl.startpakket.fulfilment.api.Actor;
import nl.startpakket.fulfilment.api.ClaimJobCommand;
import nl.startpakket.fulfilment.api.ConfirmDeliveryCommand;
import nl.startpakket.fulfilment.api.ExceptionKind;
import nl.startpakket.fulfilment.api.FindJobQuery;
import nl.startpakket.fulfilment.api.FindStockQuery;
import nl.startpakket.fulfilment.api.FindTemplatesQuery;
import nl.startpakket.fulfilment.api.HandOverCommand;
import nl.startpakket.fulfilment.api.ItemQuantity;
import nl.startpakket.fulfilment.api.JobStatus;
import nl.startpakket.fulfilment.api.ReleaseJobCommand;
import nl.startpakket.fulfilment.api.ReportExceptionCommand;
import nl.startpakket.fulfilment.api.ResumeJobCommand;
import nl.startpakket.fulfilment.api.StockLine;
import nl.startpakket.fulfilment.privacy.DeliveryDataProtection;
import nl.startpakket.fulfilment.query.JobQueueQueries;
import nl.startpakket.fulfilment.query.JobView;
import nl.startpakket.fulfilment.query.StockQueries;
import nl.startpakket.fulfilment.query.TemplateView;
import nl.startpakket.fulfilment.query.UrgencyRule;
import nl.startpakket.platform.audit.AuditTrail;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One job at the packing table: claim it, pack it from a template's checklist, hand it over,
 * confirm delivery, report a problem, print the slip. The address only for the holder and
 * coordinators. After each step the page waits briefly for the queue to show it, so the next
 * page is never stale.
 */
@Controller
public class JobPageController {

    private static final Duration READ_YOUR_WRITES = Duration.ofSeconds(5);
    private static final Set<JobStatus> EXCEPTION_ALLOWED =
            EnumSet.of(JobStatus.QUEUED, JobStatus.CLAIMED, JobStatus.PACKED, JobStatus.HANDED_OVER);
    private static final Set<JobStatus> SLIP_AVAILABLE =
            EnumSet.of(JobStatus.CLAIMED, JobStatus.PACKED, JobStatus.HANDED_OVER, JobStatus.DELIVERED, JobStatus.EXCEPTION);

    private final CommandGateway commands;
    private final JobQueueQueries jobs;
    private final StockQueries stock;
    private final UrgencyRule urgency;
    private final PackingItems packingItems;
    private final PageMessages messages;

    private final DeliveryDataProtection protection;
    private final AuditTrail audit;

    public JobPageController(CommandGateway commands, JobQueueQueries jobs, StockQueries stock, UrgencyRule urgency,
                             PackingItems packingItems, PageMessages messages, DeliveryDataProtection protection, AuditTrail audit) {
        this.protection = protection;
        this.audit = audit;
        this.commands = commands;
        this.jobs = jobs;
        this.stock = stock;
        this.urgency = urgency;
        this.packingItems = packingItems;
        this.messages = messages;
    }

    @GetMapping("/jobs/{jobId}")
    public String job(@PathVariable String jobId, @RequestParam(required = false) String template,
                      Authentication user, Model model) {
        JobView job = find(jobId);
        Actor actor = JobController.actor(user);
        boolean holder = actor.username().equals(job.claimedBy());
        List<TemplateView> templates = stock.handle(new FindTemplatesQuery(job.phase()));
        TemplateView chosen = template == null ? null
                : templates.stream().filter(t -> t.templateId().equals(template)).findFirst().orElse(null);
        model.addAttribute("job", job);
        model.addAttribute("urgency", urgency.of(job.status(), job.deadline()));
        model.addAttribute("holder", holder);
        model.addAttribute("coordinator", actor.coordinator());
        addPersonalData(model, job, actor);
        model.addAttribute("templates", templates);
        model.addAttribute("template", chosen);
        model.addAttribute("methods", DeliveryMethod.values());
        model.addAttribute("exceptionKinds", exceptionKinds(job.status()));
        model.addAttribute("canReportException", EXCEPTION_ALLOWED.contains(job.status())
                && (job.status() != JobStatus.CLAIMED || holder || actor.coordinator()));
        model.addAttribute("slipAvailable", SLIP_AVAILABLE.contains(job.status()));
        addStock(model);
        return "job";
    }

    @GetMapping("/jobs/{jobId}/slip")
    public String slip(@PathVariable String jobId, Authentication user, Model model) {
        JobView job = find(jobId);
        Actor actor = JobController.actor(user);
        Optional<TemplateView> template = Optional.ofNullable(job.templateId()).flatMap(stock::template)
                .or(() -> stock.defaultTemplate(job.phase()));
        List<ItemQuantity> lines = job.itemsUsed() != null && !job.itemsUsed().isEmpty() ? job.itemsUsed()
                : template.map(TemplateView::lines).orElse(List.of());
        model.addAttribute("job", job);
        model.addAttribute("template", template.orElse(null));
        model.addAttribute("lines", lines);
        addPersonalData(model, job, actor);
        addStock(model);
        return "slip";
    }

    @PostMapping("/jobs/{jobId}/claim")
    public String claim(@PathVariable String jobId, Authentication user, RedirectAttributes redirect) {
        String me = user.getName();
        if (messages.attempt(redirect, () -> commands.sendAndWait(new ClaimJobCommand(jobId, JobController.actor(user))))) {
            audit.record(me, "claim-job", jobId, Map.of());
            awaitJob(jobId, j -> me.equals(j.claimedBy()));
            messages.success(redirect, "flash.claimed", jobId);
            return "redirect:/jobs/" + jobId;
        }
        return "redirect:/jobs";
    }

    @PostMapping("/jobs/{jobId}/release")
    public String release(@PathVariable String jobId, Authentication user, RedirectAttributes redirect) {
        if (messages.attempt(redirect, () -> commands.sendAndWait(new ReleaseJobCommand(jobId, JobController.actor(user))))) {
            awaitJob(jobId, j -> j.status() == JobStatus.QUEUED);
            messages.success(redirect, "flash.released", jobId);
            return "redirect:/jobs";
        }
        return "redirect:/jobs/" + jobId;
    }

    @PostMapping("/jobs/{jobId}/packed")
    public String packed(@PathVariable String jobId, @RequestParam("template") String templateId,
                         @RequestParam(name = "items", required = false) List<String> items,
                         Authentication user, RedirectAttributes redirect) {
        if (messages.attempt(redirect, () -> commands.sendAndWait(
                packingItems.packedFromChecklist(jobId, JobController.actor(user), templateId, items)))) {
            awaitJob(jobId, j -> j.status() == JobStatus.PACKED);
            messages.success(redirect, "flash.packed", jobId);
            return "redirect:/jobs/" + jobId;
        }
        return "redirect:/jobs/" + jobId + "?template=" + templateId;
    }

    @PostMapping("/jobs/{jobId}/handed-over")
    public String handedOver(@PathVariable String jobId, @RequestParam(required = false) DeliveryMethod method,
                             @RequestParam(required = false) String carrierReference,
                             Authentication user, RedirectAttributes redirect) {
        if (messages.attempt(redirect, () -> commands.sendAndWait(
                new HandOverCommand(jobId, JobController.actor(user), method, carrierReference)))) {
            awaitJob(jobId, j -> j.status() == JobStatus.HANDED_OVER);
            messages.success(redirect, "flash.handedOver", jobId);
        }
        return "redirect:/jobs/" + jobId;
    }

    @PostMapping("/jobs/{jobId}/delivered")
    public String delivered(@PathVariable String jobId,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deliveredOn,
                            Authentication user, RedirectAttributes redirect) {
        if (messages.attempt(redirect, () -> commands.sendAndWait(
                new ConfirmDeliveryCommand(jobId, JobController.actor(user), deliveredOn)))) {
            awaitJob(jobId, j -> j.status() == JobStatus.DELIVERED);
            messages.success(redirect, "flash.delivered", jobId);
        }
        return "redirect:/jobs/" + jobId;
    }

    @PostMapping("/jobs/{jobId}/exception")
    public String exception(@PathVariable String jobId, @RequestParam(required = false) ExceptionKind kind,
                            @RequestParam(required = false) String reason, Authentication user, RedirectAttributes redirect) {
        String text = reason == null ? null : reason.substring(0, Math.min(reason.length(), 500));
        if (messages.attempt(redirect, () -> commands.sendAndWait(
                new ReportExceptionCommand(jobId, JobController.actor(user), kind, text)))) {
            awaitJob(jobId, j -> j.status() == JobStatus.EXCEPTION);
            messages.success(redirect, "flash.exception", jobId);
        }
        return "redirect:/jobs/" + jobId;
    }

    @PostMapping("/jobs/{jobId}/resume")
    public String resume(@PathVariable String jobId, @RequestParam(required = false) String note, Authentication user,
                         RedirectAttributes redirect) {
        String text = note == null ? null : note.substring(0, Math.min(note.length(), 500));
        if (messages.attempt(redirect, () -> commands.sendAndWait(new ResumeJobCommand(jobId, JobController.actor(user), text)))) {
            awaitJob(jobId, j -> j.status() != JobStatus.EXCEPTION);
            messages.success(redirect, "flash.resumed", jobId);
        }
        return "redirect:/jobs/" + jobId;
    }

    /** The address only for the holder and coordinators, opened through the vault ("[erased]" once erased). */
    private void addPersonalData(Model model, JobView job, Actor actor) {
        boolean visible = job.addressVisibleTo(actor.username(), actor.coordinator());
        DeliveryDataProtection.Revealed personal = visible ? protection.reveal(job) : new DeliveryDataProtection.Revealed(null, null, false);
        model.addAttribute("showAddress", visible);
        model.addAttribute("recipient", personal.recipient());
        model.addAttribute("notes", personal.notes());
    }

    private JobView find(String jobId) {
        return jobs.handle(new FindJobQuery(jobId))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No job " + jobId));
    }

    private void addStock(Model model) {
        Map<String, String> names = new HashMap<>();
        Map<String, Integer> onHand = new HashMap<>();
        boolean english = "en".equals(LocaleContextHolder.getLocale().getLanguage());
        for (StockLine line : stock.handle(new FindStockQuery())) {
            names.put(line.itemId(), english ? line.nameEn() : line.nameNl());
            onHand.put(line.itemId(), line.onHand());
        }
        model.addAttribute("itemNames", names);
        model.addAttribute("onHand", onHand);
    }

    private static List<ExceptionKind> exceptionKinds(JobStatus status) {
        return status == JobStatus.HANDED_OVER ? List.of(ExceptionKind.values())
                : List.of(ExceptionKind.NOT_REACHABLE, ExceptionKind.ADDRESS_UNKNOWN);
    }

    /** Waits (briefly) until the queue's read model shows what the command did. */
    private void awaitJob(String jobId, Predicate<JobView> shown) {
        Instant until = Instant.now().plus(READ_YOUR_WRITES);
        while (Instant.now().isBefore(until)) {
            if (jobs.handle(new FindJobQuery(jobId)).filter(shown).isPresent()) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
