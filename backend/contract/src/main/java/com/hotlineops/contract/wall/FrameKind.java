package com.hotlineops.contract.wall;

/** The first frame of a subscription is a {@code SNAPSHOT}; the following ones are {@code UPDATE}s. */
public enum FrameKind {
    SNAPSHOT,
    UPDATE
}
