/** Small pieces the feature packages of the server share: periodic background jobs. */
package com.hotlineops.server.support;
