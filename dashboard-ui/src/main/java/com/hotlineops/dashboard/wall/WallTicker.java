package com.hotlineops.dashboard.wall;

/**
 * The wall's only script of its own, run once per page through {@code executeJs} (no frontend bundle, decision
 * 0005). Streams carry instants, not ticks (DESIGN.md §3), so the browser moves every clock on screen once a second
 * from the seconds the server last wrote, and edits the text node the server rendered, so the server's next update
 * simply replaces it:
 * <ul>
 *   <li>{@value #TICK_BASE}: seconds that count up (the longest wait, the stale banner's age);</li>
 *   <li>{@value #COUNTDOWN_BASE}: seconds left to a deadline, counting down and past zero into a minus sign
 *       ({@link WallFormat#countdown}); with {@value #RISK_BASE}, the seconds until the clock turns AT_RISK. The
 *       nearest ancestor carrying {@value #SLA_STATE} gets ON_TRACK, AT_RISK or OVERDUE as the clock crosses them.</li>
 * </ul>
 * Formatting is {@link WallFormat#duration}'s. It runs four times a second: a new value counts from when the script
 * first sees it, so a slower tick would lag behind the server's seconds by up to one tick.
 */
final class WallTicker {

    static final String TICK_BASE = "data-tick-base";
    static final String COUNTDOWN_BASE = "data-countdown-base";
    static final String RISK_BASE = "data-risk-base";
    static final String SLA_STATE = "data-sla";

    static final String SCRIPT = """
            if (window.hotlineWallTicker) { return; }
            const pad = n => String(n).padStart(2, '0');
            const format = s => s >= 3600
                ? Math.floor(s / 3600) + ':' + pad(Math.floor(s % 3600 / 60)) + ':' + pad(s % 60)
                : Math.floor(s / 60) + ':' + pad(s % 60);
            const elapsed = (el, attribute) => {
              const base = el.getAttribute(attribute);
              if (el.hotlineTickBase !== base) { el.hotlineTickBase = base; el.hotlineTickAt = Date.now(); }
              return Math.floor((Date.now() - el.hotlineTickAt) / 1000);
            };
            const write = (el, value) => {
              const text = el.firstChild;
              if (text && text.nodeType === Node.TEXT_NODE && text.nodeValue !== value) { text.nodeValue = value; }
            };
            const tick = () => {
              document.querySelectorAll('[data-tick-base]').forEach(el => {
                const passed = elapsed(el, 'data-tick-base');
                const base = el.getAttribute('data-tick-base');
                if (base !== '') { write(el, format(Number(base) + passed)); }
              });
              document.querySelectorAll('[data-countdown-base]').forEach(el => {
                const passed = elapsed(el, 'data-countdown-base');
                const base = el.getAttribute('data-countdown-base');
                if (base === '') { return; }
                const left = Number(base) - passed;
                write(el, left < 0 ? '\\u2212' + format(-left) : format(left));
                const risk = el.getAttribute('data-risk-base');
                const state = left < 0 ? 'OVERDUE'
                    : risk !== null && risk !== '' && Number(risk) - passed <= 0 ? 'AT_RISK' : 'ON_TRACK';
                const row = el.closest('[data-sla]');
                if (row && row.getAttribute('data-sla') !== state) { row.setAttribute('data-sla', state); }
              });
            };
            window.hotlineWallTicker = setInterval(tick, 250);
            """;

    private WallTicker() {
    }

    static String base(Long seconds) {
        return seconds == null ? "" : Long.toString(seconds);
    }
}
