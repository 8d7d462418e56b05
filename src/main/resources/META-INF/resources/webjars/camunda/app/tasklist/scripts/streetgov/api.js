/*
 * The calls of the approval operations, 抄送我的, 消息, 已办/我发起的 and the case record to our own REST API under /api (not the
 * engine API of the webapp): an AngularJS service "streetgovApi" whose promises are $q promises.
 *
 * The calls use fetch, not $http: Tasklist turns every failed $http call into a notification of its
 * own ("通信错误…", "访问被拒绝…") and a 401 into a logout, while a refusal of ours (400, 403, 409,
 * 429 with a Chinese message) is an answer for the dialog to show.
 *
 * The calls ride on the Tasklist login (the session cookie, same origin). The server wants every
 * unsafe call (POST …) of a webapp session to carry the header X-XSRF-TOKEN with the session's
 * CSRF token: the XSRF-TOKEN cookie (path /camunda, readable from Tasklist's pages), else the
 * X-XSRF-TOKEN header of our last answer.
 */

/** Our API is at the root of the application, beside /camunda (the application runs at context root /). */
export const API_ROOT = '/api';

const XSRF_COOKIE = 'XSRF-TOKEN';
const XSRF_HEADER = 'X-XSRF-TOKEN';

/** The value of a cookie readable from this page, or null. */
function cookie(name) {
  const prefix = name + '=';
  for (const part of document.cookie.split(';')) {
    const entry = part.trim();
    if (entry.startsWith(prefix)) {
      return decodeURIComponent(entry.substring(prefix.length));
    }
  }
  return null;
}

/**
 * The Chinese sentence to show for a failed call: the server's {"message": …} when it sent one,
 * else a sentence of ours by status.
 */
export function errorMessage(response) {
  const data = response && response.data;
  if (data && typeof data === 'object' && typeof data.message === 'string' && data.message) {
    return data.message;
  }
  const status = response ? response.status : 0;
  if (status === 0 || status === -1) {
    return '无法连接服务器，请检查网络后重试';
  }
  if (status === 401) {
    return '登录已失效，请重新登录';
  }
  if (status === 403) {
    return '您无权进行此操作';
  }
  if (status === 404) {
    return '任务不存在或已被他人办理，请刷新任务列表';
  }
  if (status === 429) {
    return '操作过于频繁，请稍后再试';
  }
  return '操作失败（HTTP ' + status + '），请稍后重试';
}

export function registerApi(ngModule) {
  ngModule.factory('streetgovApi', [
    '$q',
    function($q) {
      // the token of the last answer that carried one (fallback when the cookie cannot be read)
      let lastToken = null;

      /** Resolves with the answer's JSON; rejects with {status, message} (the sentence to show). */
      function request(method, path, body) {
        const headers = {Accept: 'application/json'};
        // a FormData (an upload) is sent as the browser encodes it (multipart, with its boundary)
        const form = typeof FormData !== 'undefined' && body instanceof FormData;
        if (body !== undefined && !form) {
          headers['Content-Type'] = 'application/json';
        }
        const token = cookie(XSRF_COOKIE) || lastToken;
        if (method !== 'GET' && token) {
          headers[XSRF_HEADER] = token;
        }
        const sent = fetch(API_ROOT + path, {
          method: method,
          headers: headers,
          body: body === undefined ? undefined : form ? body : JSON.stringify(body),
          credentials: 'same-origin',
          cache: 'no-store'
        });
        // $q, so that AngularJS updates the page when the answer is in
        return $q(function(resolve, reject) {
          sent.then(
            function(response) {
              lastToken = response.headers.get(XSRF_HEADER) || lastToken;
              return response.text().then(function(text) {
                let data = null;
                try {
                  data = text ? JSON.parse(text) : null;
                } catch (notJson) {
                  data = null;
                }
                if (response.ok) {
                  resolve(data);
                } else {
                  reject({status: response.status, message: errorMessage({status: response.status, data: data})});
                }
              });
            },
            function() {
              reject({status: 0, message: errorMessage({status: 0})});
            }
          );
        });
      }

      /** '?a=1&b=x' of the parameters that have a value ('' when none has). */
      function query(params) {
        const parts = [];
        Object.keys(params || {}).forEach(function(name) {
          const value = params[name];
          if (value !== undefined && value !== null && value !== '') {
            parts.push(encodeURIComponent(name) + '=' + encodeURIComponent(value));
          }
        });
        return parts.length ? '?' + parts.join('&') : '';
      }

      function taskPath(taskId, what) {
        return '/tasks/' + encodeURIComponent(taskId) + '/' + what;
      }

      return {
        /** What the caller may do on the task now: {operations: [...], labels, signers, …}. */
        operations: function(taskId) {
          return request('GET', taskPath(taskId, 'operations'));
        },
        /** The steps the task may be returned to: [{activityId, taskId, label, toStarter, …}]. */
        returnTargets: function(taskId) {
          return request('GET', taskPath(taskId, 'return-targets'));
        },
        /** The people the caller may choose for an operation (TRANSFER, DELEGATE, ADD_SIGN). */
        people: function(taskId, purpose) {
          return request('GET', taskPath(taskId, 'people') + '?for=' + encodeURIComponent(purpose));
        },
        /** Performs an operation: POST /api/tasks/{id}/{action}; answers {message, …}. */
        perform: function(taskId, action, body) {
          return request('POST', taskPath(taskId, action), body || {});
        },
        /** 抄送我的: {unread, items (newest first)}. */
        copies: function() {
          return request('GET', '/copies');
        },
        markCopyRead: function(copyId) {
          return request('POST', '/copies/' + encodeURIComponent(copyId) + '/read', {});
        },
        /** 消息: {unread, total, items (newest first)}. */
        notifications: function(page, size) {
          return request('GET', '/notifications' + query({page: page, size: size}));
        },
        unreadNotifications: function() {
          return request('GET', '/notifications/unread-count');
        },
        markNotificationRead: function(id) {
          return request('POST', '/notifications/' + encodeURIComponent(id) + '/read', {});
        },
        markAllNotificationsRead: function() {
          return request('POST', '/notifications/read-all', {});
        },
        /** 已办 (which = 'done') or 我发起的 (which = 'started'): {total, items}. */
        cases: function(which, params) {
          return request('GET', '/cases/' + (which === 'started' ? 'started' : 'done') + query(params));
        },
        /** One case as the lists show it: number, subject, state, current steps, outcome. */
        caseSummary: function(processInstanceId) {
          return request('GET', '/cases/' + encodeURIComponent(processInstanceId));
        },
        /** The case's record: {case, steps, opinions, reports}. */
        caseRecord: function(processInstanceId) {
          return request('GET', '/cases/' + encodeURIComponent(processInstanceId) + '/record');
        },
        /** The case's files and what the caller may do: {mayUpload, kinds, maxSize, items, …}. */
        attachments: function(processInstanceId) {
          return request('GET', '/cases/' + encodeURIComponent(processInstanceId) + '/attachments');
        },
        /** Uploads a file (a FormData with file, kind, note): answers the new item. */
        uploadAttachment: function(processInstanceId, formData) {
          return request('POST', '/cases/' + encodeURIComponent(processInstanceId) + '/attachments', formData);
        },
        removeAttachment: function(id) {
          return request('DELETE', '/attachments/' + encodeURIComponent(id));
        },
        /** The case's diagram: {xml, completed, active, flows}. */
        caseDiagram: function(processInstanceId) {
          return request('GET', '/cases/' + encodeURIComponent(processInstanceId) + '/diagram');
        }
      };
    }
  ]);
}
