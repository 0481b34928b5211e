/** The category tree of requests (诉求分类) on the wire. */
package com.hotlineops.contract.category;
