package nl.startpakket.referral.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.startpakket.events.Phase;
import nl.startpakket.referral.api.ReferralStatus;
import nl.startpakket.events.SealedData;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A referral as its partner sees it: status, history and enough to recognise it in a list (the
 * parent's name, kept only sealed with the referral's data key and opened when read, so it reads
 * "[erased]" once the key is gone). Built from the referral's events by the {@code referral-view}
 * processor. {@code closedAt}: when it was delivered, cancelled or rejected (for the retention rule).
 */
@Document(ReferralView.COLLECTION)
public class ReferralView {

    public static final String COLLECTION = "referral_views";

    @Id
    private String referralId;
    @Indexed
    private String partnerId;
    private String municipality;
    private Phase phase;
    private ReferralStatus status;
    private String rejectionReason;
    private ReferralStatus firstReferralStatus;
    private String cancellationReason;
    private SealedData personalData;
    @Transient
    private String parentName;
    @Indexed
    private Instant closedAt;
    private Instant erasedAt;
    private String erasureReason;
    private boolean consentFollowUp;
    private Instant submittedAt;
    private List<HistoryEntry> history = new ArrayList<>();

    /** One change the partner can see, identified by the stored event it came from (replays add nothing). */
    public record HistoryEntry(String eventId, ReferralStatus status, Instant at, String event, String detail) {
    }

    public boolean hasEntry(String eventId) {
        return history.stream().anyMatch(entry -> entry.eventId().equals(eventId));
    }

    public String getReferralId() {
        return referralId;
    }

    public void setReferralId(String referralId) {
        this.referralId = referralId;
    }

    public String getPartnerId() {
        return partnerId;
    }

    public void setPartnerId(String partnerId) {
        this.partnerId = partnerId;
    }

    public String getMunicipality() {
        return municipality;
    }

    public void setMunicipality(String municipality) {
        this.municipality = municipality;
    }

    public Phase getPhase() {
        return phase;
    }

    public void setPhase(Phase phase) {
        this.phase = phase;
    }

    public ReferralStatus getStatus() {
        return status;
    }

    public void setStatus(ReferralStatus status) {
        this.status = status;
    }

    public String getRejectionReason() {
        return rejectionReason;
    }

    public void setRejectionReason(String rejectionReason) {
        this.rejectionReason = rejectionReason;
    }

    public ReferralStatus getFirstReferralStatus() {
        return firstReferralStatus;
    }

    public void setFirstReferralStatus(ReferralStatus firstReferralStatus) {
        this.firstReferralStatus = firstReferralStatus;
    }

    public String getCancellationReason() {
        return cancellationReason;
    }

    public void setCancellationReason(String cancellationReason) {
        this.cancellationReason = cancellationReason;
    }

    public String getParentName() {
        return parentName;
    }

    public void setParentName(String parentName) {
        this.parentName = parentName;
    }

    public SealedData getPersonalData() {
        return personalData;
    }

    public void setPersonalData(SealedData personalData) {
        this.personalData = personalData;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public void setClosedAt(Instant closedAt) {
        this.closedAt = closedAt;
    }

    public Instant getErasedAt() {
        return erasedAt;
    }

    public void setErasedAt(Instant erasedAt) {
        this.erasedAt = erasedAt;
    }

    public String getErasureReason() {
        return erasureReason;
    }

    public void setErasureReason(String erasureReason) {
        this.erasureReason = erasureReason;
    }

    public boolean isErased() {
        return erasedAt != null;
    }

    public boolean isConsentFollowUp() {
        return consentFollowUp;
    }

    public void setConsentFollowUp(boolean consentFollowUp) {
        this.consentFollowUp = consentFollowUp;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public void setSubmittedAt(Instant submittedAt) {
        this.submittedAt = submittedAt;
    }

    public List<HistoryEntry> getHistory() {
        return history;
    }

    public void setHistory(List<HistoryEntry> history) {
        this.history = history;
    }
}
