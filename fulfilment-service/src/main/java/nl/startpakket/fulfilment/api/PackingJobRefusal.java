package nl.startpakket.fulfilment.api;

/**
 * A job refused a request: not possible in its current status, held by someone else, or given
 * inconsistent details. The web layer answers it as problem+json.
 */
public class PackingJobRefusal extends RuntimeException {

    /** What kind of refusal, which decides the HTTP status. */
    public enum Kind {
        /** Held by another volunteer (409, with who holds it). */
        HELD_BY_OTHER,
        /** Not possible in the job's current status (409). */
        ILLEGAL_TRANSITION,
        /** The request itself is incomplete or inconsistent (400). */
        INVALID_REQUEST
    }

    private final Kind kind;
    private final String jobId;
    private final JobStatus status;
    private final String heldBy;
    private final String code;

    public PackingJobRefusal(Kind kind, String jobId, JobStatus status, String heldBy, String code, String message) {
        super(message);
        this.kind = kind;
        this.jobId = jobId;
        this.status = status;
        this.heldBy = heldBy;
        this.code = code;
    }

    public static PackingJobRefusal heldByOther(String jobId, JobStatus status, String heldBy) {
        return new PackingJobRefusal(Kind.HELD_BY_OTHER, jobId, status, heldBy, "held-by-other",
                "Job " + jobId + " is held by " + heldBy + ".");
    }

    public static PackingJobRefusal illegal(String jobId, JobStatus status, String action) {
        return new PackingJobRefusal(Kind.ILLEGAL_TRANSITION, jobId, status, null, "illegal-transition",
                "Cannot " + action + " job " + jobId + " while it is " + status + ".");
    }

    /** @param code a stable name of the broken rule, e.g. {@code carrier-reference-required} */
    public static PackingJobRefusal invalid(String jobId, JobStatus status, String code, String message) {
        return new PackingJobRefusal(Kind.INVALID_REQUEST, jobId, status, null, code, message);
    }

    public Kind kind() {
        return kind;
    }

    public String jobId() {
        return jobId;
    }

    public JobStatus status() {
        return status;
    }

    public String heldBy() {
        return heldBy;
    }

    /** A stable name of the broken rule (for messages in the user's language). */
    public String code() {
        return code;
    }
}
