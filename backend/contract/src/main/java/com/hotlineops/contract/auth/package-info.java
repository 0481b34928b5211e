/** Token requests and answers of the local issuer (DESIGN.md §4). */
package com.hotlineops.contract.auth;
