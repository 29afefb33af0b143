package nl.startpakket.fulfilment.web;

import nl.startpakket.fulfilment.api.PackingJobRefusal;
import nl.startpakket.fulfilment.api.StockRefusal;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Texts of the pages in the user's language, and refusals turned into a message on the next page. */
@Component
public class PageMessages {

    private final MessageSource messages;

    public PageMessages(MessageSource messages) {
        this.messages = messages;
    }

    public String text(String code, Object... args) {
        return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
    }

    public void success(RedirectAttributes redirect, String code, Object... args) {
        redirect.addFlashAttribute("flash", text(code, args));
    }

    /**
     * Runs a command on behalf of a page: a refusal becomes an error message for the next page.
     * Returns whether it succeeded.
     */
    public boolean attempt(RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
            return true;
        } catch (PackingJobRefusal refusal) {
            String status = refusal.status() == null ? "" : text("status." + refusal.status().name());
            redirect.addFlashAttribute("error", text("refusal." + refusal.code(), refusal.heldBy(), status));
        } catch (StockRefusal refusal) {
            redirect.addFlashAttribute("error", text("refusal.invalid", refusal.getMessage()));
        } catch (AggregateNotFoundException e) {
            redirect.addFlashAttribute("error", text("refusal.not-found"));
        } catch (ConcurrencyException e) {
            redirect.addFlashAttribute("error", text("refusal.concurrent"));
        }
        return false;
    }
}
