package nl.startpakket.referral.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import nl.startpakket.events.DeliveryMethod;
import nl.startpakket.events.Phase;

/**
 * The web form's fields as typed (strings, so a half-filled form comes back as it was). Turned
 * into a {@link ReferralRequest} and checked by the same rules as the API.
 */
public class ReferralForm {

    private String municipality;
    private String phase = "BABY";
    private String expectedDueDate;
    private String childBirthDate;
    private ParentForm parent = new ParentForm();
    private String deliveryMethod;
    private Boolean consentFollowUp;
    private String notes;

    /** The parent's name and address as typed. */
    public static class ParentForm {
        private String name;
        private String street;
        private String houseNumber;
        private String postalCode;
        private String city;
        private String phone;
        private String email;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getStreet() {
            return street;
        }

        public void setStreet(String street) {
            this.street = street;
        }

        public String getHouseNumber() {
            return houseNumber;
        }

        public void setHouseNumber(String houseNumber) {
            this.houseNumber = houseNumber;
        }

        public String getPostalCode() {
            return postalCode;
        }

        public void setPostalCode(String postalCode) {
            this.postalCode = postalCode;
        }

        public String getCity() {
            return city;
        }

        public void setCity(String city) {
            this.city = city;
        }

        public String getPhone() {
            return phone;
        }

        public void setPhone(String phone) {
            this.phone = phone;
        }

        public String getEmail() {
            return email;
        }

        public void setEmail(String email) {
            this.email = email;
        }
    }

    /** The request, with the fields that could not even be read (dates, choices) as errors. */
    ReferralRequest toRequest(List<FieldError> unreadable) {
        Phase parsedPhase = parseEnum(Phase.class, phase, "phase", "referral.phase.required", unreadable);
        LocalDate due = parsedPhase == Phase.BABY ? parseDate(expectedDueDate, "expectedDueDate", unreadable) : null;
        LocalDate birth = parsedPhase == Phase.TODDLER ? parseDate(childBirthDate, "childBirthDate", unreadable) : null;
        DeliveryMethod method = parseEnum(DeliveryMethod.class, deliveryMethod, "deliveryMethod", "referral.deliveryMethod.required",
                unreadable);
        return new ReferralRequest(blankToNull(municipality), parsedPhase, due, birth,
                new ReferralRequest.ParentRequest(parent.name, parent.street, parent.houseNumber, parent.postalCode, parent.city,
                        parent.phone, parent.email),
                method, consentFollowUp, notes);
    }

    private static LocalDate parseDate(String value, String field, List<FieldError> unreadable) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            unreadable.add(new FieldError(field, "referral.date.format"));
            return null;
        }
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String field, String code, List<FieldError> unreadable) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            unreadable.add(new FieldError(field, code));
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    public String getMunicipality() {
        return municipality;
    }

    public void setMunicipality(String municipality) {
        this.municipality = municipality;
    }

    public String getPhase() {
        return phase;
    }

    public void setPhase(String phase) {
        this.phase = phase;
    }

    public String getExpectedDueDate() {
        return expectedDueDate;
    }

    public void setExpectedDueDate(String expectedDueDate) {
        this.expectedDueDate = expectedDueDate;
    }

    public String getChildBirthDate() {
        return childBirthDate;
    }

    public void setChildBirthDate(String childBirthDate) {
        this.childBirthDate = childBirthDate;
    }

    public ParentForm getParent() {
        return parent;
    }

    public void setParent(ParentForm parent) {
        this.parent = parent;
    }

    public String getDeliveryMethod() {
        return deliveryMethod;
    }

    public void setDeliveryMethod(String deliveryMethod) {
        this.deliveryMethod = deliveryMethod;
    }

    public Boolean getConsentFollowUp() {
        return consentFollowUp;
    }

    public void setConsentFollowUp(Boolean consentFollowUp) {
        this.consentFollowUp = consentFollowUp;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }
}
