package nl.startpakket.platform.messaging;

/**
 * A message that can never be processed (unparseable, unknown type or schema version). It is not
 * retried: it goes straight to the dead-letter topic with this message as the reason.
 */
public class PoisonMessageException extends RuntimeException {

    public PoisonMessageException(String message) {
        super(message);
    }

    public PoisonMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
