/**
 * The enterprise line (政企通, DESIGN.md §2.5): the unified social credit code of a company and the ledger (台账) of
 * enterprise tickets. The rules of enterprise tickets inside the lifecycle (audit by the business-environment office,
 * a revisit by a person for every one) live with the ticket commands.
 */
package com.hotlineops.core.enterprise;
