/**
 * RSocket transports and their shared error mapping. Phones reach the same responder over WebSocket on the HTTP
 * port ({@code /rsocket}) and over TCP; both carry the same interceptors, so security is identical on either.
 */
package com.hotlineops.mobile.rsocket;
