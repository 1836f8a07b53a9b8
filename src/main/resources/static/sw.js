// CongVan's service worker: the shell (styles, scripts, icons, the offline page) and the last
// "my work" page loaded stay readable when the line drops. Nothing else is kept: documents and
// their files are never stored on the device, and what is kept goes at sign-out and sign-in.
var SHELL = 'congvan-shell-1';
var PAGES = 'congvan-pages-1';
var SHELL_FILES = ['/offline', '/css/congvan.css', '/js/congvan.js', '/img/congvan.svg', '/img/icon-192.png',
  '/favicon.ico'];
var KEPT_PAGES = ['/my-work'];

self.addEventListener('install', function (event) {
  // Without the cookie: the worker installs while the sign-in form may be posted, and a request
  // that read the session then could write the one from before the sign-in back (platform.web.Shell).
  event.waitUntil(caches.open(SHELL).then(function (cache) {
    return Promise.all(SHELL_FILES.map(function (file) {
      return fetch(file, { credentials: 'omit' }).then(function (response) {
        if (!response.ok) {
          throw new Error(file + ': ' + response.status);
        }
        return cache.put(file, response);
      });
    }));
  }).then(function () {
    return self.skipWaiting();
  }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name !== SHELL && name !== PAGES;
    }).map(function (name) {
      return caches.delete(name);
    }));
  }).then(function () {
    return self.clients.claim();
  }));
});

self.addEventListener('fetch', function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) {
    return;
  }
  if (url.pathname === '/logout' || url.pathname === '/login') {
    // Another official may sign in on this device next: what was kept of the last one goes.
    event.respondWith(caches.delete(PAGES).then(function () {
      return fetch(request);
    }));
    return;
  }
  if (request.method !== 'GET') {
    return;
  }
  if (request.mode === 'navigate') {
    event.respondWith(page(request, url));
    return;
  }
  if (SHELL_FILES.indexOf(url.pathname) >= 0) {
    // The network first, so that the shell is never stale while online.
    event.respondWith(fetch(request).then(function (response) {
      if (response.ok) {
        var copy = response.clone();
        caches.open(SHELL).then(function (cache) {
          cache.put(url.pathname, copy);
        });
      }
      return response;
    }).catch(function () {
      return caches.match(url.pathname);
    }));
  }
});

function page(request, url) {
  var kept = KEPT_PAGES.indexOf(url.pathname) >= 0;
  return fetch(request).then(function (response) {
    // A page that sent the browser to the sign-in form is not the official's work.
    if (kept && response.ok && !response.redirected) {
      var copy = response.clone();
      caches.open(PAGES).then(function (cache) {
        cache.put(url.pathname, copy);
      });
    }
    return response;
  }).catch(function () {
    var cached = kept ? caches.match(url.pathname, { cacheName: PAGES }) : Promise.resolve(undefined);
    return cached.then(function (response) {
      return response || caches.match('/offline', { cacheName: SHELL });
    });
  });
}
