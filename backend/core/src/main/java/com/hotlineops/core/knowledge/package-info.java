/**
 * The policy knowledge base agents search while a citizen is on the line (DESIGN.md §2.5): articles with category,
 * owner and validity dates, and Chinese full-text search by character n-grams, ranked, in PostgreSQL.
 */
package com.hotlineops.core.knowledge;
