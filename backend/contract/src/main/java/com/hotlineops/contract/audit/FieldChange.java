package com.hotlineops.contract.audit;

/** A field's value before and after a change; null where it had none. */
public record FieldChange(Object before, Object after) {
}
