package nl.startpakket.referral.api;

/** The referral's current status does not allow the request (e.g. cancelling a delivered one). */
public class ReferralStateException extends RuntimeException {

    public ReferralStateException(String message) {
        super(message);
    }
}
