package com.hotlineops.dashboard.wall;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.component.html.Div;

/**
 * Calls offered per minute in the last hour against the same minutes a week earlier, drawn by ECharts in the browser
 * (decision 0015). ECharts comes from its WebJar at run time, so no frontend bundle is built (decision 0005); the
 * element is a plain {@code div} that the script below turns into a chart once.
 *
 * <p>The series travels as the element's {@code data-series} attribute and the script redraws when it changes. An
 * attribute is state: Vaadin sends only its latest value, so a wall whose push connection is down owes the browser one
 * series, not one script call per frame (each call queued with its data grew a disconnected wall by about 22 KB a
 * minute, docs/benchmarks.md "Wall sessions").
 */
@JavaScript("context://webjars/echarts/5.3.1/dist/echarts.min.js")
class VolumeChart extends Div {

    /**
     * Makes the element a chart that draws its {@code data-series} attribute (a {@link VolumeSeries#json()}) whenever
     * it changes, with the series names of {@code data-label-today} and {@code data-label-week}. Sizes follow the
     * screen height, so 1080p and 4K walls read the same from 5 m; a ResizeObserver keeps the canvas the size of its
     * box. Sets {@code data-points} once drawn, for the browser tests. Installing twice on one element does nothing.
     */
    static final String INSTALL = """
            const el = this;
            if (el.__volumeChart) { return; }
            el.__volumeChart = true;
            const draw = () => {
              const json = el.getAttribute('data-series');
              if (!json) { return; }
              if (!window.echarts) { el.setAttribute('data-chart-error', 'echarts not loaded'); return; }
              let chart = window.echarts.getInstanceByDom(el);
              if (!chart) {
                chart = window.echarts.init(el, 'dark', { renderer: 'canvas' });
                new ResizeObserver(() => chart.resize()).observe(el);
              }
              const data = JSON.parse(json);
              const fs = Math.max(12, Math.round(window.innerHeight * 0.019));
              chart.setOption({
                backgroundColor: 'transparent',
                animation: false,
                textStyle: { fontSize: fs, fontFamily: getComputedStyle(el).fontFamily },
                grid: { left: fs * 3, right: fs, top: fs * 2.6, bottom: fs * 2 },
                legend: { top: 0, right: 0, itemWidth: fs * 1.6, itemHeight: fs * 0.7,
                          textStyle: { fontSize: fs, color: '#c8ccd4' } },
                xAxis: { type: 'category', boundaryGap: false, data: data.minutes,
                         axisLabel: { fontSize: fs, color: '#aab0bb', interval: 14 },
                         axisLine: { lineStyle: { color: '#5b6270' } } },
                yAxis: { type: 'value', minInterval: 1,
                         axisLabel: { fontSize: fs, color: '#aab0bb' },
                         splitLine: { lineStyle: { color: 'rgba(255,255,255,0.08)' } } },
                series: [
                  { name: el.getAttribute('data-label-today'), type: 'line', data: data.today, showSymbol: false,
                    smooth: 0.2, lineStyle: { width: Math.max(2, fs / 6), color: '#42a5f5' },
                    itemStyle: { color: '#42a5f5' }, areaStyle: { color: 'rgba(66,165,245,0.18)' } },
                  { name: el.getAttribute('data-label-week'), type: 'line', data: data.weekEarlier,
                    showSymbol: false, smooth: 0.2,
                    lineStyle: { width: Math.max(2, fs / 8), type: 'dashed', color: '#9e9e9e' },
                    itemStyle: { color: '#9e9e9e' } }
                ]
              }, { notMerge: false, lazyUpdate: true });
              el.setAttribute('data-points', String(data.minutes.length));
            };
            new MutationObserver(draw).observe(el, { attributes: true, attributeFilter: ['data-series'] });
            draw();
            """;

    private VolumeSeries shown;

    VolumeChart() {
        setId("wall-volume-chart");
        addClassName("wall-volume-chart");
    }

    /** Sets the series for the browser to draw when it differs from what the chart shows. */
    void show(VolumeSeries series) {
        if (series.equals(shown)) {
            return;
        }
        shown = series;
        getElement().setAttribute("data-series", series.json());
    }

    @Override
    protected void onAttach(AttachEvent event) {
        // First attach, or a reloaded page with a new element: make it a chart; it draws the attribute it has.
        getElement().setAttribute("data-label-today", getTranslation("wall.board.volume.today"));
        getElement().setAttribute("data-label-week", getTranslation("wall.board.volume.weekEarlier"));
        getElement().executeJs(INSTALL);
    }
}
