package nl.startpakket.localstack;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The demo inbox: an SMTP server (GreenMail) in the launcher's JVM that accepts every message, so
 * the services' e-mails (referral-service's status e-mails to partners' web form users) go
 * nowhere but here. Read it three ways: {@code logs/mail.log} (a block per message), IMAP on
 * {@link #imapPort()} (user and password = the address), or {@link #received()} in a test.
 * In memory: a restart of the stack starts with an empty inbox.
 */
public final class DemoMailServer implements AutoCloseable {

    /** One message as it arrived. */
    public record Mail(Instant receivedAt, List<String> to, String subject, String notificationId, String body) {
    }

    private final GreenMail greenMail;
    private final Path log;
    private final ScheduledExecutorService logger;
    private int logged;

    private DemoMailServer(GreenMail greenMail, Path log) {
        this.greenMail = greenMail;
        this.log = log;
        this.logger = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "demo-mail-log");
            thread.setDaemon(true);
            return thread;
        });
        logger.scheduleWithFixedDelay(this::writeLog, 500, 500, TimeUnit.MILLISECONDS);
    }

    /** SMTP on {@code host:smtpPort} and IMAP on {@code host:imapPort} (0: free ports); each message also to {@code log}. */
    public static DemoMailServer start(String host, int smtpPort, int imapPort, Path log) {
        GreenMail greenMail = new GreenMail(new ServerSetup[] {
                port(new ServerSetup(smtpPort, host, ServerSetup.PROTOCOL_SMTP), smtpPort),
                port(new ServerSetup(imapPort, host, ServerSetup.PROTOCOL_IMAP), imapPort)});
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            greenMail.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            greenMail.stop();
            throw new IllegalStateException("Cannot start the demo mail server on " + host + ":" + smtpPort + " (in use?)", e);
        }
        return new DemoMailServer(greenMail, log);
    }

    private static ServerSetup port(ServerSetup setup, int port) {
        return port == 0 ? setup.dynamicPort() : setup;
    }

    public String host() {
        return greenMail.getSmtp().getBindTo();
    }

    public int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    public int imapPort() {
        return greenMail.getImap().getPort();
    }

    /** Every message received so far, oldest first. */
    public List<Mail> received() {
        List<Mail> mails = new ArrayList<>();
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            mails.add(mail(message));
        }
        return mails;
    }

    private static Mail mail(MimeMessage message) {
        try {
            Address[] recipients = message.getAllRecipients();
            List<String> to = recipients == null ? List.of() : Arrays.stream(recipients).map(Address::toString).toList();
            Object content = message.getContent();
            String[] id = message.getHeader("X-Startpakket-Notification");
            Instant at = message.getReceivedDate() == null ? Instant.now() : message.getReceivedDate().toInstant();
            return new Mail(at, to, message.getSubject(), id == null ? null : id[0], content instanceof String text ? text : "");
        } catch (MessagingException | IOException e) {
            return new Mail(Instant.now(), List.of(), "(unreadable: " + e.getMessage() + ")", null, "");
        }
    }

    private synchronized void writeLog() {
        try {
            List<Mail> mails = received();
            StringBuilder text = new StringBuilder();
            for (; logged < mails.size(); logged++) {
                Mail mail = mails.get(logged);
                text.append("---- ").append(mail.receivedAt()).append(" to ").append(String.join(", ", mail.to()))
                        .append(" (").append(mail.notificationId()).append(")\n")
                        .append("Subject: ").append(mail.subject()).append('\n').append(mail.body().strip()).append("\n\n");
            }
            if (!text.isEmpty()) {
                Files.writeString(log, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
        } catch (IOException | RuntimeException e) {
            // the inbox stays readable over IMAP; the log file is a convenience
        }
    }

    @Override
    public void close() {
        logger.shutdownNow();
        writeLog();
        greenMail.stop();
    }
}
