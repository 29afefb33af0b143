package nl.startpakket.referral.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import nl.startpakket.platform.ServicePlatformConfiguration;
import nl.startpakket.referral.config.NotificationProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Status e-mails to a partner's web form users, over SMTP ({@code spring.mail.*},
 * {@code SPRING_MAIL_HOST}/{@code SPRING_MAIL_PORT}). Without an SMTP host e-mail is off: nothing
 * is scheduled for users, and the log says so once at start. An e-mail carries the referral id,
 * the status and the reason code, in Dutch unless the user chose English; no personal data.
 */
@Component
public class StatusEmails {

    private static final Logger log = LoggerFactory.getLogger(StatusEmails.class);
    /** The notification id, so a mail client or a person can tell a repeat from a new message. */
    public static final String NOTIFICATION_HEADER = "X-Startpakket-Notification";
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm")
            .withZone(ServicePlatformConfiguration.ZONE);

    private final JavaMailSender mail;
    private final MessageSource messages;
    private final String from;

    public StatusEmails(ObjectProvider<JavaMailSender> mail, MessageSource messages, NotificationProperties properties) {
        this.mail = mail.getIfAvailable();
        this.messages = messages;
        this.from = properties.getMailFrom();
        if (this.mail == null) {
            log.info("Status e-mails to partners' web form users are off: no SMTP host configured (spring.mail.host, SPRING_MAIL_HOST)");
        } else {
            log.info("Status e-mails to partners' web form users are on, from {}", from);
        }
    }

    public boolean isEnabled() {
        return mail != null;
    }

    SendOutcome send(String address, String language, NotificationView notification) {
        long start = System.nanoTime();
        Locale locale = "en".equals(language) ? Locale.ENGLISH : Locale.forLanguageTag("nl");
        String status = messages.getMessage("status." + notification.getStatus(), null, notification.getStatus().name(), locale);
        String reason = notification.getReason() == null ? ""
                : messages.getMessage("notification.email.reason", new Object[] {notification.getReason()}, locale);
        try {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(from);
            helper.setTo(address);
            helper.setSubject(messages.getMessage("notification.email.subject",
                    new Object[] {notification.getReferralId(), status}, locale));
            helper.setText(messages.getMessage("notification.email.body", new Object[] {notification.getReferralId(), status,
                    notification.getStatus().name(), reason, MOMENT.format(notification.getStatusAt())}, locale));
            message.setHeader(NOTIFICATION_HEADER, notification.getId());
            mail.send(message);
            return SendOutcome.delivered(null, start);
        } catch (MessagingException | MailException e) {
            return SendOutcome.failed(null, "SMTP: " + e.getMessage(), start);
        }
    }
}
