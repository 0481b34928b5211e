package com.hotlineops.dashboard.console.ticket;

import org.springframework.stereotype.Component;

/** The name of a ticket's category, by its code. */
@Component
public class CategoryNames {

    /** The category's name; the code itself when it is not known, empty when there is none. */
    public String name(String code) {
        return code == null ? "" : code;
    }
}
