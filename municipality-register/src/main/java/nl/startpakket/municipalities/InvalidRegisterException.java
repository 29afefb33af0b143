package nl.startpakket.municipalities;

/**
 * A register file that cannot be used: not readable, not UTF-8, a malformed line, a duplicate
 * code, a successor that is no municipality. The message names the file and, where there is
 * one, the line, so an operator can correct a replaced file.
 */
public class InvalidRegisterException extends RuntimeException {

    public InvalidRegisterException(String message) {
        super(message);
    }

    public InvalidRegisterException(String message, Throwable cause) {
        super(message, cause);
    }
}
