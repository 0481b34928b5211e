package com.hotlineops.server.org;

import com.hotlineops.core.org.OrgDirectory;
import com.hotlineops.core.org.OrgUnit;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

/** The organisation tree, ordered by code. Names and codes only: nothing personal. */
@RestController
@RequestMapping("/api/v1/org")
class OrgController {

    private final OrgDirectory org;

    OrgController(OrgDirectory org) {
        this.org = org;
    }

    @GetMapping("/units")
    Flux<OrgUnit> units() {
        return org.all();
    }
}
