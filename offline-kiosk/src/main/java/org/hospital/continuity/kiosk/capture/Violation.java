package org.hospital.continuity.kiosk.capture;

/**
 * One field a form cannot accept: the field as the request names it ({@code lines[2].quantity}) and
 * the message key whose text, in the cashier's language, says what to do ({@code error.quantity.positive}).
 */
public record Violation(String field, String messageKey) {
}
