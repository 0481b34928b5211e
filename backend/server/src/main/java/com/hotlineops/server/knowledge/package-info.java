/** {@code /api/v1/knowledge}: the policy knowledge base over HTTP — search, suggestions while typing, editing. */
package com.hotlineops.server.knowledge;
