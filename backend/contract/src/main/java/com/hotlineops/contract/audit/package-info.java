/**
 * What the administration histories have in common (decisions 0032 and 0038): a changed field's value before and
 * after, as the changes of an account ({@code UserChange}) and of a partner ({@code PartnerChange}) carry it.
 */
package com.hotlineops.contract.audit;
