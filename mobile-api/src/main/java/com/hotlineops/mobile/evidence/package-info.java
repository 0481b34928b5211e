/**
 * {@code /mobile/v1/tickets/{id}/photos}: photo evidence from the phone (REST; the body is the image itself, so a
 * client can report upload progress with any HTTP library).
 */
package com.hotlineops.mobile.evidence;
