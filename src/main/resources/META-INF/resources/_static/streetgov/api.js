// The calls of our pages under /app to /api: JSON in and out, the session's XSRF token (sent back by
// the server as the header X-XSRF-TOKEN) on unsafe methods, a refusal thrown as an Error with its
// Chinese message. Loaded before the page's own script.
window.StreetGov = window.StreetGov || {};
(function (sg) {
  'use strict';
  var xsrf = null;

  sg.call = function (method, url, body) {
    var headers = { Accept: 'application/json' };
    if (body !== undefined) { headers['Content-Type'] = 'application/json'; }
    if (method !== 'GET' && xsrf) { headers['X-XSRF-TOKEN'] = xsrf; }
    return fetch(url, { method: method, credentials: 'same-origin', headers: headers,
      body: body === undefined ? undefined : JSON.stringify(body) }).then(function (r) {
      var token = r.headers.get('X-XSRF-TOKEN');
      if (token) { xsrf = token; }
      return r.json().catch(function () { return {}; }).then(function (data) {
        if (!r.ok) { throw new Error(data.message || ('请求失败（' + r.status + '）')); }
        return data;
      });
    });
  };
})(window.StreetGov);
