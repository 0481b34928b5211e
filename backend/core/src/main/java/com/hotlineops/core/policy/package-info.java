/**
 * SLA policies as editable data (DESIGN.md §2.3): the administrators' view and edit of table {@code sla_policy}. An
 * edit moves the deadlines of open tickets in its own transaction and tells the other instances to reload.
 */
package com.hotlineops.core.policy;
