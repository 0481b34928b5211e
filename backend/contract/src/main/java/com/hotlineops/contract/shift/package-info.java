/** Directors' hotline shifts (市直单位主要负责人接听, DESIGN.md §2.7) on the wire. */
package com.hotlineops.contract.shift;
