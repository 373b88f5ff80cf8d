// The chat page: gets a Direct Line token from our server (never a secret), remembers the person in
// local storage, and hands the connection to Microsoft's Web Chat. Texts come from the page's
// config block, which the server fills from content/.
(function () {
  'use strict';

  var STORAGE_KEY = 'steady.chat.v1';
  var EXPIRED_TOKEN = 3; // botframework-directlinejs ConnectionStatus.ExpiredToken

  var config = JSON.parse(document.getElementById('steady-config').textContent);
  var statusElement = document.getElementById('status');

  var STYLE = {
    accent: '#2f6f6a',
    backgroundColor: '#f6f8f7',
    primaryFont: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
    bubbleBackground: '#ffffff',
    bubbleBorderColor: '#d9e2df',
    bubbleBorderRadius: 14,
    bubbleBorderWidth: 1,
    bubbleTextColor: '#1f2d2b',
    bubbleFromUserBackground: '#2f6f6a',
    bubbleFromUserBorderColor: '#2f6f6a',
    bubbleFromUserBorderRadius: 14,
    bubbleFromUserTextColor: '#ffffff',
    bubbleMinWidth: 120,
    bubbleMaxWidth: 560,
    hideUploadButton: true,
    sendBoxBackground: '#ffffff',
    sendBoxBorderTop: 'solid 1px #d9e2df',
    sendBoxButtonColor: '#2f6f6a',
    sendBoxTextColor: '#1f2d2b',
    subtle: '#4d5f5b',
    timestampColor: '#4d5f5b',
    suggestedActionLayout: 'flow',
    suggestedActionBackgroundColor: '#ffffff',
    suggestedActionBorderColor: '#2f6f6a',
    suggestedActionBorderRadius: 18,
    suggestedActionBorderWidth: 1,
    suggestedActionTextColor: '#2f6f6a',
    suggestedActionBackgroundColorOnHover: '#e4efec',
  };

  function load() {
    try {
      return JSON.parse(window.localStorage.getItem(STORAGE_KEY) || '{}') || {};
    } catch (error) {
      return {};
    }
  }

  function remember(session) {
    try {
      window.localStorage.setItem(
        STORAGE_KEY,
        JSON.stringify({ resume: session.resume, userId: session.userId, conversationId: session.conversationId }),
      );
    } catch (error) {
      // Private browsing without storage: the chat works for this visit only.
    }
  }

  function forget() {
    try {
      window.localStorage.removeItem(STORAGE_KEY);
    } catch (error) {
      // Nothing was stored.
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

  function connect(session) {
    remember(session);
    var domain = absolute(session.domain);
    var directLine = window.WebChat.createDirectLine({
      domain: domain,
      token: session.token,
      conversationId: session.resumed ? session.conversationId : undefined,
      webSocket: session.webSocket,
    });
    var renewing = false;
    directLine.connectionStatus$.subscribe(function (status) {
      if (status !== EXPIRED_TOKEN || renewing) return;
      renewing = true;
      renew(directLine, domain, session.conversationId)
        .catch(function () {
          showStatus(config.text.connectError, true);
        })
        .then(function () {
          renewing = false;
        });
    });
    window.WebChat.renderWebChat(
      { directLine: directLine, userID: session.userId, locale: 'en-US', styleOptions: STYLE },
      document.getElementById('webchat'),
    );
    showStatus('', false);
  }

  document.getElementById('start-fresh').addEventListener('click', function () {
    if (!window.confirm(config.text.startFreshConfirm)) return;
    forget();
    window.location.reload();
  });

  if (!window.WebChat) {
    showStatus(config.text.connectError, true);
    return;
  }
  requestSession(load().resume)
    .then(connect)
    .catch(function () {
      showStatus(config.text.connectError, true);
    });
})();
