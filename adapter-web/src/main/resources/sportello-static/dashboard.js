/*
 * Sportello dashboard: live updates over server-sent events, the "(n)" title and a short sound when
 * conversations need attention, and the 24-hour window countdowns. No inline scripts: the page's
 * Content-Security-Policy allows only files like this one.
 */
(function () {
    'use strict';

    var body = document.body;
    var conversationId = body.dataset.conversation || null;
    var baseTitle = body.dataset.title || document.title;
    var attention = parseInt(body.dataset.attention || '0', 10) || 0;
    var timers = {};

    function setTitle() {
        document.title = (attention > 0 ? '(' + attention + ') ' : '') + baseTitle;
    }

    function notice(text) {
        var box = document.getElementById('notice');
        if (!box) {
            return;
        }
        box.textContent = text;
        box.hidden = false;
        clearTimeout(timers.notice);
        timers.notice = setTimeout(function () { box.hidden = true; }, 8000);
    }

    /* A short two-tone chime made on the spot; browsers may keep it silent until the page was clicked once. */
    function chime() {
        try {
            var AudioCtx = window.AudioContext || window.webkitAudioContext;
            if (!AudioCtx) {
                return;
            }
            var ctx = chime.ctx || (chime.ctx = new AudioCtx());
            [880, 1320].forEach(function (frequency, i) {
                var start = ctx.currentTime + i * 0.18;
                var osc = ctx.createOscillator();
                var gain = ctx.createGain();
                osc.type = 'sine';
                osc.frequency.value = frequency;
                gain.gain.setValueAtTime(0.0001, start);
                gain.gain.exponentialRampToValueAtTime(0.2, start + 0.02);
                gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.3);
                osc.connect(gain).connect(ctx.destination);
                osc.start(start);
                osc.stop(start + 0.32);
            });
            body.dataset.chimes = String((parseInt(body.dataset.chimes || '0', 10) || 0) + 1);
        } catch (e) {
            /* the sound is a nicety; the title says it too */
        }
    }

    function checkAttention() {
        fetch('/dashboard/attention', { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
            .then(function (response) { return response.ok ? response.json() : null; })
            .then(function (data) {
                if (!data) {
                    return;
                }
                if (data.count > attention) {
                    chime();
                }
                attention = data.count;
                body.dataset.attention = String(attention);
                setTitle();
            })
            .catch(function () { /* the next event tries again */ });
    }

    /* Runs fn once, shortly after the last of a burst of calls with the same key. */
    function soon(key, fn) {
        if (timers[key]) {
            return;
        }
        timers[key] = setTimeout(function () {
            delete timers[key];
            fn();
        }, 250);
    }

    function refresh(id) {
        var element = document.getElementById(id);
        if (!element || !element.dataset.refreshUrl || !window.htmx) {
            return;
        }
        var url = element.dataset.refreshUrl;
        if (id === 'conversation-live' && document.visibilityState === 'visible') {
            url += (url.indexOf('?') < 0 ? '?' : '&') + 'visible=1';
        }
        htmx.ajax('GET', url, { target: '#' + id, swap: 'outerHTML' });
    }

    /* Something changed: the id of a conversation, or null for "anything may have changed". */
    function changed(id) {
        if (document.getElementById('conversation-list')) {
            soon('list', function () { refresh('conversation-list'); });
        }
        if (conversationId && (id === null || id === conversationId)) {
            soon('live', function () { refresh('conversation-live'); });
        }
        soon('attention', checkAttention);
    }

    function listen() {
        if (!window.EventSource || !body.dataset.live) {
            return;
        }
        var connectedBefore = false;
        var source = new EventSource(body.dataset.live);
        source.addEventListener('conversation', function (event) { changed(event.data); });
        source.addEventListener('statuses', function () { changed(null); });
        source.addEventListener('open', function () {
            if (connectedBefore) {
                changed(null); /* events may have been missed while reconnecting */
            }
            connectedBefore = true;
            body.dataset.liveState = 'connected';
        });
        source.addEventListener('error', function () { body.dataset.liveState = 'reconnecting'; });
    }

    function duration(seconds) {
        var minutes = Math.floor(seconds / 60);
        if (minutes < 1) {
            return body.dataset.durationUnder;
        }
        var hours = Math.floor(minutes / 60);
        var rest = minutes % 60;
        if (hours === 0) {
            return body.dataset.durationMinutes.replace('{0}', rest);
        }
        return rest === 0
            ? body.dataset.durationHours.replace('{0}', hours)
            : body.dataset.durationHoursMinutes.replace('{0}', hours).replace('{1}', rest);
    }

    /* Counts open windows down from what the server said when it rendered them (never the browser's clock). */
    function countDown() {
        var now = Date.now();
        document.querySelectorAll('[data-remaining]').forEach(function (element) {
            if (!element.dataset.since) {
                element.dataset.since = String(now);
            }
            var left = parseInt(element.dataset.remaining, 10)
                - Math.floor((now - parseInt(element.dataset.since, 10)) / 1000);
            if (isNaN(left)) {
                return;
            }
            if (left > 0) {
                element.textContent = body.dataset.windowOpen.replace('{0}', duration(left));
            } else if (element.dataset.expired !== 'true') {
                element.dataset.expired = 'true';
                element.textContent = body.dataset.windowClosed;
                element.classList.remove('open');
                element.classList.add('closed');
                if (element.closest('#conversation-live')) {
                    refresh('composer');
                }
            }
        });
    }

    function scrollToNewest() {
        var messages = document.getElementById('messages');
        if (messages) {
            messages.scrollTop = messages.scrollHeight;
        }
    }

    document.addEventListener('conversation-changed', function () { changed(conversationId); });
    document.addEventListener('htmx:afterSettle', function (event) {
        countDown();
        if (event.target && event.target.id === 'conversation-live') {
            scrollToNewest();
        }
    });
    document.addEventListener('htmx:responseError', function (event) {
        var xhr = event.detail.xhr;
        var text = xhr && xhr.responseText && xhr.responseText.length < 400 ? xhr.responseText : '';
        notice(text || body.dataset.requestFailed + ' (' + (xhr ? xhr.status : '?') + ')');
    });
    document.addEventListener('htmx:sendError', function () { notice(body.dataset.requestFailed); });

    setTitle();
    countDown();
    scrollToNewest();
    setInterval(countDown, 30000);
    listen();
}());
