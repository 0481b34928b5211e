/**
 * Connections to PostgreSQL (R2DBC for the application, JDBC only for Flyway migrations) and Redis, and the
 * {@code hotline.*} settings they read.
 */
package com.hotlineops.core.config;
