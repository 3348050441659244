/*
 * Sportello's WhatsApp simulator (demo mode): write as a customer and watch the answers arrive as on a phone.
 * The chats come from /simulator/chats as JSON and are drawn here with textContent only, so nothing a customer
 * or the bot wrote can become markup. The page refreshes on the dashboard's live events, with a slow poll as a
 * safety net, and tells the server when the open chat has been seen (the blue ticks on the dashboard).
 * No inline scripts: the Content-Security-Policy allows only files like this one.
 */
(function () {
    'use strict';

    var POLL_MS = 4000;
    var TICKS = { pending: '◷', sent: '✓', delivered: '✓✓', read: '✓✓', failed: '⚠' };

    var body = document.body;
    var lang = document.documentElement.lang || 'en';
    var selected = body.dataset.selected || null;
    var chats = [];
    var busy = false;
    var again = false;
    var timers = {};

    var list = document.getElementById('sim-chats');
    var messages = document.getElementById('phone-messages');
    var composer = document.getElementById('phone-composer');
    var input = document.getElementById('phone-text');
    var creator = document.getElementById('sim-new');
    var creatorError = document.getElementById('sim-error');

    function notice(text) {
        var box = document.getElementById('notice');
        box.textContent = text;
        box.hidden = false;
        clearTimeout(timers.notice);
        timers.notice = setTimeout(function () { box.hidden = true; }, 8000);
    }

    function request(method, url, data) {
        var options = { method: method, credentials: 'same-origin', headers: { 'Accept': 'application/json' } };
        if (method !== 'GET') {
            options.headers['Content-Type'] = 'application/json';
            options.headers['X-CSRF-Token'] = body.dataset.csrf;
            options.body = JSON.stringify(data || {});
        }
        return fetch(url, options).then(function (response) {
            if (!response.ok) {
                return response.text().then(function (text) {
                    var error = new Error(text && text.length < 400 ? text : body.dataset.requestFailed);
                    error.status = response.status;
                    throw error;
                });
            }
            return response.json();
        });
    }

    function element(tag, className, text) {
        var node = document.createElement(tag);
        if (className) {
            node.className = className;
        }
        if (text !== undefined && text !== null) {
            node.textContent = text;
        }
        return node;
    }

    function time(iso) {
        if (!iso) {
            return '';
        }
        return new Date(iso).toLocaleTimeString(lang, { hour: '2-digit', minute: '2-digit' });
    }

    function drawChats() {
        list.replaceChildren();
        chats.forEach(function (chat) {
            var item = element('li');
            var button = element('button', 'sim-chat' + (chat.phone === selected ? ' active' : ''));
            button.type = 'button';
            button.id = 'chat-' + chat.phone;
            button.dataset.phone = chat.phone;
            button.append(element('span', 'name', chat.name), element('span', 'number', chat.number));
            if (chat.last) {
                button.append(element('span', 'last', chat.last));
            }
            if (chat.unread > 0 && chat.phone !== selected) {
                var badge = element('span', 'unread', String(chat.unread));
                badge.title = body.dataset.unread.replace('{0}', chat.unread);
                button.append(badge);
            }
            button.addEventListener('click', function () { select(chat.phone); });
            item.append(button);
            list.append(item);
        });
    }

    function drawChat(chat) {
        document.getElementById('phone-name').textContent = chat.name;
        document.getElementById('phone-number').textContent = chat.number;
        document.getElementById('phone-avatar').textContent = (chat.name || '?').charAt(0).toUpperCase();
        var atBottom = messages.scrollHeight - messages.scrollTop - messages.clientHeight < 40;
        messages.replaceChildren();
        if (chat.messages.length === 0) {
            messages.append(element('li', 'empty', body.dataset.empty));
        }
        chat.messages.forEach(function (m) {
            var bubble = element('li', 'bubble ' + m.from);
            bubble.id = 'bubble-' + m.id;
            bubble.dataset.state = m.state;
            bubble.append(element('div', 'text', m.text));
            var meta = element('div', 'meta');
            var when = element('time', null, time(m.at));
            when.dateTime = m.at;
            meta.append(when);
            if (m.from === 'customer') {
                var ticks = element('span', 'ticks ' + m.state, TICKS[m.state] || '');
                var title = body.dataset['state' + m.state.charAt(0).toUpperCase() + m.state.slice(1)] || m.state;
                ticks.title = title;
                ticks.setAttribute('aria-label', title);
                meta.append(ticks);
            }
            bubble.append(meta);
            if (m.failure) {
                bubble.append(element('div', 'failure', m.failure));
            }
            messages.append(bubble);
        });
        if (atBottom || messages.dataset.phone !== chat.phone) {
            messages.scrollTop = messages.scrollHeight;
        }
        messages.dataset.phone = chat.phone;
    }

    /* The customer looks at the chat: what the business sent is read now. */
    function readIfShown(chat) {
        if (chat.unread > 0 && document.visibilityState === 'visible') {
            request('POST', '/simulator/chats/' + chat.phone + '/read').catch(function () { /* next refresh */ });
        }
    }

    function load() {
        return request('GET', '/simulator/chats').then(function (data) {
            chats = data.chats;
            if (!selected && chats.length > 0) {
                selected = chats[0].phone;
            }
            drawChats();
            if (!selected) {
                return null;
            }
            var asked = selected;
            return request('GET', '/simulator/chats/' + asked).then(function (chat) {
                if (chat.phone === selected) {
                    drawChat(chat);
                    readIfShown(chat);
                }
            }, function (error) {
                /* a list fetched before a new chat existed must not change the selection; a gone chat does */
                if (error.status !== 404 || asked !== selected) {
                    throw error;
                }
                selected = null;
                again = true;
            });
        });
    }

    /* One refresh at a time; a request for another while one runs is remembered, not lost. */
    function refresh() {
        if (busy) {
            again = true;
            return;
        }
        busy = true;
        load()
            .catch(function (error) { notice(error.message); })
            .then(function () {
                busy = false;
                body.dataset.refreshed = String((parseInt(body.dataset.refreshed || '0', 10) || 0) + 1);
                if (again) {
                    again = false;
                    refresh();
                }
            });
    }

    function soon() {
        if (timers.refresh) {
            return;
        }
        timers.refresh = setTimeout(function () {
            delete timers.refresh;
            refresh();
        }, 100);
    }

    function select(phone) {
        selected = phone;
        history.replaceState(null, '', '/simulator?chat=' + encodeURIComponent(phone));
        drawChats();
        refresh();
        input.focus();
    }

    function listen() {
        if (!window.EventSource || !body.dataset.live) {
            return;
        }
        var source = new EventSource(body.dataset.live);
        source.addEventListener('conversation', soon);
        source.addEventListener('statuses', soon);
        source.addEventListener('open', function () {
            body.dataset.liveState = 'connected';
            soon();
        });
        source.addEventListener('error', function () { body.dataset.liveState = 'reconnecting'; });
    }

    composer.addEventListener('submit', function (event) {
        event.preventDefault();
        var text = input.value;
        if (!selected || text.trim() === '') {
            return;
        }
        var button = document.getElementById('phone-send');
        button.disabled = true;
        request('POST', '/simulator/chats/' + selected + '/messages', { text: text })
            .then(function () { input.value = ''; })
            .catch(function (error) { notice(error.message); })
            .then(function () {
                button.disabled = false;
                input.focus();
                refresh();
            });
    });

    creator.addEventListener('submit', function (event) {
        event.preventDefault();
        var name = document.getElementById('sim-name');
        var phone = document.getElementById('sim-phone');
        creatorError.hidden = true;
        request('POST', '/simulator/chats', { name: name.value, phone: phone.value })
            .then(function (chat) {
                name.value = '';
                phone.value = '';
                select(chat.phone);
            })
            .catch(function (error) {
                creatorError.textContent = error.status === 400 ? body.dataset.invalid : error.message;
                creatorError.hidden = false;
            });
    });

    document.addEventListener('visibilitychange', function () {
        if (document.visibilityState === 'visible') {
            refresh();
        }
    });

    refresh();
    listen();
    setInterval(refresh, POLL_MS);
}());
