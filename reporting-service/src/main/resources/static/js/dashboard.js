/* Draws the dashboard's charts from the data the server put in #chart-data (no inline script,
   so the content security policy can forbid it). A suppressed count arrives as null with its
   mark: "<5" is drawn as a pale bar up to the threshold, "x" (hidden so that no "<5" can be
   worked out; the threshold or more) as a paler bar with a heavy outline up to the threshold;
   the tooltip names the mark, never a number. */
(function () {
    'use strict';
    var COLORS = ['#0b6e4f', '#f4a259', '#4a7bd0', '#bc4b51', '#8cb369', '#5b5f97'];

    function ready() {
        var holder = document.getElementById('chart-data');
        if (!holder || typeof Chart === 'undefined') {
            document.body.setAttribute('data-charts', 'unavailable');
            return;
        }
        var data = JSON.parse(holder.getAttribute('data-chart'));
        threshold = data.threshold || 5;
        Chart.defaults.animation = false;
        Chart.defaults.maintainAspectRatio = false;
        Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
        var drawn = holder.getAttribute('data-kind') === 'comparison' ? comparison(data) : dashboard(data);
        document.body.setAttribute('data-charts', String(drawn));
    }

    var threshold = 5;

    /* A dataset whose suppressed (null) values show as pale bars up to the threshold, by their mark. */
    function dataset(label, values, color, marks) {
        var mark = function (i) { return (marks && marks[i]) || ('<' + threshold); };
        return {
            label: label,
            data: values.map(function (v) { return v === null ? threshold : v; }),
            marks: values.map(function (v, i) { return v === null ? mark(i) : null; }),
            backgroundColor: values.map(function (v, i) {
                return v === null ? pale(color, mark(i) === 'x' ? 0.08 : 0.18) : color;
            }),
            borderColor: color,
            borderWidth: values.map(function (v, i) { return v === null ? (mark(i) === 'x' ? 2.5 : 1) : 0; })
        };
    }

    function pale(hex, alpha) {
        var n = parseInt(hex.slice(1), 16);
        return 'rgba(' + (n >> 16) + ',' + ((n >> 8) & 255) + ',' + (n & 255) + ',' + alpha + ')';
    }

    function tooltip() {
        return {
            callbacks: {
                label: function (ctx) {
                    var mark = ctx.dataset.marks && ctx.dataset.marks[ctx.dataIndex];
                    return (ctx.dataset.label ? ctx.dataset.label + ': ' : '') + (mark || ctx.formattedValue);
                }
            }
        };
    }

    /* The legend of the pale bars; that of the outlined ones only where a chart has one. */
    function subtitle(data, marks) {
        var secondary = marks.some(function (m) { return m && m.indexOf('x') >= 0; });
        return { display: data.suppressed, text: secondary ? [data.suppressedLabel, data.secondaryLabel] : data.suppressedLabel,
            color: '#616e7c', font: { size: 11 } };
    }

    function title(text) {
        return { display: true, text: text, font: { size: 14, weight: 'bold' } };
    }

    function bars(id, spec, data, color, horizontal) {
        var canvas = document.getElementById(id);
        if (!canvas || !spec) { return 0; }
        new Chart(canvas, {
            type: 'bar',
            data: { labels: spec.labels, datasets: [dataset(spec.seriesName, spec.values, color, spec.marks)] },
            options: {
                indexAxis: horizontal ? 'y' : 'x',
                plugins: { title: title(spec.title), subtitle: subtitle(data, [spec.marks]), legend: { display: false },
                    tooltip: tooltip() },
                scales: { y: { beginAtZero: true, ticks: { precision: 0 } }, x: { beginAtZero: true, ticks: { precision: 0 } } }
            }
        });
        return 1;
    }

    function dashboard(data) {
        var drawn = 0;
        var m = data.monthly;
        new Chart(document.getElementById('chart-monthly'), {
            type: 'bar',
            data: {
                labels: m.labels,
                datasets: [dataset(m.firstName, m.first, COLORS[0], m.firstMarks),
                    dataset(m.secondName, m.second, COLORS[1], m.secondMarks)]
            },
            options: {
                plugins: { title: title(m.title), subtitle: subtitle(data, [m.firstMarks, m.secondMarks]), tooltip: tooltip() },
                scales: { y: { beginAtZero: true, ticks: { precision: 0 } } }
            }
        });
        drawn++;
        var cap = data.cap;
        var capCanvas = document.getElementById('chart-cap');
        if (cap && capCanvas) {
            var used = cap.used;
            var remaining = used === null ? null : Math.max(cap.cap - used, 0);
            new Chart(capCanvas, {
                type: 'doughnut',
                data: {
                    labels: [cap.usedLabel, cap.remainingLabel],
                    datasets: [{ data: used === null ? [0, cap.cap] : [used, remaining], backgroundColor: [COLORS[0], '#d9e2ec'],
                        marks: used === null ? [cap.usedMark || '<' + threshold, '?'] : null }]
                },
                options: {
                    plugins: {
                        title: title(cap.title + ': ' + (used === null ? (cap.usedMark || '<' + threshold) : used) + ' / ' + cap.cap),
                        tooltip: tooltip()
                    }
                }
            });
            document.getElementById('cap-forecast').textContent = cap.forecast;
            drawn++;
        } else if (capCanvas) {
            capCanvas.parentNode.style.display = 'none';
        }
        drawn += bars('chart-intermediaries', data.intermediaries, data, COLORS[2], true);
        drawn += bars('chart-lead-time', data.leadTime, data, COLORS[0], false);
        drawn += bars('chart-weeks-before', data.weeksBeforeDueDate, data, COLORS[4], false);
        drawn += bars('chart-pregnancy-week', data.pregnancyWeek, data, COLORS[5], false);
        return drawn;
    }

    function comparison(data) {
        new Chart(document.getElementById('chart-comparison'), {
            type: 'bar',
            data: {
                labels: data.labels,
                datasets: [
                    { label: data.firstName, data: data.first, backgroundColor: COLORS[0] },
                    { label: data.secondName, data: data.second, backgroundColor: COLORS[1] }
                ]
            },
            options: {
                plugins: { title: title(data.title) },
                scales: { y: { beginAtZero: true, ticks: { precision: 0 } } }
            }
        });
        return 1;
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', ready);
    } else {
        ready();
    }
})();
