package nl.startpakket.referral.web;

import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.security.Principal;
import java.util.stream.Collectors;
import nl.startpakket.municipalities.MunicipalityRegister;
import nl.startpakket.referral.history.HistoricImportInterruptedException;
import nl.startpakket.referral.history.HistoricImports;
import nl.startpakket.referral.history.HistoryCheck;
import nl.startpakket.referral.history.HistoryRefusedException;
import nl.startpakket.referral.history.UnreadableHistoryFileException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The coordinator's page for history: upload a file, see the dry run (rows accepted, rows refused
 * with their row numbers and reasons, columns not read), then confirm the import. Between the dry
 * run and the confirmation the session keeps the check (the rows as read, no personal data),
 * never the file; a file with refused rows cannot be confirmed. Every import goes through
 * {@link HistoricImports}, like the API, under the signed-in coordinator's name.
 */
@Controller
public class ImportPageController {

    static final String CHECK = "historyCheck";

    private final HistoricImports imports;
    private final MunicipalityRegister register;

    public ImportPageController(HistoricImports imports, MunicipalityRegister register) {
        this.imports = imports;
        this.register = register;
    }

    @ModelAttribute("coordinator")
    public String coordinator(Principal principal) {
        return principal == null ? null : principal.getName();
    }

    @GetMapping("/imports")
    public String page(Model model) {
        model.addAttribute("imports", imports.list());
        return "imports";
    }

    @PostMapping("/imports/check")
    public String check(@RequestParam(name = "file", required = false) MultipartFile file, HttpSession session, Model model)
            throws IOException {
        session.removeAttribute(CHECK);
        if (file == null || file.isEmpty()) {
            model.addAttribute("fileError", "ui.imports.noFile");
            return page(model);
        }
        try {
            HistoryCheck check = imports.check(file.getOriginalFilename(), file.getBytes());
            boolean tooManyRows = imports.tooManyRows(check);
            if (check.refused().isEmpty() && !check.accepted().isEmpty() && !tooManyRows) {
                session.setAttribute(CHECK, check);
            }
            model.addAttribute("check", check);
            model.addAttribute("alreadyImported", imports.imported(check));
            model.addAttribute("tooManyRows", tooManyRows);
            model.addAttribute("rowLimit", imports.maxRows());
            model.addAttribute("municipalityNames", check.municipalities().keySet().stream()
                    .collect(Collectors.toMap(code -> code, register::nameWithCode)));
        } catch (UnreadableHistoryFileException e) {
            model.addAttribute("unreadable", e.getMessage());
        }
        return page(model);
    }

    @PostMapping("/imports")
    public String confirm(@RequestParam String importId, HttpSession session, Principal coordinator, RedirectAttributes redirect) {
        Object kept = session.getAttribute(CHECK);
        if (!(kept instanceof HistoryCheck check) || !check.importId().equals(importId)) {
            redirect.addFlashAttribute("expired", true);
            return "redirect:/imports";
        }
        try {
            HistoricImports.ImportOutcome outcome = imports.importChecked(coordinator.getName(), check);
            session.removeAttribute(CHECK);
            redirect.addFlashAttribute("outcome", ImportReport.of(outcome, imports.maxRows()));
        } catch (HistoryRefusedException e) {
            redirect.addFlashAttribute("expired", true);
        } catch (HistoricImportInterruptedException e) {
            redirect.addFlashAttribute("interrupted", true);
        }
        return "redirect:/imports";
    }
}
