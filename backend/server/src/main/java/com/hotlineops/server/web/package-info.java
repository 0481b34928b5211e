/**
 * HTTP plumbing shared by the feature controllers: RFC 9457 problem details for every error.
 */
package com.hotlineops.server.web;
