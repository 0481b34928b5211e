package com.hotlineops.dashboard.console.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CursorPagesTests {

    private final CursorPages pages = new CursorPages();

    @Test
    void firstPageThenNoCursorAndNoWayBack() {
        assertThat(pages.current()).isNull();
        assertThat(pages.pageNumber()).isEqualTo(1);
        assertThat(pages.hasPrevious()).isFalse();
        assertThat(pages.hasNext()).isFalse();
    }

    @Test
    void forwardTwiceThenBackReturnsTheCursorsThatLedThere() {
        pages.shown("c2");
        assertThat(pages.forward()).isEqualTo("c2");
        pages.shown("c3");
        assertThat(pages.forward()).isEqualTo("c3");
        pages.shown(null);

        assertThat(pages.pageNumber()).isEqualTo(3);
        assertThat(pages.hasNext()).as("last page").isFalse();
        assertThat(pages.back()).isEqualTo("c2");
        assertThat(pages.back()).isNull();
        assertThat(pages.hasPrevious()).isFalse();
    }

    @Test
    void lastPageThenForwardRefused() {
        pages.shown(null);

        assertThatThrownBy(pages::forward).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void restartThenFirstPageAgain() {
        pages.shown("c2");
        pages.forward();

        assertThat(pages.restart()).isNull();
        assertThat(pages.pageNumber()).isEqualTo(1);
        assertThat(pages.hasPrevious()).isFalse();
    }
}
