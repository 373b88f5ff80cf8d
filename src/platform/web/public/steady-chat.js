// The chat page: gets a Direct Line token from our server (never a secret), remembers the person in
// local storage, and hands the connection to Microsoft's Web Chat. Texts come from the page's
// config block, which the server fills from content/.
(function () {
  'use strict';

  var STORAGE_KEY = 'steady.chat.v1';
  // One line to show after the page reloads itself (kept for this tab only).
  var NOTICE_KEY = 'steady.chat.notice';
  var EXPIRED_TOKEN = 3; // botframework-directlinejs ConnectionStatus.ExpiredToken
  // The bot sends this event after "delete my data" has been confirmed (every channel gets it).
  var DATA_DELETED_EVENT = 'steady.dataDeleted';
  // Phone and text-message links: what a person in trouble needs most on a phone.
  var PHONE_LINK = /^(tel:\+?[0-9]+|sms:\+?[0-9]+(\?&?body=[0-9A-Za-z%+ -]*)?)$/i;

  var config = JSON.parse(document.getElementById('steady-config').textContent);
  var statusElement = document.getElementById('status');
  // Set once Web Chat runs: puts the "too long" line in the chat.
  var sayTooLong = function () {};

  // Colours checked for 7:1 contrast (WCAG AAA) on the backgrounds they sit on.
  var STYLE = {
    accent: '#245752',
    backgroundColor: '#f6f8f7',
    primaryFont: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
    bubbleBackground: '#ffffff',
    bubbleBorderColor: '#c5d3cf',
    bubbleBorderRadius: 14,
    bubbleBorderWidth: 1,
    bubbleTextColor: '#1f2d2b',
    bubbleFromUserBackground: '#245752',
    bubbleFromUserBorderColor: '#245752',
    bubbleFromUserBorderRadius: 14,
    bubbleFromUserTextColor: '#ffffff',
    bubbleMinWidth: 120,
    bubbleMaxWidth: 560,
    hideUploadButton: true,
    sendBoxBackground: '#ffffff',
    sendBoxBorderTop: 'solid 1px #c5d3cf',
    sendBoxButtonColor: '#245752',
    sendBoxTextColor: '#1f2d2b',
    sendBoxPlaceholderColor: '#3d4d4a',
    subtle: '#3d4d4a',
    timestampColor: '#3d4d4a',
    // One row that scrolls sideways, so the newest message and any card stay in view on a phone.
    suggestedActionLayout: 'carousel',
    suggestedActionsCarouselFlipperBoxWidth: 32,
    suggestedActionHeight: 36,
    suggestedActionBackgroundColor: '#ffffff',
    suggestedActionBorderColor: '#245752',
    suggestedActionBorderRadius: 18,
    suggestedActionBorderWidth: 1,
    suggestedActionTextColor: '#245752',
    suggestedActionBackgroundColorOnHover: '#e4efec',
    suggestedActionBackgroundColorOnFocus: '#e4efec',
    suggestedActionTextColorOnHover: '#1a403c',
    suggestedActionTextColorOnFocus: '#1a403c',
  };

  function load() {
    try {
      return JSON.parse(window.localStorage.getItem(STORAGE_KEY) || '{}') || {};
    } catch {
      return {};
    }
  }

  function remember(session) {
    try {
      window.localStorage.setItem(
        STORAGE_KEY,
        JSON.stringify({ resume: session.resume, userId: session.userId, conversationId: session.conversationId }),
      );
    } catch {
      // Private browsing without storage: the chat works for this visit only.
    }
  }

  function forget() {
    try {
      window.localStorage.removeItem(STORAGE_KEY);
    } catch {
      // Nothing was stored.
    }
  }

  function takeNotice() {
    try {
      var notice = window.sessionStorage.getItem(NOTICE_KEY);
      window.sessionStorage.removeItem(NOTICE_KEY);
      return notice;
    } catch {
      return null;
    }
  }

  function leaveNotice(key) {
    try {
      window.sessionStorage.setItem(NOTICE_KEY, key);
    } catch {
      // The fresh chat still starts; only the line saying so is lost.
    }
  }

  function showStatus(text, problem) {
    statusElement.textContent = text;
    statusElement.className = problem ? 'status problem' : 'status';
    statusElement.setAttribute('role', problem ? 'alert' : 'status');
  }

  function requestSession(resume) {
    return fetch(config.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(resume ? { resume: resume } : {}),
      credentials: 'same-origin',
    }).then(function (response) {
      if (!response.ok) throw new Error('token endpoint answered ' + response.status);
      return response.json();
    });
  }

  function absolute(domain) {
    return new URL(domain, window.location.href).href.replace(/\/+$/, '');
  }

  // After a long sleep the token can expire: get a new one for the same conversation and reconnect.
  function renew(directLine, domain, conversationId) {
    return requestSession(load().resume).then(function (session) {
      if (!session.resumed || session.conversationId !== conversationId) {
        window.location.reload();
        return undefined;
      }
      remember(session);
      return fetch(domain + '/conversations/' + encodeURIComponent(conversationId), {
        headers: { authorization: 'Bearer ' + session.token },
      })
        .then(function (response) {
          if (!response.ok) throw new Error('reconnect answered ' + response.status);
          return response.json();
        })
        .then(function (conversation) {
          directLine.reconnect(conversation);
        });
    });
  }

  // Web Chat opens links in a new window and refuses sms: links; a phone hands both to its phone app.
  function openPhoneApp(url) {
    window.location.href = url;
  }

  function cardActionMiddleware() {
    return function (next) {
      return function (args) {
        var action = args.cardAction;
        if (
          (action.type === 'openUrl' || action.type === 'call') &&
          typeof action.value === 'string' &&
          PHONE_LINK.test(action.value)
        ) {
          openPhoneApp(action.value);
          return undefined;
        }
        return next(args);
      };
    };
  }

  // The bot's texts are plain lines ("• " before list items), and markdown would run single lines
  // together: bullet and numbered lines become a list, other line breaks become hard breaks.
  // (Teams and Slack get the same from src/channels/renderers/lines.ts.)
  var BULLET = /^\s*[\u2022*-]\s+/;
  var NUMBERED = /^\s*\d{1,3}[.)]\s+/;
  function keepLines(text) {
    if (text.indexOf('\n') < 0) return text;
    return text
      .split(/\n[ \t]*\n/)
      .map(function (paragraph) {
        var blocks = [];
        var current = null;
        paragraph.split('\n').forEach(function (raw) {
          var line = raw.replace(/\s+$/, '');
          if (!line) return;
          var listItem = BULLET.test(line) || NUMBERED.test(line);
          var kind = listItem ? 'list' : 'plain';
          if (!current || current.kind !== kind) blocks.push((current = { kind: kind, lines: [] }));
          current.lines.push(BULLET.test(line) ? '- ' + line.replace(BULLET, '') : listItem ? line.trim() : line);
        });
        return blocks
          .map(function (block) {
            return block.lines.join(block.kind === 'list' ? '\n' : '\\\n');
          })
          .join('\n\n');
      })
      .join('\n\n');
  }

  // Web Chat's own markdown, with these changes: lines are kept (above); its sanitizer turns sms:
  // links into inert buttons, which become links again (only well-formed text-message numbers); and
  // phone and text links open the phone app in place instead of a new, empty window.
  function renderMarkdown(markdown, styleOptions, options) {
    var html = window.WebChat.renderMarkdown(keepLines(markdown), styleOptions, options);
    if (html.indexOf('sms:') < 0 && html.indexOf('tel:') < 0) return html;
    var doc = new DOMParser().parseFromString('<body>' + html + '</body>', 'text/html');
    Array.prototype.forEach.call(doc.querySelectorAll('button[value^="sms:"]'), function (button) {
      var href = button.getAttribute('value');
      if (!PHONE_LINK.test(href)) return;
      var link = doc.createElement('a');
      link.setAttribute('href', href);
      link.textContent = button.textContent;
      button.replaceWith(link);
    });
    Array.prototype.forEach.call(doc.querySelectorAll('a[href^="tel:"], a[href^="sms:"]'), function (link) {
      link.removeAttribute('target');
      link.removeAttribute('rel');
    });
    return doc.body.innerHTML;
  }

  // Set when Web Chat takes over the chat area; the early messages below stop there.
  var webChatStarted = false;
  // Markdown links the early messages keep as links: phone, text message and secure web pages.
  var MARKDOWN_LINK = /\[([^\]]+)\]\(([^)\s]+)\)/g;

  function appendText(element, text) {
    var last = 0;
    text.replace(MARKDOWN_LINK, function (match, label, href, index) {
      element.appendChild(document.createTextNode(text.slice(last, index)));
      last = index + match.length;
      if (PHONE_LINK.test(href) || /^https:\/\/[^\s"'<>]+$/.test(href)) {
        var link = document.createElement('a');
        link.href = href;
        link.textContent = label;
        if (href.indexOf('https:') === 0) {
          link.target = '_blank';
          link.rel = 'noopener noreferrer';
        }
        element.appendChild(link);
      } else {
        element.appendChild(document.createTextNode(label));
      }
      return match;
    });
    element.appendChild(document.createTextNode(text.slice(last)));
  }

  // A first visit reads Web Chat's bundle for a second or two (more on a slow phone). Meanwhile the
  // page shows the bot's first messages itself, as plain bubbles read from the new conversation's
  // history; Web Chat replaces them with the same messages (and their buttons) when it starts.
  function showFirstMessages(session) {
    if (!session.started) return undefined;
    return fetch(
      absolute(session.domain) + '/conversations/' + encodeURIComponent(session.conversationId) + '/activities',
      {
        headers: { authorization: 'Bearer ' + session.token },
      },
    )
      .then(function (response) {
        return response.ok ? response.json() : undefined;
      })
      .then(function (group) {
        var placeholder = document.querySelector('#webchat .placeholder');
        if (webChatStarted || !placeholder || !group || !Array.isArray(group.activities)) return;
        var list = document.createElement('div');
        list.className = 'early';
        group.activities.forEach(function (activity) {
          var fromBot = activity.from && activity.from.role !== 'user';
          if (activity.type !== 'message' || !fromBot || typeof activity.text !== 'string' || !activity.text) return;
          // A div, not a paragraph: Web Chat's own messages are the transcript's paragraphs.
          var bubble = document.createElement('div');
          bubble.className = 'early-bubble';
          appendText(bubble, activity.text);
          list.appendChild(bubble);
        });
        if (!list.firstChild) return;
        Array.prototype.forEach.call(placeholder.querySelectorAll('.placeholder-bubble'), function (grey) {
          grey.remove();
        });
        placeholder.removeAttribute('aria-hidden');
        placeholder.insertBefore(list, placeholder.firstChild);
      })
      .catch(function () {
        // The grey placeholder stays until Web Chat shows the messages.
      });
  }

  function connect(session) {
    webChatStarted = true;
    remember(session);
    var domain = absolute(session.domain);
    var directLine = window.WebChat.createDirectLine({
      domain: domain,
      token: session.token,
      conversationId: session.resumed || session.started ? session.conversationId : undefined,
      webSocket: session.webSocket,
    });
    var renewing = false;
    var leaving = false;
    var lastSuggestedActions;

    // After "delete my data": this browser forgets the person and the page starts a new chat, with
    // one line saying why. Reloading clears the old messages from the screen and from memory.
    function startOverAfterDelete() {
      if (leaving) return;
      leaving = true;
      forget();
      leaveNotice('dataDeleted');
      window.location.reload();
    }

    // A message longer than the server takes stays in the box, with a line in the chat saying what to
    // do; the buttons on screen stay too.
    sayTooLong = function () {
      store.dispatch({
        type: 'DIRECT_LINE/INCOMING_ACTIVITY',
        payload: {
          activity: {
            type: 'message',
            id: 'steady-page-' + Date.now(),
            from: { id: 'steady-page', role: 'bot' },
            text: config.text.tooLong,
            timestamp: new Date().toISOString(),
            channelData: { 'steady.local': true },
            suggestedActions: lastSuggestedActions,
          },
        },
      });
    };

    var store = window.WebChat.createStore({}, function (api) {
      return function (next) {
        return function (action) {
          if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY') {
            var activity = action.payload.activity;
            var fromBot = activity.from && activity.from.role !== 'user';
            if (fromBot && activity.type === 'event' && activity.name === DATA_DELETED_EVENT) startOverAfterDelete();
            if (fromBot && activity.type === 'message') lastSuggestedActions = activity.suggestedActions;
          }
          if (action.type === 'WEB_CHAT/SUBMIT_SEND_BOX') {
            var typed = api.getState().sendBoxValue || '';
            if (typed.length > config.maxLength) {
              sayTooLong();
              return undefined;
            }
          }
          if (action.type === 'WEB_CHAT/SEND_MESSAGE') {
            if ((action.payload.text || '').length > config.maxLength) {
              sayTooLong();
              return undefined;
            }
            // A line like "your data is deleted" has been read once the person writes again.
            if (!statusElement.classList.contains('problem')) showStatus('', false);
          }
          return next(action);
        };
      };
    });

    directLine.connectionStatus$.subscribe(function (status) {
      if (status !== EXPIRED_TOKEN || renewing || leaving) return;
      renewing = true;
      renew(directLine, domain, session.conversationId)
        .catch(function () {
          showStatus(config.text.connectError, true);
        })
        .then(function () {
          renewing = false;
        });
    });
    var host = document.getElementById('webchat');
    // The placeholder (and any early messages) goes in the same task as Web Chat's first render: no blank frame.
    host.textContent = '';
    window.WebChat.renderWebChat(
      {
        directLine: directLine,
        store: store,
        userID: session.userId,
        locale: 'en-US',
        styleOptions: STYLE,
        cardActionMiddleware: cardActionMiddleware,
        renderMarkdown: renderMarkdown,
      },
      host,
    );
    limitSendBox(host);
  }

  // The send box takes no more than the server reads (Web Chat has no setting for it). A paste that
  // would go past the limit gets the same line as an over-long message, so nothing is cut off unseen.
  function limitSendBox(host) {
    function apply() {
      Array.prototype.forEach.call(host.querySelectorAll('input[type="text"], textarea'), function (box) {
        if (box.maxLength !== config.maxLength) box.maxLength = config.maxLength;
      });
    }
    apply();
    new MutationObserver(apply).observe(host, { childList: true, subtree: true });
    host.addEventListener('paste', function (event) {
      var box = event.target;
      if (!event.clipboardData || typeof box.value !== 'string') return;
      var kept = box.value.length - Math.abs((box.selectionEnd || 0) - (box.selectionStart || 0));
      if (kept + event.clipboardData.getData('text').length > config.maxLength) sayTooLong();
    });
  }

  document.getElementById('start-fresh').addEventListener('click', function () {
    if (!window.confirm(config.text.startFreshConfirm)) return;
    forget();
    window.location.reload();
  });

  // A new conversation on our own Direct Line is started here, while the browser is still reading Web
  // Chat's bundle: the bot's welcome is then ready when Web Chat connects (it reads the history).
  function startEarly(session) {
    if (session.resumed || session.mode !== 'self-hosted') return session;
    return fetch(absolute(session.domain) + '/conversations', {
      method: 'POST',
      headers: { authorization: 'Bearer ' + session.token },
    }).then(function (response) {
      if (!response.ok) throw new Error('conversation start answered ' + response.status);
      session.started = true;
      return session;
    });
  }

  // Web Chat's bundle: downloaded from the start (the page's preload link), run when this script adds it.
  function loadWebChat() {
    return new Promise(function (resolve, reject) {
      var script = document.createElement('script');
      script.src = config.webChatScript;
      script.onload = resolve;
      script.onerror = reject;
      document.body.appendChild(script);
    });
  }

  // Lets the browser paint what is on screen before a long script runs.
  function afterPaint() {
    return new Promise(function (resolve) {
      window.requestAnimationFrame(function () {
        window.setTimeout(resolve, 0);
      });
    });
  }

  function wait(ms) {
    return new Promise(function (resolve) {
      window.setTimeout(resolve, ms);
    });
  }

  var notice = takeNotice();
  var resume = load().resume;
  // The token request and a new conversation's start run while the bundle downloads.
  var early = requestSession(resume).then(startEarly);
  // Running Web Chat's bundle keeps the browser busy for a second or more, so a first visit shows the
  // bot's first messages before it starts (waiting at most EARLY_WAIT_MS); a returning visit (resume
  // key) starts it at once.
  var EARLY_WAIT_MS = 1000;
  var firstShown = resume
    ? Promise.resolve()
    : Promise.race([early.then(showFirstMessages).then(afterPaint, function () {}), wait(EARLY_WAIT_MS)]);
  firstShown
    .then(loadWebChat)
    .then(function () {
      return early;
    })
    .then(function (session) {
      if (!window.WebChat) throw new Error('Web Chat did not load');
      connect(session);
      showStatus(notice && config.text[notice] ? config.text[notice] : '', false);
    })
    .catch(function () {
      showStatus(config.text.connectError, true);
    });
})();
