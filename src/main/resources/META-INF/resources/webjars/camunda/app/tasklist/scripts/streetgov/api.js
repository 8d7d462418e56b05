/*
 * The calls of the approval operations and of 抄送我的 to our own REST API under /api (not the
 * engine API of the webapp): an AngularJS service "streetgovApi" on $http.
 *
 * The calls ride on the Tasklist login (the session cookie, same origin). The server wants every
 * unsafe call (POST …) of a webapp session to carry the header X-XSRF-TOKEN with the session's
 * CSRF token. AngularJS's $http would add it for same-origin calls by itself; we set it explicitly
 * so that it does not depend on the webapp's $http configuration: the token is the XSRF-TOKEN cookie
 * (path /camunda, readable from Tasklist's pages), else the X-XSRF-TOKEN header of our last answer.
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
    '$http',
    '$q',
    function($http, $q) {
      // the token of the last answer that carried one (fallback when the cookie cannot be read)
      let lastToken = null;

      function request(method, path, body) {
        const headers = {Accept: 'application/json'};
        const token = cookie(XSRF_COOKIE) || lastToken;
        if (method !== 'GET' && token) {
          headers[XSRF_HEADER] = token;
        }
        return $http({
          method: method,
          url: API_ROOT + path,
          data: body === undefined ? undefined : body,
          headers: headers,
          withCredentials: true
        }).then(
          function(response) {
            lastToken = response.headers(XSRF_HEADER) || lastToken;
            return response.data;
          },
          function(response) {
            // a rejection carries the status (for callers that tell 403/404 apart) and the sentence to show
            return $q.reject({status: response.status, message: errorMessage(response)});
          }
        );
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
        /** The people the caller may choose for an operation (TRANSFER, DELEGATE, ADD_SIGN, COPY). */
        people: function(taskId, purpose) {
          return request('GET', taskPath(taskId, 'people') + '?for=' + encodeURIComponent(purpose));
        },
        /** Performs an operation: POST /api/tasks/{id}/{action}; answers {message, …}. */
        perform: function(taskId, action, body) {
          return request('POST', taskPath(taskId, action), body || {});
        },
        /** 抄送我的, newest first. */
        copies: function() {
          return request('GET', '/copies');
        },
        markCopyRead: function(copyId) {
          return request('POST', '/copies/' + encodeURIComponent(copyId) + '/read', {});
        }
      };
    }
  ]);
}
