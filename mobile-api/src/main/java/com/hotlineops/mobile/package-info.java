/**
 * The mobile edge: one Spring Boot WebFlux app serving phones over RSocket and REST on top of the core library.
 * Features live in sub-packages ({@code auth}, {@code feed}, {@code ticket}); {@code security}, {@code rsocket} and
 * {@code web} hold the transport-wide concerns.
 */
package com.hotlineops.mobile;
