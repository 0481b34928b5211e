/** Small pieces the feature packages of the server share: periodic background jobs, followers of edited tables. */
package com.hotlineops.server.support;
