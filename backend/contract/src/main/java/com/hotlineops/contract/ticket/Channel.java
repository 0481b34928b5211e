package com.hotlineops.contract.ticket;

/** The intake channels of DESIGN.md §2.1 (一号对外、一网通办). */
public enum Channel {
    HOTLINE,
    ENTERPRISE_LINE,
    WEB_MESSAGE,
    PARTNER_12315,
    CPPCC,
    NPC_DEPUTY,
    WECHAT_GRID,
    CITY_APP,
    OPEN311
}
