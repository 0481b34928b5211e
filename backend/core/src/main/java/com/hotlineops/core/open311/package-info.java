/**
 * The Open311 GeoReport v2 channel (DESIGN.md §2.1, §4): the service list from the category tree, requests submitted
 * by Open311 clients (partners allowed channel OPEN311) as OPEN311 tickets, and the public read model of those requests
 * — which never carries the submitter's name, phone or e-mail (decision 0017).
 */
package com.hotlineops.core.open311;
