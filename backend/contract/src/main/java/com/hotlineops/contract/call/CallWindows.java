package com.hotlineops.contract.call;

/**
 * The figures of DESIGN.md §2.4 for the calls offered today so far (Asia/Shanghai), in the last 15 minutes and in the
 * last 60 minutes.
 */
public record CallWindows(CallFigures today, CallFigures last15Minutes, CallFigures last60Minutes) {
}
