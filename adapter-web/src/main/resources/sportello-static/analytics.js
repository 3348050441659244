/* Draws the analytics charts from the configurations the server put in each canvas's data-chart attribute. */
(function () {
    'use strict';
    if (!window.Chart) {
        return;
    }
    document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
        var config = JSON.parse(canvas.dataset.chart);
        config.options = Object.assign({ responsive: true, maintainAspectRatio: false, animation: false },
            config.options || {});
        new window.Chart(canvas, config);
        canvas.dataset.rendered = 'true';
    });
}());
