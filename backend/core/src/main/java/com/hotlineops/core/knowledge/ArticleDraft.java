package com.hotlineops.core.knowledge;

import java.time.LocalDate;

/** What an editor sends to create or replace an article. */
public record ArticleDraft(String title, String body, String category, String owner, LocalDate validFrom,
        LocalDate validTo) {

    /** Why the draft cannot be saved, or null. */
    public String problem() {
        if (title == null || title.isBlank() || title.length() > 200) {
            return "title is required, at most 200 characters";
        }
        if (body == null || body.isBlank() || body.length() > 50_000) {
            return "body is required, at most 50000 characters";
        }
        if (validFrom != null && validTo != null && validTo.isBefore(validFrom)) {
            return "validTo must not be before validFrom";
        }
        return null;
    }
}
