package nl.startpakket.referral.web;

/** One invalid field: its path in the request, a message code and the code's arguments. */
public record FieldError(String field, String code, Object... args) {
}
